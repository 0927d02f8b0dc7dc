import DistlangCloudflare
import DistlangModel
import TestSupport

/// The models the Cloudflare tests build: the shared sample models, and models made here for the
/// wrangler environment layout.
enum CloudflareCases {
    struct Case {
        var name: String
        var models: [AppModel]
        var options = EmitOptions()

        var output: TargetOutput { CloudflareEmitter().emit(models, options: options) }
    }

    static var all: [Case] {
        [
            Case(name: "shop", models: [SampleModels.shop()]),
            Case(name: "shop-environments", models: SampleModels.shopEnvironments()),
            Case(name: "catalog", models: [SampleModels.catalog()]),
            Case(name: "overlays", models: overlays()),
        ]
    }

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
