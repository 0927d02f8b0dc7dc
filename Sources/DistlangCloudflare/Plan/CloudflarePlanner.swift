import DistlangCore
import DistlangModel

/// Resolves each environment's model into Worker and resource plans, and reports what Cloudflare
/// would reject (names, duplicate binding names) or what cannot work (unknown route functions).
struct CloudflarePlanner {
    var diagnostics: [Diagnostic] = []

    mutating func plan(_ model: AppModel) -> EnvironmentPlan? {
        guard let settings = model.targets.cloudflare else {
            diagnostics.append(.error(
                "cloudflare.no-settings",
                "environment \(model.environment) has no targets.cloudflare settings, so nothing is built for Cloudflare",
                pointer: JSONPointer(tokens: ["targets"])))
            return nil
        }
        let resources = model.resources.map { resource in
            ResourcePlan(
                resource: resource, physicalName: CloudflareNames.resource(resource, in: model),
                deadLetterName: resource.kind == .queue ? CloudflareNames.deadLetterQueue(resource, in: model) : nil)
        }
        // Lookups by name, made once (the first match, as a search in order would find).
        let byName = Dictionary(resources.map { ($0.resource.name, $0) }, uniquingKeysWith: { first, _ in first })
        var routes: [String: [CloudflareRoute.Kind]] = [:]
        for route in settings.routes { routes[route.function, default: []].append(route.kind) }
        let workers = model.functions.map {
            worker($0, in: model, settings: settings, resources: byName, routes: routes[$0.name] ?? [])
        }
        check(model, settings: settings, workers: workers, resources: resources)
        return EnvironmentPlan(model: model, settings: settings, workers: workers, resources: resources)
    }

    private func worker(
        _ function: FunctionModel, in model: AppModel, settings: CloudflareSettings, resources: [String: ResourcePlan],
        routes: [CloudflareRoute.Kind]
    ) -> WorkerPlan {
        func resourcePlan(_ name: String) -> ResourcePlan? { resources[name] }
        var plan = WorkerPlan(
            function: function, environment: model.environment, name: CloudflareNames.worker(function, in: model),
            accountID: settings.accountID, compatibilityDate: settings.compatibilityDate,
            compatibilityFlags: settings.compatibilityFlags,
            workersDev: settings.workersDev && !function.routes.isEmpty,
            routes: routes,
            vars: function.env, secrets: function.secrets, kvNamespaces: [], buckets: [], databases: [], producers: [],
            consumer: nil, crons: function.schedules.map(\.cloudflareExpression))
        for binding in function.uses {
            guard let resource = resourcePlan(binding.resource) else { continue }  // the spec stage reports it
            let use = ResourceUse(
                resource: resource.resource, access: binding.access, bindingName: resource.resource.bindingName,
                physicalName: resource.physicalName)
            switch resource.resource.kind {
            case .kv: plan.kvNamespaces.append(use)
            case .bucket: plan.buckets.append(use)
            case .database: plan.databases.append(use)
            case .queue: plan.producers.append(use)
            }
        }
        if let consumes = function.consumes, let queue = resourcePlan(consumes.queue), queue.resource.kind == .queue {
            plan.consumer = ConsumerPlan(
                queue: queue.resource, queueName: queue.physicalName, batchSize: consumes.batchSize,
                maxRetries: queue.resource.maxRetries, deadLetterQueueName: queue.deadLetterName)
        }
        return plan
    }

    private mutating func check(
        _ model: AppModel, settings: CloudflareSettings, workers: [WorkerPlan], resources: [ResourcePlan]
    ) {
        let env = model.environment
        for route in settings.routes where model.function(named: route.function) == nil {
            diagnostics.append(.error(
                "cloudflare.route-function",
                "a Cloudflare route names the function \(route.function), which environment \(env) does not have",
                pointer: JSONPointer(tokens: ["targets", "cloudflare", "routes"])))
        }
        for worker in workers {
            let pointer = JSONPointer(tokens: ["functions", worker.function.name])
            if !CloudflareNames.isValidWorkerName(worker.name) {
                diagnostics.append(.error(
                    "cloudflare.invalid-name",
                    "the Worker name \"\(worker.name)\" (function \(worker.function.name), environment \(env)) is not valid on Cloudflare: use 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
                    pointer: pointer))
            }
            var seen: [String: String] = [:]
            for (name, what) in worker.bindingNames {
                if let first = seen[name] {
                    diagnostics.append(.error(
                        "cloudflare.duplicate-binding",
                        "the Worker of function \(worker.function.name) (environment \(env)) would have two bindings named \(name): \(first) and \(what); Cloudflare requires binding names to be unique",
                        pointer: pointer))
                } else {
                    seen[name] = what
                }
            }
            if !worker.function.routes.isEmpty && !worker.workersDev && worker.routes.isEmpty {
                diagnostics.append(.warning(
                    "cloudflare.unreachable",
                    "function \(worker.function.name) has http routes, but in environment \(env) its Worker has neither a workers.dev URL nor a Cloudflare route, so no request reaches it",
                    pointer: pointer, hint: "set targets.cloudflare.workers_dev or add a route for it under targets.cloudflare.routes"))
            }
        }
        for plan in resources {
            let names = [plan.physicalName] + (plan.deadLetterName.map { [$0] } ?? [])
            for name in names {
                let valid = plan.resource.kind == .bucket
                    ? CloudflareNames.isValidBucketName(name) : CloudflareNames.isValidResourceName(name)
                if !valid {
                    diagnostics.append(.error(
                        "cloudflare.invalid-name",
                        "the \(plan.resource.kind.rawValue) name \"\(name)\" (resource \(plan.resource.name), environment \(env)) is not valid on Cloudflare: use lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters\(plan.resource.kind == .bucket ? " and at least 3" : "")",
                        pointer: JSONPointer(tokens: ["resources", plan.resource.name])))
                }
            }
        }
    }
}
