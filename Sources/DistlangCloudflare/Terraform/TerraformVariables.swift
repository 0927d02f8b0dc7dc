import DistlangModel
import DistlangRender

/// The input variables of one environment's root: the account (unless the spec sets it), one
/// `sensitive` variable per secret, one zone ID per zone.
struct TerraformVariables {
    var accountID: HCLIdentifier?
    /// Secret name -> variable, sorted by secret name.
    var secrets: [(secret: String, variable: HCLIdentifier, functions: [String])] = []
    /// Zone (route zone or custom-domain hostname) -> variable, sorted by zone.
    var zones: [(zone: String, variable: HCLIdentifier, isHostname: Bool)] = []
    /// Positions in the lists above by function, secret and zone (the first, as a search in order
    /// would find): a large app looks up thousands.
    private var secretIndex: [String: Int] = [:], zoneIndex: [String: Int] = [:]

    init(_ env: EnvironmentPlan, names: inout TerraformNames, options: EmitOptions) {
        if env.settings.accountID == nil { accountID = "account_id" }
        var secretUsers: [String: [String]] = [:]
        for worker in env.workers {
            for secret in worker.secrets { secretUsers[secret, default: []].append(worker.function.name) }
        }
        for secret in secretUsers.keys.sorted() {
            secrets.append((secret, names.secretVariable(secret), secretUsers[secret]!))
        }
        var zoneKinds: [String: Bool] = [:]
        for worker in env.workers {
            for route in worker.routes {
                switch route {
                case .pattern(_, let zone): zoneKinds[zone] = false
                case .customDomain(let host): if zoneKinds[host] == nil { zoneKinds[host] = true }
                }
            }
        }
        for zone in zoneKinds.keys.sorted() {
            zones.append((zone, names.zoneVariable(zone), zoneKinds[zone]!))
        }
        for (i, s) in secrets.enumerated() where secretIndex[s.secret] == nil { secretIndex[s.secret] = i }
        for (i, z) in zones.enumerated() where zoneIndex[z.zone] == nil { zoneIndex[z.zone] = i }
    }

    func secret(_ name: String) -> HCLExpression { .reference("var", secrets[secretIndex[name]!].variable) }

    func zone(_ zone: String) -> HCLExpression { .reference("var", zones[zoneIndex[zone]!].variable) }

    /// variables.tf
    func file() -> HCLFile {
        var items: [HCLBodyItem] = [.comment(TerraformTranslator.generatedComment)]
        func variable(_ name: HCLIdentifier, _ attributes: [(HCLIdentifier, HCLExpression)]) {
            items.append(.block(HCLBlock(
                "variable", [name], body: HCLBody(attributes.map { .attribute(HCLAttribute($0.0, $0.1)) }))))
        }
        let string: HCLExpression = .reference("string")
        if let accountID {
            variable(accountID, [
                ("type", string),
                ("description", "The Cloudflare account ID (32 hexadecimal digits) that holds every resource of this root."),
            ])
        }
        for secret in secrets {
            variable(secret.variable, [
                ("type", string),
                ("description", .string(
                    "The value of the secret \(secret.secret) (a secret_text binding of \(secret.functions.joined(separator: ", "))). Terraform keeps it in its state.")),
                ("sensitive", true),
            ])
        }
        for zone in zones {
            variable(zone.variable, [
                ("type", string),
                ("description", .string(
                    zone.isHostname
                        ? "The ID of the Cloudflare zone that holds the custom domain \(zone.zone)."
                        : "The ID of the Cloudflare zone \(zone.zone).")),
            ])
        }
        return HCLFile(items)
    }
}
