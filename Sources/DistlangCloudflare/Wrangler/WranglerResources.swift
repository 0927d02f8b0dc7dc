import DistlangCore
import DistlangModel
import DistlangRender

/// The resources a wrangler.toml declares for one environment's Worker, for the build manifest and
/// `distlang diff`: the Worker itself, each route, each binding, the queue consumer and the Cron
/// Triggers. Attributes are the same tables the file holds.
///
/// None is stateful: wrangler never deletes a KV namespace, bucket, database or queue when a
/// binding goes away or points elsewhere, so removing or renaming a binding loses no data (the
/// Terraform resources, which do destroy storage, are stateful). A changed bucket, database or
/// queue name is still listed as replacing the binding.
struct WranglerResources {
    var options: EmitOptions

    func resources(for plan: WorkerPlan, translator: WranglerTranslator) -> [EmittedResource] {
        let fn = plan.function.name
        let file = CloudflarePaths.wranglerFile(function: fn)
        let functionElement = ModelElement(.function, fn)
        func resource(
            _ type: String, _ logical: String, physical: String? = nil, _ table: TOMLTable, replacing: [String] = [],
            source: ModelElement, stateful: Bool = false
        ) -> EmittedResource {
            EmittedResource(
                target: .cloudflare, format: "wrangler", environment: plan.environment, type: type, logicalName: logical,
                physicalName: physical, file: file, attributes: Self.object(table), replacingAttributes: replacing,
                source: source, isStateful: stateful)
        }

        var worker: TOMLTable = ["name": .string(plan.name)]
        for (key, value) in translator.inheritable(plan) { worker[key] = value }
        worker["workers_dev"] = .bool(plan.workersDev)
        worker["preview_urls"] = false
        worker["vars"] = .inlineTable(WranglerSections.vars(plan.vars))
        worker["secrets"] = .array(plan.secrets.map(TOMLValue.string))
        var out = [resource("worker", fn, physical: plan.name, worker, replacing: ["name"], source: functionElement)]

        for route in plan.routes {
            let table = WranglerSections.route(route)
            let pattern: String
            switch route {
            case .pattern(let p, _): pattern = p
            case .customDomain(let host): pattern = host
            }
            out.append(resource("routes", "\(fn)/\(pattern)", table, replacing: ["pattern"], source: functionElement))
        }
        func binding(_ type: String, _ use: ResourceUse, _ table: TOMLTable, nameKey: String?) -> EmittedResource {
            resource(
                type, "\(fn)/\(use.bindingName)", physical: nameKey.map { _ in use.physicalName }, table,
                replacing: nameKey.map { [$0] } ?? [], source: ModelElement(.resource, use.resource.name))
        }
        out += plan.kvNamespaces.map { binding("kv_namespaces", $0, WranglerSections.kvNamespace($0), nameKey: nil) }
        out += plan.buckets.map { binding("r2_buckets", $0, WranglerSections.r2Bucket($0), nameKey: "bucket_name") }
        out += plan.databases.map {
            binding("d1_databases", $0, WranglerSections.d1Database($0, options: options), nameKey: "database_name")
        }
        out += plan.producers.map { binding("queues.producers", $0, WranglerSections.producer($0), nameKey: "queue") }
        if let consumer = plan.consumer {
            out.append(resource(
                "queues.consumers", "\(fn)/\(consumer.queue.name)", physical: consumer.queueName,
                WranglerSections.consumer(consumer), replacing: ["queue"], source: functionElement))
        }
        if !plan.crons.isEmpty {
            out.append(resource(
                "triggers", "\(fn)/crons", ["crons": .array(plan.crons.map(TOMLValue.string))], source: functionElement))
        }
        return out
    }

    /// The JSON form of a table (inline and section tables alike).
    static func object(_ table: TOMLTable) -> JSONObject {
        JSONObject(table.entries.map { ($0.0, value($0.1)) })
    }

    static func value(_ value: TOMLValue) -> Value {
        switch value {
        case .string(let s): return .string(s)
        case .integer(let i): return .integer(i)
        case .float(let d): return .number(d)
        case .bool(let b): return .bool(b)
        case .array(let items): return .array(items.map(Self.value))
        case .table(let t), .inlineTable(let t): return .object(object(t))
        case .arrayOfTables(let tables): return .array(tables.map { .object(object($0)) })
        }
    }
}
