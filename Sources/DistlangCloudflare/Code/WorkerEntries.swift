import DistlangModel
import DistlangRuntime

/// Each function's generated Worker entry (`cloudflare/wrangler/<function>/entry.mjs`, wrangler's
/// `main`) with the function table of every environment it exists in, and the runtime's core and
/// Workers adapter once for all of them (`cloudflare/wrangler/_distlang/runtime/`). wrangler bundles
/// from the entry; the build bundles it with esbuild for Cloudflare's Terraform.
enum WorkerEntries {
    static func files(_ plans: [EnvironmentPlan], options: EmitOptions) -> [EmittedFile] {
        var byFunction: [String: [WorkerPlan]] = [:]
        for plan in plans {
            for worker in plan.workers { byFunction[worker.function.name, default: []].append(worker) }
        }
        guard let app = plans.first?.model.app, !byFunction.isEmpty else { return [] }
        var files: [EmittedFile] = []
        for name in byFunction.keys.sorted() {
            let workers = byFunction[name]!
            let table = FunctionTable(app: app, function: name, environments: workers.map(environment))
            let entry = EntryModule(
                adapter: .cloudflareWorkers, runtimeSpecifier: "../" + RuntimeLayout.folder,
                modules: workers.map { ($0.environment, CloudflarePaths.specPath($0.function.source, options: options)) },
                table: table)
            files.append(EmittedFile(path: CloudflarePaths.entryFile(function: name), contents: entry.text))
        }
        for file in RuntimeAdapter.cloudflareWorkers.files {
            files.append(EmittedFile(path: CloudflarePaths.runtimeFolder + "/" + file.path, contents: file.text))
        }
        return files
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
