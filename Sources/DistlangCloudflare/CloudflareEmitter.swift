import DistlangCore
import DistlangModel
import DistlangRender

/// The Cloudflare target: one `wrangler.toml` per function (all environments in one file) and one
/// Terraform root per environment for the `cloudflare/cloudflare` provider v5; only the formats
/// the spec's `outputs` names.
///
/// Output layout (relative to the output folder):
/// - `cloudflare/wrangler/<function>/wrangler.toml` and `entry.mjs` (the Worker's generated entry)
/// - `cloudflare/wrangler/_distlang/runtime/` (the portable runtime the entries import)
/// - `cloudflare/terraform/<environment>/{main,outputs,variables,versions}.tf`
///
/// The mapping and its decisions are in docs/targets/cloudflare.md. Output is a pure function of
/// the models and options: files, resources and notes come in a fixed order.
public struct CloudflareEmitter: TargetEmitter {
    public var target: TargetKind { .cloudflare }

    public init() {}

    public func emit(_ models: [AppModel], options: EmitOptions) -> TargetOutput {
        var planner = CloudflarePlanner()
        let plans = models.sorted { $0.environment < $1.environment }.compactMap { planner.plan($0) }
        var output = TargetOutput(diagnostics: planner.diagnostics)
        guard let first = plans.first else { return output }

        // wrangler: one file per function, holding every environment the function exists in (of
        // the environments whose `outputs` name wrangler).
        let wranglerPlans = plans.filter { $0.settings.outputs.contains(.wrangler) }
        let translator = WranglerTranslator(options: options)
        let wranglerResources = WranglerResources(options: options)
        let functions = Set(wranglerPlans.flatMap { $0.workers.map(\.function.name) }).sorted()
        // Each environment's Workers by function name (the first, as a search in order would find).
        let byFunction = wranglerPlans.map { plan in Dictionary(plan.workers.map { ($0.function.name, $0) }, uniquingKeysWith: { first, _ in first }) }
        for function in functions {
            let workers = byFunction.compactMap { $0[function] }
            let document = translator.document(
                app: first.model.app, description: first.model.description, function: function, plans: workers)
            // Every environment is in the one file: it belongs to no single environment.
            output.files.append(EmittedFile(
                path: CloudflarePaths.wranglerFile(function: function), contents: TOMLRenderer().render(document),
                environment: nil))
            for worker in workers {
                output.resources += wranglerResources.resources(for: worker, translator: translator)
            }
        }

        output.files += WorkerEntries.files(wranglerPlans, options: options)

        // Terraform: one root per environment, each Worker uploaded as a bundle the build makes.
        let terraform = TerraformTranslator(options: options)
        let terraformPlans = plans.filter { $0.settings.outputs.contains(.terraform) }
        for plan in terraformPlans {
            let root = terraform.translate(plan)
            output.files += root.files
            output.resources += root.resources
            output.diagnostics += root.diagnostics
        }
        output.bundles = WorkerEntries.bundles(terraformPlans)

        output.notes = CloudflareNotes(plans: plans).notes()
        return output
    }
}
