import DistlangModel

/// One function's Worker in one environment, resolved from the model: names, paths' inputs,
/// bindings, routes, triggers. Both translators (wrangler and Terraform) read this, so the two
/// formats always describe the same Worker.
struct WorkerPlan: Sendable {
    var function: FunctionModel
    var environment: String
    /// The Worker name (the function's Cloudflare physical name).
    var name: String
    var accountID: String?
    var compatibilityDate: String
    var compatibilityFlags: [String]
    /// Served on `<name>.<subdomain>.workers.dev`: the spec's `workers_dev`, for functions with `http` routes.
    var workersDev: Bool
    /// The routes and custom domains from `targets.cloudflare.routes` that name this function, in spec order.
    var routes: [CloudflareRoute.Kind]
    var vars: [EnvironmentVariable]
    /// Variables for the runtime, beside the spec's: `DISTLANG_ENV` in a named environment.
    var runtimeVars: [EnvironmentVariable]
    var secrets: [String]
    var kvNamespaces: [ResourceUse]
    var buckets: [ResourceUse]
    var databases: [ResourceUse]
    var producers: [ResourceUse]
    var consumer: ConsumerPlan?
    /// Cron expressions in Cloudflare's dialect, in spec order.
    var crons: [String]
}

/// A function's use of a resource, with the names Cloudflare sees.
struct ResourceUse: Sendable {
    var resource: ResourceModel
    var access: Access
    /// The variable name in code (`SESSIONS`).
    var bindingName: String
    /// The resource's Cloudflare name (bucket, database, queue name; the KV namespace title).
    var physicalName: String
    /// The id of an existing KV namespace or D1 database (`targets.cloudflare.ids`).
    var id: String?
}

/// A function consuming a queue.
struct ConsumerPlan: Sendable {
    var queue: ResourceModel
    var queueName: String
    var batchSize: Int
    var maxRetries: Int
    /// The dead-letter queue's name, when the queue has one.
    var deadLetterQueueName: String?
}

/// One resource in one environment, with its Cloudflare names.
struct ResourcePlan: Sendable {
    var resource: ResourceModel
    var physicalName: String
    /// Queues with `dead_letter`: the dead-letter queue's name.
    var deadLetterName: String?
    /// KV and D1: the id of the existing store (`targets.cloudflare.ids`).
    var id: String?
}

/// Everything the emitter builds for one environment.
struct EnvironmentPlan: Sendable {
    var model: AppModel
    var settings: CloudflareSettings
    var workers: [WorkerPlan]
    var resources: [ResourcePlan]

    var environment: String { model.environment }
}
