import DistlangModel
import DistlangRuntime

/// The generated part of each function's Lambda code root (`aws/code/<function>/`): the entry
/// `index.mjs` with the function table of every environment, the runtime's core and AWS adapter
/// under `_distlang/runtime/`, and `package.json` (`"type": "module"`: Lambda's nodejs22.x and later
/// turn Node's module detection off, so `export` in a `.js` file needs it). The build adds the
/// user's modules and zips the folder (DistlangBuild's packager). A TypeScript source is imported as
/// its compiled module (`./src/api.js` for `src/api.ts`), which the build compiles into the code root.
///
/// One code root serves every environment (the zip is the same wherever it is deployed); each
/// environment's Lambda carries `DISTLANG_ENV` when the spec has environments.
enum AWSCodeRoot {
    static func files(_ plans: [AWSPlan]) -> [EmittedFile] {
        var byFunction: [String: [(plan: AWSPlan, function: FunctionPlan)]] = [:]
        for plan in plans {
            for function in plan.functions { byFunction[function.model.name, default: []].append((plan, function)) }
        }
        guard let app = plans.first?.model.app else { return [] }
        var files: [EmittedFile] = []
        let runtime = RuntimeAdapter.awsLambda.files
        for name in byFunction.keys.sorted() {
            let entries = byFunction[name]!
            let root = AWSCodePaths.root(name)
            let table = FunctionTable(
                app: app, function: name, environments: entries.map { environment($0.function, in: $0.plan) })
            let entry = EntryModule(
                adapter: .awsLambda, runtimeSpecifier: "./" + RuntimeLayout.folder,
                modules: entries.map { ($0.plan.model.environment, "./" + SourceLanguage.runnableModule($0.function.model.source)) },
                table: table)
            files.append(EmittedFile(path: root + "/index.mjs", contents: entry.text))
            files.append(EmittedFile(path: root + "/package.json", contents: packageJSON))
            for file in runtime {
                files.append(EmittedFile(path: root + "/" + RuntimeLayout.folder + "/" + file.path, contents: file.text))
            }
        }
        return files
    }

    static let packageJSON = """
        {
          "private": true,
          "type": "module"
        }

        """

    /// One environment's part of the function table, from the plan's decisions.
    static func environment(_ f: FunctionPlan, in plan: AWSPlan) -> FunctionTable.Environment {
        let model = f.model
        var variables: [String: String] = [:], secretVariables: [String: String] = [:]
        for variable in f.variables {
            switch variable.owner {
            case .resource(let resource): variables[resource] = variable.name
            case .secret(let secret): secretVariables[secret] = variable.name
            }
        }
        let bindings = model.uses.compactMap { use -> FunctionTable.Binding? in
            guard let resource = plan.model.resource(named: use.resource), let variable = variables[use.resource] else { return nil }
            return FunctionTable.Binding(
                name: resource.bindingName, resource: resource.name, kind: resource.kind, access: use.access, variable: variable)
        }
        var fallbackRoutes: [String]?
        if plan.httpAPI?.fallbackFunction == model.name {
            fallbackRoutes = plan.model.functions.filter { $0.name != model.name }.flatMap { $0.routes.map(\.description) }
        }
        return FunctionTable.Environment(
            name: plan.model.environment, vars: model.env.map(\.name).filter { !f.variables.map(\.name).contains($0) },
            secrets: model.secrets.compactMap { secret in
                secretVariables[secret].map { FunctionTable.Secret(name: secret, variable: $0) }
            },
            bindings: bindings, routes: model.routes.map(\.description), fallbackRoutes: fallbackRoutes,
            consumes: f.consumer?.queueName,
            schedules: f.schedules.map { FunctionTable.Schedule(cron: $0.specExpression, trigger: $0.ruleName) })
    }
}
