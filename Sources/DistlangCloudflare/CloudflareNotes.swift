import DistlangModel

/// The build summary's notes for Cloudflare: where the mapping approximates the spec, and what a
/// user must do before deploying. Deterministic: environments, functions and resources in order.
struct CloudflareNotes {
    var plans: [EnvironmentPlan]

    func notes() -> [String] {
        var notes: [String] = []
        let workers = plans.flatMap(\.workers)
        let resources = plans.flatMap(\.resources)

        let written = workers.reduce(into: Set<String>()) { $0.formUnion($1.function.writtenSettings) }
        switch (written.contains("memory"), written.contains("timeout")) {
        case (true, true):
            notes.append(
                "memory and timeout are ignored: a Worker has a fixed memory limit and no wall-clock timeout (its CPU time is limited by the plan).")
        case (true, false):
            notes.append("memory is ignored: a Worker has a fixed memory limit.")
        case (false, true):
            notes.append("timeout is ignored: a Worker has no wall-clock timeout (its CPU time is limited by the plan).")
        case (false, false):
            break
        }
        let queues = visibilityTimeouts()
        if !queues.isEmpty {
            notes.append(
                "queue visibility_timeout has no Cloudflare equivalent for push consumers and is ignored: \(queues.joined(separator: ", ")).")
        }
        let versioned = unique(resources.filter { $0.resource.kind == .bucket && $0.resource.versioning }.map(\.resource.name))
        if !versioned.isEmpty {
            notes.append("bucket versioning has no R2 equivalent and is ignored: \(versioned.joined(separator: ", ")).")
        }
        notes += wranglerSteps()
        notes += terraformSteps()
        return notes
    }

    /// Each queue that sets a visibility timeout, with it: `orders (180 s)`, or per environment when they differ.
    private func visibilityTimeouts() -> [String] {
        var order: [String] = []
        var values: [String: [(environment: String, seconds: Int)]] = [:]
        for plan in plans {
            for resource in plan.resources where resource.resource.kind == .queue && resource.resource.writtenSettings.contains("visibility_timeout") {
                if values[resource.resource.name] == nil { order.append(resource.resource.name) }
                values[resource.resource.name, default: []].append((plan.environment, resource.resource.visibilityTimeout))
            }
        }
        return order.map { name in
            let list = values[name]!
            if Set(list.map(\.seconds)).count == 1 { return "\(name) (\(list[0].seconds) s)" }
            return "\(name) (" + list.map { "\($0.seconds) s in \($0.environment)" }.joined(separator: ", ") + ")"
        }
    }

    /// What to do before `wrangler deploy`, each said once for every environment that writes
    /// wrangler.toml. `distlang deploy --target cloudflare` does all of it (docs/deploy.md); the
    /// notes say so, and give the wrangler commands for deploying by hand.
    private func wranglerSteps() -> [String] {
        let plans = self.plans.filter { $0.settings.outputs.contains(.wrangler) }
        guard !plans.isEmpty else { return [] }
        let named = plans.contains { $0.environment != AppModel.defaultEnvironment }
        let envFlag = named ? " --env <env>" : ""
        var notes: [String] = []
        let queues = unique(plans.flatMap { plan in
            plan.resources.filter { $0.resource.kind == .queue }.flatMap { [$0.physicalName] + ($0.deadLetterName.map { [$0] } ?? []) }
        })
        if !queues.isEmpty {
            notes.append(
                "wrangler: the queues must exist before the first deploy: `distlang deploy --target cloudflare` creates them, or \(queues.map { "`wrangler queues create \($0)`" }.joined(separator: ", ")).")
        }
        var databases: [(name: String, folder: String?, migrations: Bool, hasID: Bool)] = []
        for plan in plans {
            let users = Self.users(plan.workers, \.databases)
            for resource in plan.resources where resource.resource.kind == .database {
                databases.append((
                    resource.physicalName, users[resource.resource.name]?.first.map { "cloudflare/wrangler/\($0.function.name)" },
                    resource.resource.migrations != nil, resource.id != nil))
            }
        }
        for db in databases where !db.hasID || db.migrations {
            var steps: [String] = []
            if !db.hasID { steps.append("create it (`wrangler d1 create \(db.name)`) and set its id in targets.cloudflare.ids") }
            if db.migrations {
                steps.append("apply its migrations (`wrangler d1 migrations apply \(db.name) --remote\(envFlag)`\(db.folder.map { " in \($0)" } ?? ""))")
            }
            notes.append(
                "wrangler: D1 database \(db.name): `distlang deploy --target cloudflare` does it, or \(steps.joined(separator: ", then ")).")
        }
        var secrets: [(function: String, names: [String])] = []
        for plan in plans {
            for worker in plan.workers where !worker.secrets.isEmpty {
                if let i = secrets.firstIndex(where: { $0.function == worker.function.name }) {
                    secrets[i].names = unique(secrets[i].names + worker.secrets).sorted()
                } else {
                    secrets.append((worker.function.name, worker.secrets))
                }
            }
        }
        if !secrets.isEmpty {
            let names = unique(secrets.flatMap(\.names).sorted())
            let byHand = secrets.map { entry in
                entry.names.map { "`wrangler secret put \($0)\(envFlag)`" }.joined(separator: ", ") + " in cloudflare/wrangler/\(entry.function)"
            }
            notes.append(
                "wrangler: secrets need values before the first deploy: `distlang deploy --target cloudflare` puts each from the environment variable of its name (\(names.joined(separator: ", "))), or \(byHand.joined(separator: "; ")).")
        }
        return notes
    }

    /// What to set before `terraform apply`, said once for every environment with a root (nothing
    /// when no root needs input).
    private func terraformSteps() -> [String] {
        let plans = self.plans.filter { $0.settings.outputs.contains(.terraform) }
        var inputs: [String] = []
        var passed: [String] = []
        if plans.contains(where: { $0.settings.accountID == nil }) {
            inputs.append("account_id")
            passed.append("account_id from CLOUDFLARE_ACCOUNT_ID")
        }
        let secrets = unique(plans.flatMap { $0.workers.flatMap(\.secrets) }.sorted())
        if !secrets.isEmpty {
            inputs.append("the sensitive secret_* variables (\(secrets.joined(separator: ", ")))")
            passed.append("each secret from the environment variable of its name")
        }
        let zoned = plans.filter { $0.workers.contains { !$0.routes.isEmpty } }.map(\.environment)
        if !zoned.isEmpty {
            inputs.append("the zone_id_* variables\(zoned == plans.map(\.environment) ? "" : " (\(zoned.joined(separator: ", ")))")")
        }
        if !inputs.isEmpty && !passed.isEmpty {
            inputs[inputs.count - 1] += " (`distlang deploy --via terraform` passes \(passed.joined(separator: " and ")))"
        }
        var steps: [String] = []
        if !inputs.isEmpty { steps.append("set " + Self.list(inputs)) }
        if plans.contains(where: { plan in plan.resources.contains { $0.resource.kind == .database && $0.resource.migrations != nil } }) {
            steps.append("Terraform creates D1 databases but does not apply migrations (use `wrangler d1 migrations apply`)")
        }
        guard !steps.isEmpty else { return [] }
        let root = plans.count == 1 ? plans[0].environment : "<env>"
        return ["terraform (cloudflare/terraform/\(root)): " + steps.joined(separator: "; ") + "."]
    }

    /// Resource name -> the Workers that use it through `uses`, in Worker order, each once.
    private static func users(_ workers: [WorkerPlan], _ uses: KeyPath<WorkerPlan, [ResourceUse]>) -> [String: [WorkerPlan]] {
        var out: [String: [WorkerPlan]] = [:]
        for worker in workers {
            var seen = Set<String>()
            for use in worker[keyPath: uses] where seen.insert(use.resource.name).inserted {
                out[use.resource.name, default: []].append(worker)
            }
        }
        return out
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
