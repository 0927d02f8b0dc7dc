import DistlangCore
import DistlangModel

/// The rules of `targets.cloudflare.ids` (docs/targets/cloudflare.md §3): each id names a KV or D1
/// resource of the environment and has its kind's form, and a store that two or more Workers bind
/// has an id wherever wrangler.toml is written (without one, wrangler would provision a separate
/// namespace or database for each Worker, and they would not share data).
struct CloudflareStoreIDs {
    var plan: EnvironmentPlan
    /// False for `distlang deploy`, which creates the missing stores itself before `wrangler deploy`.
    var requiresSharedStoreIDs: Bool

    static let idsPointer = JSONPointer(tokens: ["targets", "cloudflare", "ids"])

    func findings() -> [TargetFinding] {
        idFindings() + (requiresSharedStoreIDs ? missingIDs() : [])
    }

    /// Each id: a resource of the environment, a kind that has ids, the kind's form.
    private func idFindings() -> [TargetFinding] {
        var out: [TargetFinding] = []
        let resources = Dictionary(plan.resources.map { ($0.resource.name, $0.resource) }, uniquingKeysWith: { first, _ in first })
        let stores = plan.resources.filter { Self.hasID($0.resource.kind) }.map(\.resource.name)
        for name in plan.settings.ids.keys.sorted() {
            let id = plan.settings.ids[name]!
            let at = Self.idsPointer.appending(name)
            guard let resource = resources[name] else {
                out.append(TargetFinding(
                    .error, "cloudflare.id-unknown-resource",
                    "targets.cloudflare.ids names \(name), which is not a resource of the app",
                    at: [at], atKey: true,
                    hint: stores.isEmpty
                        ? "remove it: the app has no KV namespace or D1 database"
                        : DidYouMean.suggest(name, from: stores).map { "did you mean \"\($0)\"?" }
                            ?? "ids are for the KV and D1 resources: \(stores.joined(separator: ", "))"))
                continue
            }
            switch resource.kind {
            case .bucket, .queue:
                out.append(TargetFinding(
                    .warning, "cloudflare.id-unused",
                    "\(name) is a \(resource.kind.rawValue): wrangler names R2 buckets and queues by name, so this id is not used",
                    at: [at], atKey: true, hint: "remove it"))
            case .kv where !Self.isKVNamespaceID(id):
                out.append(TargetFinding(
                    .error, "cloudflare.invalid-id",
                    "\"\(id)\" is not a KV namespace id: those are 32 lowercase hexadecimal digits",
                    at: [at], hint: "`wrangler kv namespace list` shows each namespace's title and id"))
            case .database where !Self.isD1DatabaseID(id):
                out.append(TargetFinding(
                    .error, "cloudflare.invalid-id",
                    "\"\(id)\" is not a D1 database id: those are UUIDs (8-4-4-4-12 lowercase hexadecimal digits)",
                    at: [at], hint: "`wrangler d1 list` shows each database's name and id"))
            default:
                break
            }
        }
        return out
    }

    /// A KV namespace or D1 database that several Workers bind, without an id, where wrangler.toml is written.
    private func missingIDs() -> [TargetFinding] {
        guard plan.settings.outputs.contains(.wrangler) else { return [] }
        var out: [TargetFinding] = []
        for store in plan.resources where Self.hasID(store.resource.kind) && store.id == nil {
            let name = store.resource.name
            let users = plan.workers.filter { worker in
                (worker.kvNamespaces + worker.databases).contains { $0.resource.name == name }
            }.map(\.function.name)
            guard users.count >= 2 else { continue }
            let kv = store.resource.kind == .kv
            let what = kv ? "KV namespace" : "D1 database"
            // The message and hint hold for every environment with the problem (it is reported
            // once for all of them): a named environment is written `<env>`.
            let named = !plan.model.isDefaultEnvironment
            let title = named ? store.physicalName.replacingAll("-\(plan.environment)-", "-<env>-") : store.physicalName
            let create = kv ? "wrangler kv namespace create \(title)" : "wrangler d1 create \(title)"
            let output = (kv ? "kv_namespace_id_" : "d1_database_id_") + TerraformNames.identifier(name).name
            let key = named ? "environments.<env>.targets.cloudflare.ids.\(name)" : "targets.cloudflare.ids.\(name)"
            out.append(TargetFinding(
                .error, "cloudflare.store-id-missing",
                "\(store.resource.kind.rawValue) \(name) is bound by \(users.count) Workers (\(users.joined(separator: ", "))) but has no id in targets.cloudflare.ids, so wrangler would create a separate \(what) for each of them and they would not share data",
                at: [.resource(name)], atKey: true,
                hint: "create it once\(named ? " per environment" : "") and set its id as \(key): `\(create)` prints it (`distlang deploy --target cloudflare` creates it and prints it too; after a Terraform deploy it is the output \(output))",
                causes: [Self.idsPointer, JSONPointer(tokens: ["targets", "cloudflare", "outputs"])]))
        }
        return out
    }

    /// The kinds wrangler binds by id.
    static func hasID(_ kind: ResourceKind) -> Bool { kind == .kv || kind == .database }

    static func isKVNamespaceID(_ id: String) -> Bool {
        id.utf8.count == 32 && id.utf8.allSatisfy(isLowercaseHex)
    }

    static func isD1DatabaseID(_ id: String) -> Bool {
        let groups = id.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.utf8.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.utf8.allSatisfy(isLowercaseHex) }
    }

    private static func isLowercaseHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }
}
