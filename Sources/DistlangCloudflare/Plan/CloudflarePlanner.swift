import DistlangCore
import DistlangModel
import DistlangRuntime

/// Resolves each environment's model into Worker and resource plans. What Cloudflare would reject is
/// `CloudflareChecker`'s to report, at validate time.
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
                deadLetterName: resource.kind == .queue ? CloudflareNames.deadLetterQueue(resource, in: model) : nil,
                id: resource.kind == .kv || resource.kind == .database ? settings.ids[resource.name] : nil)
        }
        // Lookups by name, made once (the first match, as a search in order would find).
        let byName = Dictionary(resources.map { ($0.resource.name, $0) }, uniquingKeysWith: { first, _ in first })
        var routes: [String: [CloudflareRoute.Kind]] = [:]
        for route in settings.routes { routes[route.function, default: []].append(route.kind) }
        let workers = model.functions.map {
            worker($0, in: model, settings: settings, resources: byName, routes: routes[$0.name] ?? [])
        }
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
            vars: function.env,
            runtimeVars: model.isDefaultEnvironment
                ? [] : [EnvironmentVariable(name: RuntimeVariables.environment, value: model.environment)],
            secrets: function.secrets, kvNamespaces: [], buckets: [], databases: [], producers: [],
            consumer: nil, crons: function.schedules.map(\.cloudflareExpression))
        for binding in function.uses {
            guard let resource = resourcePlan(binding.resource) else { continue }  // the spec stage reports it
            let use = ResourceUse(
                resource: resource.resource, access: binding.access, bindingName: resource.resource.bindingName,
                physicalName: resource.physicalName, id: resource.id)
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
}
