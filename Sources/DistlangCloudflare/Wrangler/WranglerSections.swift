import DistlangModel
import DistlangRender

/// The wrangler.toml tables of one Worker's bindings, routes and triggers (wrangler.md §2-§3).
/// The translator puts them in the file; the resource list records the same tables.
enum WranglerSections {
    /// `{ pattern, zone_name }` or `{ pattern = host, custom_domain = true }`.
    static func route(_ route: CloudflareRoute.Kind) -> TOMLTable {
        switch route {
        case .pattern(let pattern, let zone): return ["pattern": .string(pattern), "zone_name": .string(zone)]
        case .customDomain(let host): return ["pattern": .string(host), "custom_domain": true]
        }
    }

    /// `[[kv_namespaces]]`: the binding, and the namespace's `id` when the spec gives it
    /// (`targets.cloudflare.ids`); without one wrangler provisions a namespace for this Worker.
    static func kvNamespace(_ use: ResourceUse) -> TOMLTable {
        var table: TOMLTable = ["binding": .string(use.bindingName)]
        if let id = use.id { table["id"] = .string(id) }
        return table
    }

    static func r2Bucket(_ use: ResourceUse) -> TOMLTable {
        ["binding": .string(use.bindingName), "bucket_name": .string(use.physicalName)]
    }

    /// `[[d1_databases]]`: binding, name, the `database_id` when the spec gives it
    /// (`targets.cloudflare.ids`), and `migrations_dir` relative to the wrangler.toml.
    static func d1Database(_ use: ResourceUse, options: EmitOptions) -> TOMLTable {
        var table: TOMLTable = ["binding": .string(use.bindingName), "database_name": .string(use.physicalName)]
        if let id = use.id { table["database_id"] = .string(id) }
        if let migrations = use.resource.migrations {
            table["migrations_dir"] = .string(CloudflarePaths.specPath(migrations, options: options))
        }
        return table
    }

    static func producer(_ use: ResourceUse) -> TOMLTable {
        ["binding": .string(use.bindingName), "queue": .string(use.physicalName)]
    }

    static func consumer(_ consumer: ConsumerPlan) -> TOMLTable {
        var table: TOMLTable = [
            "queue": .string(consumer.queueName), "max_batch_size": .integer(Int64(consumer.batchSize)),
            "max_retries": .integer(Int64(consumer.maxRetries)),
        ]
        if let dlq = consumer.deadLetterQueueName { table["dead_letter_queue"] = .string(dlq) }
        return table
    }

    /// `[vars]`: the model's values are already text.
    static func vars(_ vars: [EnvironmentVariable]) -> TOMLTable {
        TOMLTable(vars.map { ($0.name, TOMLValue.string($0.value)) })
    }
}
