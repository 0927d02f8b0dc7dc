import DistlangModel
import Foundation
import TestSupport
import Testing

/// Every generated wrangler.toml parses as TOML (python's tomllib) and validates with zero errors
/// against wrangler's published config schema v4.70.0 (vendored); and every Worker section holds,
/// itself, everything its environment's model needs.
@Suite(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("python3"))), .timeLimit(.minutes(2)))
struct WranglerConfigTests {
    @Test func everyFileParsesAndValidatesAgainstTheSchema() throws {
        let (entries, reports) = try CheckedOutputs.wrangler()
        var count = 0
        for entry in entries {
            for (path, absolute) in entry.files(".toml") {
                count += 1
                let report = try #require(reports[absolute], "no report for \(entry.name)/\(path)")
                #expect(report.document != nil, "\(entry.name)/\(path) does not parse: \(report.errors)")
                #expect(report.errors.isEmpty, "\(entry.name)/\(path): \(report.errors)")
            }
        }
        #expect(count >= 10)
    }

    /// The schema check is real: a config with a wrong key or type fails it.
    @Test func theSchemaCheckRejectsABadConfig() throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-cf-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("wrangler.toml")
        try Data("name = \"x\"\n[[queues.consumers]]\nqueue = \"q\"\nmax_batch_sizes = 10\n[triggers]\ncrons = \"0 3 * * *\"\n".utf8)
            .write(to: bad)
        let reports = try Checkers.wrangler([bad.path])
        let errors = try #require(reports[bad.path]).errors
        #expect(errors.count == 2, "\(errors)")
    }

    /// Each environment's section (the top level without environments) carries the Worker's
    /// name, entry module, workers_dev, routes, vars, secrets, every binding, its queue producers
    /// and consumer, and its Cron Triggers, computed here from the model, not from the emitter.
    @Test func everyEnvironmentSectionCarriesWhatItsModelNeeds() throws {
        let (entries, reports) = try CheckedOutputs.wrangler()
        for entry in entries {
            let hasEnvironments = entry.models.contains { !$0.isDefaultEnvironment }
            let functions = Set(entry.models.flatMap { $0.functions.map(\.name) })
            for name in functions {
                let path = "cloudflare/wrangler/\(name)/wrangler.toml"
                let absolute = try #require(entry.paths[path], "\(entry.name): no \(path)")
                let root = try #require(reports[absolute]?.document, "\(entry.name)/\(path) did not parse")
                if hasEnvironments {
                    // The top level holds only inheritable keys, so wrangler never warns that a
                    // non-inheritable key is missing from an environment.
                    let allowed: Set = ["name", "main", "compatibility_date", "compatibility_flags", "account_id", "env"]
                    #expect(root.keys.isSubset(of: allowed), "\(entry.name)/\(path): top level has \(root.keys.subtracting(allowed))")
                }
                for model in entry.models {
                    let where_ = "\(entry.name)/\(path) [\(model.environment)]"
                    let section = model.isDefaultEnvironment ? root : root["env"]?[model.environment]
                    guard let function = model.function(named: name) else {
                        #expect(section == nil, "\(where_): a section for a function the environment does not have")
                        continue
                    }
                    let worker = try #require(section, "\(where_): no section")
                    check(worker, root: root, function: function, model: model, where_: where_)
                }
            }
        }
    }

    private func check(_ s: JSONTree, root: JSONTree, function: FunctionModel, model: AppModel, where_: String) {
        let settings = model.targets.cloudflare!
        func resource(_ name: String) -> ResourceModel { model.resource(named: name)! }
        func inherited(_ key: String) -> JSONTree? { s[key] ?? root[key] }

        #expect(sameBytes(s["name"]?.string, function.physicalNames.cloudflare), "\(where_): name")
        #expect(inherited("main")?.string == "entry.mjs", "\(where_): main")
        #expect(inherited("compatibility_date")?.string == settings.compatibilityDate, "\(where_): compatibility_date")
        #expect(inherited("compatibility_flags")?.strings == settings.compatibilityFlags, "\(where_): compatibility_flags")
        #expect(s["workers_dev"] == .bool(settings.workersDev && !function.routes.isEmpty), "\(where_): workers_dev")

        let routes = settings.routes.filter { $0.function == function.name }.map { route -> JSONTree in
            switch route.kind {
            case .pattern(let p, let zone): return .object(["pattern": .string(p), "zone_name": .string(zone)])
            case .customDomain(let host): return .object(["pattern": .string(host), "custom_domain": .bool(true)])
            }
        }
        #expect(s["routes"] == .array(routes), "\(where_): routes")

        var vars = Dictionary(uniqueKeysWithValues: function.env.map { ($0.name, JSONTree.string($0.value)) })
        // A named environment tells the runtime which part of the function table is its own.
        if !model.isDefaultEnvironment { vars["DISTLANG_ENV"] = .string(model.environment) }
        #expect((s["vars"] ?? .object([:])) == .object(vars), "\(where_): vars")
        #expect((s["secrets"]?["required"]?.strings ?? []) == function.secrets, "\(where_): secrets")

        func uses(_ kind: ResourceKind) -> [Binding] { function.uses.filter { resource($0.resource).kind == kind } }
        func tables(_ tree: JSONTree?) -> [JSONTree] { tree?.array ?? [] }
        // The store's id when the spec gives one (targets.cloudflare.ids), in every Worker that binds it.
        func withID(_ table: [String: JSONTree], _ resource: ResourceModel, key: String) -> JSONTree {
            var table = table
            if let id = settings.ids[resource.name] { table[key] = .string(id) }
            return .object(table)
        }
        #expect(tables(s["kv_namespaces"]) == uses(.kv).map {
            withID(["binding": .string(resource($0.resource).bindingName)], resource($0.resource), key: "id")
        }, "\(where_): kv_namespaces")
        #expect(tables(s["r2_buckets"]) == uses(.bucket).map {
            let r = resource($0.resource)
            return .object(["binding": .string(r.bindingName), "bucket_name": .string(r.physicalNames.cloudflare!)])
        }, "\(where_): r2_buckets")
        #expect(tables(s["d1_databases"]) == uses(.database).map {
            let r = resource($0.resource)
            var table: [String: JSONTree] = ["binding": .string(r.bindingName), "database_name": .string(r.physicalNames.cloudflare!)]
            if let m = r.migrations { table["migrations_dir"] = .string(joinPath("../../..", "..", m)) }
            return withID(table, r, key: "database_id")
        }, "\(where_): d1_databases")
        #expect(tables(s["queues"]?["producers"]) == uses(.queue).map {
            let r = resource($0.resource)
            return .object(["binding": .string(r.bindingName), "queue": .string(r.physicalNames.cloudflare!)])
        }, "\(where_): queues.producers")
        var consumers: [JSONTree] = []
        if let consumes = function.consumes {
            let queue = resource(consumes.queue)
            var table: [String: JSONTree] = [
                "queue": .string(queue.physicalNames.cloudflare!), "max_batch_size": .number(Double(consumes.batchSize)),
                "max_retries": .number(Double(queue.maxRetries)),
            ]
            if queue.deadLetter { table["dead_letter_queue"] = .string(queue.deadLetterNames.cloudflare!) }
            consumers.append(.object(table))
        }
        #expect(tables(s["queues"]?["consumers"]) == consumers, "\(where_): queues.consumers")
        // Always explicit: leaving `crons` out would keep a Worker's existing Cron Triggers.
        #expect(s["triggers"]?["crons"]?.strings == function.schedules.map(\.cloudflareExpression), "\(where_): triggers")
    }
}
