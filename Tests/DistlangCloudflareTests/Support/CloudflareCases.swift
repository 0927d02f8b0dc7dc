import DistlangCloudflare
import DistlangModel
import DistlangSpec
import Foundation
import TestSupport

/// The models the Cloudflare tests build: the shared sample models, and models made here for the
/// wrangler environment layout.
enum CloudflareCases {
    struct Case {
        var name: String
        var models: [AppModel]
        var options = EmitOptions()
        /// Errors from the spec stage (examples only): a case with any is a test failure.
        var compileErrors: [String] = []

        var output: TargetOutput { CloudflareEmitter().emit(models, options: options) }
    }

    static var all: [Case] { samples + examples }

    static var samples: [Case] {
        [
            Case(name: "shop", models: [SampleModels.shop()]),
            Case(name: "shop-environments", models: SampleModels.shopEnvironments()),
            Case(name: "catalog", models: [SampleModels.catalog()]),
            Case(name: "overlays", models: overlays()),
        ]
    }

    /// Every bundled example (examples/<name>/distlang.yaml or .json) that targets Cloudflare,
    /// compiled by the spec stage; the case holds every environment's model, as `distlang build`
    /// passes them. Named `examples/<name>`.
    static let examples: [Case] = {
        let root = RepositoryPaths.path("examples")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return folders.compactMap { folder in
            guard let spec = ["distlang.yaml", "distlang.json"].map({ "\(root)/\(folder)/\($0)" })
                .first(where: FileManager.default.fileExists)
            else { return nil }
            let compiled = SpecCompiler().compile(file: spec)
            let models = compiled.models.filter { $0.targets.cloudflare != nil }
            if models.isEmpty && !compiled.hasErrors { return nil }  // an example without Cloudflare
            return Case(name: "examples/\(folder)", models: models, compileErrors: compiled.diagnostics.filter { $0.severity == .error }.map(\.message))
        }
    }()

    /// The shop with environments that differ beyond values: staging drops the nightly job, adds a
    /// `reports` function and uses another compatibility date; production serves the API on a
    /// route and a custom domain and has an account ID.
    static func overlays() -> [AppModel] {
        var production = SampleModels.shop(environment: "production", memory: 512)
        production.targets.cloudflare?.accountID = "0123456789abcdef0123456789abcdef"
        production.targets.cloudflare?.workersDev = false
        production.targets.cloudflare?.routes = [
            CloudflareRoute(.pattern("shop.example.com/api/*", zone: "example.com"), function: "api"),
            CloudflareRoute(.customDomain("api.example.net"), function: "api"),
        ]
        var staging = SampleModels.shop(environment: "staging")
        staging.targets.cloudflare?.compatibilityDate = "2025-07-15"
        staging.functions.removeAll { $0.name == "nightly" }
        staging.functions.append(FunctionModel(
            name: "reports", source: "src/reports.js", env: [EnvironmentVariable(name: "FORMAT", value: "csv")],
            secrets: ["STRIPE_KEY"], schedules: [try! CronSchedule.parse("*/15 * * * SUN").get()],
            uses: [Binding(resource: "uploads", access: .readwrite)],
            physicalNames: PhysicalNames(cloudflare: "shop-staging-reports")))
        return [production, staging]
    }
}
