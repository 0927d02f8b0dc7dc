import DistlangModel
import DistlangRuntime

/// Each function's generated Worker entry (`cloudflare/wrangler/<function>/entry.mjs`, wrangler's
/// `main`) with the function table of every environment it exists in, and the runtime's core and
/// Workers adapter once for all of them (`cloudflare/wrangler/_distlang/runtime/`); wrangler bundles
/// from the entry. For Cloudflare's Terraform, the same entry is a `WorkerBundle` the build turns into
/// one module with esbuild (`cloudflare/bundle/<env>/<function>.mjs`).
enum WorkerEntries {
    /// The wrangler entries of `plans` and the runtime beside them.
    static func files(_ plans: [EnvironmentPlan], options: EmitOptions) -> [EmittedFile] {
        let functions = byFunction(plans)
        guard !functions.isEmpty else { return [] }
        var files = functions.map { function in
            EmittedFile(
                path: CloudflarePaths.entryFile(function: function.name),
                contents: entry(function, runtime: "../" + RuntimeLayout.folder) {
                    CloudflarePaths.specPath($0.function.source, options: options)
                })
        }
        for file in RuntimeAdapter.cloudflareWorkers.files {
            files.append(EmittedFile(path: CloudflarePaths.runtimeFolder + "/" + file.path, contents: file.text))
        }
        return files
    }

    /// The bundles Cloudflare's Terraform roots of `plans` upload.
    static func bundles(_ plans: [EnvironmentPlan]) -> [WorkerBundle] {
        byFunction(plans).map { function in
            WorkerBundle(
                function: function.name,
                outputs: function.workers.map { ($0.environment, CloudflarePaths.bundle(environment: $0.environment, function: function.name)) },
                entry: entry(function, runtime: "../" + WorkerBundle.runtimeFolder) { "../" + WorkerBundle.appFolder + "/" + $0.function.source },
                runtimeFiles: RuntimeAdapter.cloudflareWorkers.files)
        }
    }

    /// A function's Workers in every environment, functions sorted by name.
    private static func byFunction(_ plans: [EnvironmentPlan]) -> [(name: String, app: String, workers: [WorkerPlan])] {
        var workers: [String: [WorkerPlan]] = [:]
        for plan in plans {
            for worker in plan.workers { workers[worker.function.name, default: []].append(worker) }
        }
        guard let app = plans.first?.model.app else { return [] }
        return workers.keys.sorted().map { ($0, app, workers[$0]!) }
    }

    private static func entry(
        _ function: (name: String, app: String, workers: [WorkerPlan]), runtime: String, module: (WorkerPlan) -> String
    ) -> String {
        let table = FunctionTable(app: function.app, function: function.name, environments: function.workers.map(environment))
        return EntryModule(
            adapter: .cloudflareWorkers, runtimeSpecifier: runtime,
            modules: function.workers.map { ($0.environment, module($0)) }, table: table
        ).text
    }

    /// One environment's part of the function table: Cloudflare binds everything by name.
    static func environment(_ worker: WorkerPlan) -> FunctionTable.Environment {
        let uses = worker.kvNamespaces + worker.buckets + worker.databases + worker.producers
        return FunctionTable.Environment(
            name: worker.environment, vars: worker.vars.map(\.name),
            secrets: worker.secrets.map { FunctionTable.Secret(name: $0) },
            bindings: uses.sorted { $0.resource.name < $1.resource.name }.map {
                FunctionTable.Binding(name: $0.bindingName, resource: $0.resource.name, kind: $0.resource.kind, access: $0.access)
            },
            routes: worker.function.routes.map(\.description), consumes: worker.consumer?.queue.name,
            schedules: zip(worker.function.schedules, worker.crons).map {
                FunctionTable.Schedule(cron: $0.0.expression, trigger: $0.1)
            })
    }
}
