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

    /// What to do before `wrangler deploy`, per environment.
    private func wranglerSteps() -> [String] {
        var notes: [String] = []
        for plan in plans where plan.settings.outputs.contains(.wrangler) {
            let envFlag = plan.environment == AppModel.defaultEnvironment ? "" : " --env \(plan.environment)"
            let queues = plan.resources.filter { $0.resource.kind == .queue }
                .flatMap { [$0.physicalName] + ($0.deadLetterName.map { [$0] } ?? []) }
            if !queues.isEmpty {
                notes.append(
                    "wrangler (\(plan.environment)): create the queues before the first deploy: \(queues.map { "`wrangler queues create \($0)`" }.joined(separator: ", ")).")
            }
            let databaseUsers = Self.users(plan.workers, \.databases)
            let kvUsers = Self.users(plan.workers, \.kvNamespaces)
            for resource in plan.resources where resource.resource.kind == .database {
                let users = databaseUsers[resource.resource.name] ?? []
                let folder = users.first.map { " in cloudflare/wrangler/\($0.function.name)" } ?? ""
                notes.append(
                    "wrangler (\(plan.environment)): create D1 database \(resource.physicalName) first (`wrangler d1 create \(resource.physicalName)`; its database_id is not in wrangler.toml)\(resource.resource.migrations != nil ? ", then apply its migrations: `wrangler d1 migrations apply \(resource.physicalName) --remote\(envFlag)`\(folder)" : "").")
            }
            let kv = plan.resources.filter { $0.resource.kind == .kv }
            for resource in kv {
                let users = (kvUsers[resource.resource.name] ?? []).map(\.function.name)
                guard !users.isEmpty else { continue }
                notes.append(
                    "wrangler (\(plan.environment)): KV namespace \(resource.resource.name) has no id in wrangler.toml, so wrangler provisions one at deploy\(users.count > 1 ? "; \(users.joined(separator: " and ")) must share it: create it once (`wrangler kv namespace create \(resource.physicalName)`) and add its id to the binding in each wrangler.toml" : "").")
            }
            for worker in plan.workers where !worker.secrets.isEmpty {
                notes.append(
                    "wrangler (\(plan.environment)): set the secrets of \(worker.function.name) in cloudflare/wrangler/\(worker.function.name): \(worker.secrets.map { "`wrangler secret put \($0)\(envFlag)`" }.joined(separator: ", ")).")
            }
        }
        return notes
    }

    /// What to do before `terraform apply`, per environment (nothing when the root needs no input).
    private func terraformSteps() -> [String] {
        plans.filter { $0.settings.outputs.contains(.terraform) }.compactMap { plan in
            var inputs: [String] = []
            if plan.settings.accountID == nil { inputs.append("account_id") }
            let secrets = Set(plan.workers.flatMap(\.secrets))
            if !secrets.isEmpty { inputs.append("the sensitive secret_* variables (\(secrets.sorted().joined(separator: ", ")))") }
            if plan.workers.contains(where: { !$0.routes.isEmpty }) { inputs.append("the zone_id_* variables") }
            var steps: [String] = []
            if !inputs.isEmpty { steps.append("set \(inputs.joined(separator: ", "))") }
            if plan.resources.contains(where: { $0.resource.kind == .database && $0.resource.migrations != nil }) {
                steps.append("Terraform creates D1 databases but does not apply migrations (use `wrangler d1 migrations apply`)")
            }
            guard !steps.isEmpty else { return nil }
            return "terraform (cloudflare/terraform/\(plan.environment)): " + steps.joined(separator: "; ") + "."
        }
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

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
