import DistlangModel

/// Cloudflare through wrangler: first what must exist before a Worker is deployed (queues and
/// their dead-letter queues; KV namespaces and D1 databases, looked up by name or created, their
/// ids then written into every wrangler.toml; D1 migrations), then for each Worker its secrets
/// (`wrangler secret put`, from the environment: wrangler.toml's `[secrets] required` refuses a
/// deploy without them) and `wrangler deploy --env <env>` from its folder.
struct WranglerDeploy {
    var model: AppModel
    var request: DeployRequest
    var environmentNames: Set<String>

    func plan(_ summary: DeployRequest.Summary) throws -> DeployPlan {
        let secrets = Array(Set(model.functions.flatMap(\.secrets))).sorted()
        if let error = missingVariables(secrets, in: environmentNames, for: "each is set on its Workers with `wrangler secret put`") {
            throw error
        }
        let settings = model.targets.cloudflare!
        // Account-level commands run outside every wrangler.toml: they get the spec's account, if any.
        let account: [(name: String, value: DeployValue)] = settings.accountID.map { [("CLOUDFLARE_ACCOUNT_ID", .literal($0))] } ?? []
        func accountCommand(_ arguments: [DeployArgument]) -> DeployCommand {
            DeployCommand(.wrangler, arguments, in: DeployLayout.wranglerAccountFolder, environment: account)
        }
        var steps: [DeployStep] = []
        for queue in model.resources where queue.kind == .queue {
            let names = [queue.physicalNames.cloudflare ?? queue.name] + (queue.deadLetter ? [queue.deadLetterNames.cloudflare].compactMap { $0 } : [])
            for name in names {
                steps.append(DeployStep(.createQueue, "create queue \(name) (if it does not exist)", command: accountCommand(["queues", "create", .text(name)]), deploys: "queue \(name)"))
            }
        }

        let stores = self.stores(settings)
        for kind in [StoreKind.kv, .d1] where stores.contains(where: { $0.kind == kind }) {
            let list: [DeployArgument] = kind == .kv ? ["kv", "namespace", "list"] : ["d1", "list", "--json"]
            steps.append(DeployStep(.listStores(kind), "list the account's \(kind.noun)s", command: accountCommand(list)))
            for store in stores where store.kind == kind && store.specID == nil {
                let create: [DeployArgument] = kind == .kv ? ["kv", "namespace", "create", .text(store.title)] : ["d1", "create", .text(store.title)]
                steps.append(DeployStep(
                    .createStore(resource: store.resource, kind: kind), "create \(kind.noun) \(store.title) (if the list does not have it)",
                    command: accountCommand(create), deploys: "\(kind.noun) \(store.title)"))
            }
        }
        if stores.contains(where: { $0.specID == nil }) {
            steps.append(DeployStep(.writeBuild, "write the ids into every wrangler.toml that binds the stores", command: nil))
        }

        for db in model.resources where db.kind == .database && db.migrations != nil {
            guard let user = model.functions.first(where: { $0.uses.contains { $0.resource == db.name } }) else { continue }
            let name = db.physicalNames.cloudflare ?? db.name
            steps.append(DeployStep(
                .run, "apply the migrations of D1 database \(name)",
                command: DeployCommand(
                    .wrangler, ["d1", "migrations", "apply", .text(name), "--remote"] + wranglerEnvironmentFlag(model),
                    in: DeployLayout.wranglerFolder(function: user.name)),
                deploys: "the migrations of D1 database \(name)"))
        }

        for function in model.functions {
            let folder = DeployLayout.wranglerFolder(function: function.name)
            let worker = function.physicalNames.cloudflare ?? function.name
            for secret in function.secrets {
                steps.append(DeployStep(
                    .run, "set secret \(secret) of Worker \(worker) from $\(secret)",
                    command: DeployCommand(
                        .wrangler, ["secret", "put", .text(secret)] + wranglerEnvironmentFlag(model), in: folder, input: .variable(secret)),
                    deploys: "secret \(secret) of Worker \(worker)"))
            }
            steps.append(DeployStep(
                .run, "deploy Worker \(worker)",
                command: DeployCommand(.wrangler, ["deploy"] + wranglerEnvironmentFlag(model), in: folder),
                deploys: "Worker \(worker)"))
        }
        return DeployPlan(request: summary, steps: steps, stores: stores)
    }

    /// The KV namespaces and D1 databases the environment's Workers bind, in resource order.
    func stores(_ settings: CloudflareSettings) -> [StoreToResolve] {
        let bound = Set(model.functions.flatMap { $0.uses.map(\.resource) })
        return model.resources.compactMap { resource in
            guard bound.contains(resource.name), resource.kind == .kv || resource.kind == .database else { return nil }
            return StoreToResolve(
                resource: resource.name, kind: resource.kind == .kv ? .kv : .d1, title: resource.physicalNames.cloudflare ?? resource.name,
                specID: settings.ids[resource.name])
        }
    }
}
