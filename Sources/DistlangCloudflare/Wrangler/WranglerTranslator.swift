import DistlangModel
import DistlangRender

/// Translates one function's Workers (one plan per environment it exists in) into its
/// wrangler.toml document.
///
/// Without environments (only `default`) every key is at the top level. With environments the top
/// level holds the Worker's base name and the inheritable keys every environment shares (`main`,
/// `compatibility_date`, `compatibility_flags`, `account_id`), and each `[env.<name>]` section
/// sets its Worker `name` and repeats every non-inheritable key in full, plus `workers_dev`,
/// `preview_urls`, `routes` and `triggers` explicitly (docs/targets/cloudflare.md).
struct WranglerTranslator {
    var options: EmitOptions

    func document(app: String, description: String?, function: String, plans: [WorkerPlan]) -> TOMLDocument {
        let defaultPlan = plans.first { $0.environment == AppModel.defaultEnvironment }
        let named = plans.filter { $0.environment != AppModel.defaultEnvironment }
            .sorted { $0.environment < $1.environment }
        var root = TOMLTable()
        root["name"] = .string(defaultPlan?.name ?? CloudflareNames.baseWorker(app: app, function: function))
        let rootInheritable = defaultPlan.map(inheritable) ?? common(named.map(inheritable))
        for (key, value) in rootInheritable { root[key] = value }
        if let defaultPlan { merge(environmentKeys(defaultPlan), into: &root) }
        if !named.isEmpty {
            var environments = TOMLTable()
            for plan in named {
                var section: TOMLTable = ["name": .string(plan.name)]
                for (key, value) in inheritable(plan) where root[key] != value { section[key] = value }
                merge(environmentKeys(plan), into: &section)
                environments[plan.environment] = .table(section)
            }
            root["env"] = .table(environments)
        }
        return TOMLDocument(
            headerComment: header(app: app, description: description, function: function, environments: named.map(\.environment)),
            root)
    }

    /// The inheritable keys of a Worker other than its name, in output order.
    func inheritable(_ plan: WorkerPlan) -> [(String, TOMLValue)] {
        var keys: [(String, TOMLValue)] = []
        if let account = plan.accountID { keys.append(("account_id", .string(account))) }
        keys.append(("main", .string(CloudflarePaths.fileName(CloudflarePaths.entryFile(function: plan.function.name)))))
        keys.append(("compatibility_date", .string(plan.compatibilityDate)))
        keys.append(("compatibility_flags", .array(plan.compatibilityFlags.map(TOMLValue.string))))
        return keys
    }

    /// The keys each environment sets for itself: `workers_dev`, `preview_urls`, `routes`, the
    /// non-inheritable bindings and vars, and `triggers` (`crons = []` when none, because leaving
    /// the key out would keep a Worker's existing Cron Triggers).
    func environmentKeys(_ plan: WorkerPlan) -> TOMLTable {
        var table = TOMLTable()
        table["workers_dev"] = .bool(plan.workersDev)
        table["preview_urls"] = false
        table["routes"] = .array(plan.routes.map { .inlineTable(WranglerSections.route($0)) })
        let vars = plan.vars + plan.runtimeVars
        if !vars.isEmpty { table["vars"] = .table(WranglerSections.vars(vars)) }
        if !plan.secrets.isEmpty { table["secrets"] = .table(["required": .array(plan.secrets.map(TOMLValue.string))]) }
        if !plan.kvNamespaces.isEmpty { table["kv_namespaces"] = .arrayOfTables(plan.kvNamespaces.map(WranglerSections.kvNamespace)) }
        if !plan.buckets.isEmpty { table["r2_buckets"] = .arrayOfTables(plan.buckets.map(WranglerSections.r2Bucket)) }
        if !plan.databases.isEmpty {
            table["d1_databases"] = .arrayOfTables(plan.databases.map { WranglerSections.d1Database($0, options: options) })
        }
        var queues = TOMLTable()
        if !plan.producers.isEmpty { queues["producers"] = .arrayOfTables(plan.producers.map(WranglerSections.producer)) }
        if let consumer = plan.consumer { queues["consumers"] = .arrayOfTables([WranglerSections.consumer(consumer)]) }
        if !queues.isEmpty { table["queues"] = .table(queues) }
        table["triggers"] = .table(["crons": .array(plan.crons.map(TOMLValue.string))])
        return table
    }

    /// The pairs that every list holds with the same value, in the first list's order.
    private func common(_ lists: [[(String, TOMLValue)]]) -> [(String, TOMLValue)] {
        guard let first = lists.first else { return [] }
        return first.filter { key, value in
            lists.allSatisfy { list in list.contains { $0.0 == key && $0.1 == value } }
        }
    }

    private func merge(_ table: TOMLTable, into target: inout TOMLTable) {
        for (key, value) in table.entries { target[key] = value }
    }

    private func header(app: String, description: String?, function: String, environments: [String]) -> String {
        var lines = ["Generated by distlang from the app spec of \(app): edit the spec and rebuild, not this file."]
        if let description, !description.isEmpty { lines.append(description) }
        if environments.isEmpty {
            lines.append("The Worker of function \(function). Deploy with `wrangler deploy` from this folder.")
        } else {
            lines.append(
                "The Workers of function \(function), one per environment (\(environments.joined(separator: ", "))). Deploy one with `wrangler deploy --env <environment>` from this folder; the top level alone is not a complete Worker.")
        }
        return lines.joined(separator: "\n")
    }
}
