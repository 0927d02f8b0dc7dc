import DistlangCloudflare
import DistlangCore
import DistlangModel
import Foundation
import TestSupport
import Testing

/// The mapping decisions of docs/targets/cloudflare.md, one by one, on the emitted text and resources.
@Suite struct MappingTests {
    func file(_ output: TargetOutput, _ path: String) throws -> String {
        try #require(output.files.first { $0.path == path }, "no \(path)").contents
    }

    @Test func layoutIsOneWranglerFilePerFunctionAndOneTerraformRootPerEnvironment() {
        let output = CloudflareEmitter().emit(CloudflareCases.overlays(), options: EmitOptions())
        let runtime = output.files.map(\.path).filter { $0.hasPrefix("cloudflare/wrangler/_distlang/runtime/") }
        #expect(output.files.map(\.path).filter { !runtime.contains($0) } == [
            "cloudflare/wrangler/api/wrangler.toml", "cloudflare/wrangler/fulfil/wrangler.toml",
            "cloudflare/wrangler/nightly/wrangler.toml", "cloudflare/wrangler/reports/wrangler.toml",
            "cloudflare/wrangler/api/entry.mjs", "cloudflare/wrangler/fulfil/entry.mjs",
            "cloudflare/wrangler/nightly/entry.mjs", "cloudflare/wrangler/reports/entry.mjs",
            "cloudflare/terraform/production/main.tf", "cloudflare/terraform/production/outputs.tf",
            "cloudflare/terraform/production/variables.tf", "cloudflare/terraform/production/versions.tf",
            "cloudflare/terraform/staging/main.tf", "cloudflare/terraform/staging/outputs.tf",
            "cloudflare/terraform/staging/variables.tf", "cloudflare/terraform/staging/versions.tf",
        ])
        // Cloudflare's Terraform uploads a bundle of each Worker, which the build makes.
        #expect(output.bundles.map(\.function) == ["api", "fulfil", "nightly", "reports"])
        #expect(output.bundles.first?.outputs.map(\.path) == ["cloudflare/bundle/production/api.mjs", "cloudflare/bundle/staging/api.mjs"])
        // The Workers adapter and the core, and nothing of another platform's adapter.
        #expect(runtime.contains("cloudflare/wrangler/_distlang/runtime/adapters/cloudflare-workers/index.js"))
        #expect(runtime.contains("cloudflare/wrangler/_distlang/runtime/core/app.js"))
        #expect(!runtime.contains { $0.contains("aws-lambda") })
        #expect(output.diagnostics.isEmpty)
    }

    @Test func sameModelsGiveTheSameBytesWhateverTheirOrder() {
        let models = CloudflareCases.overlays()
        let a = CloudflareEmitter().emit(models, options: EmitOptions())
        let b = CloudflareEmitter().emit(models.reversed(), options: EmitOptions())
        #expect(a.files == b.files)
        #expect(a.resources == b.resources)
        #expect(a.notes == b.notes)
    }

    /// The entry's import of the user's module and `migrations_dir` start from the spec folder as
    /// seen from the output folder, three folders up from the file; `main` is the entry beside it.
    @Test(arguments: [
        ("..", "../../../../src/api.js"), (".", "../../../src/api.js"), ("../app", "../../../../app/src/api.js"),
        ("/abs/app", "/abs/app/src/api.js"),
    ])
    func sourcePathsAreRelativeToEachFile(spec: String, expected: String) throws {
        let output = CloudflareEmitter().emit([SampleModels.catalog()], options: EmitOptions(specDirectoryFromOutput: spec))
        let toml = try file(output, "cloudflare/wrangler/api/wrangler.toml")
        #expect(toml.contains("main = \"entry.mjs\"\n"))
        #expect(try file(output, "cloudflare/wrangler/api/entry.mjs").contains("import * as userModule from \"\(expected)\";\n"))
        let migrations = expected.replacingOccurrences(of: "src/api.js", with: "migrations/catalog")
        #expect(toml.contains("migrations_dir = \"\(migrations)\"\n"))
    }

    /// Terraform uploads each Worker's bundle (`cloudflare/bundle/<env>/<function>.mjs`) as the
    /// module `<function>.mjs`, whatever the source's name, and hashes it.
    @Test(arguments: ["src/api.js", "src/api.mjs", "worker"])
    func mainModuleIsTheBundle(source: String) throws {
        var model = SampleModels.catalog()
        model.functions[0].source = source
        let output = CloudflareEmitter().emit([model], options: EmitOptions())
        let script = try #require(output.resources.first { $0.type == "cloudflare_workers_script" })
        #expect(script.attributes["main_module"] == .string("api.mjs"))
        let main = try file(output, "cloudflare/terraform/default/main.tf")
        #expect(main.contains("content_file       = \"${path.module}/../../bundle/default/api.mjs\"\n"))
        #expect(main.contains("content_sha256     = filesha256(\"${path.module}/../../bundle/default/api.mjs\")\n"))
    }

    @Test func cronsUseDayNamesAndAllOfAScriptsCronsShareOneTrigger() throws {
        let output = CloudflareEmitter().emit([SampleModels.shop()], options: EmitOptions())
        #expect(try file(output, "cloudflare/wrangler/nightly/wrangler.toml").contains("crons = [\"0 3 * * *\", \"30 8 * * MON-FRI\"]\n"))
        let triggers = output.resources.filter { $0.type == "cloudflare_workers_cron_trigger" }
        #expect(triggers.map(\.logicalName) == ["nightly"])
        #expect(triggers.first?.attributes["schedules"] == [["cron": "0 3 * * *"], ["cron": "30 8 * * MON-FRI"]])
        // A Worker without schedules still says so, so a removed schedule is removed on deploy.
        #expect(try file(output, "cloudflare/wrangler/api/wrangler.toml").contains("[triggers]\ncrons = []\n"))
    }

    @Test func queueConsumerTakesBatchSizeRetriesAndDeadLetterQueue() throws {
        let output = CloudflareEmitter().emit([SampleModels.shop()], options: EmitOptions())
        let toml = try file(output, "cloudflare/wrangler/fulfil/wrangler.toml")
        #expect(toml.contains("""
            [[queues.consumers]]
            queue = "shop-orders"
            max_batch_size = 10
            max_retries = 5
            dead_letter_queue = "shop-orders-dlq"

            """))
        let consumer = try #require(output.resources.first { $0.type == "cloudflare_queue_consumer" })
        #expect(consumer.attributes["queue_id"] == "cloudflare_queue.orders.id")
        #expect(consumer.attributes["script_name"] == "cloudflare_workers_script.fulfil.script_name")
        #expect(consumer.attributes["dead_letter_queue"] == "cloudflare_queue.orders_dlq.queue_name")
        #expect(consumer.attributes["settings"] == ["batch_size": 10, "max_retries": 5])
        let queues = output.resources.filter { $0.type == "cloudflare_queue" }
        #expect(queues.map(\.physicalName) == ["shop-orders", "shop-orders-dlq"])
        #expect(queues.allSatisfy { $0.isStateful })
    }

    @Test func workersDevOnlyForFunctionsWithHTTPRoutes() throws {
        let output = CloudflareEmitter().emit([SampleModels.shop()], options: EmitOptions())
        let subdomains = output.resources.filter { $0.type == "cloudflare_workers_script_subdomain" }
        #expect(subdomains.map { $0.attributes["enabled"] } == [true, false, false])
        #expect(try file(output, "cloudflare/wrangler/api/wrangler.toml").contains("workers_dev = true\n"))
        #expect(try file(output, "cloudflare/wrangler/fulfil/wrangler.toml").contains("workers_dev = false\n"))
    }

    @Test func accountIDIsAVariableUnlessTheSpecSetsIt() throws {
        let output = CloudflareEmitter().emit(CloudflareCases.overlays(), options: EmitOptions())
        let staging = try file(output, "cloudflare/terraform/staging/variables.tf")
        let production = try file(output, "cloudflare/terraform/production/variables.tf")
        #expect(staging.contains("variable \"account_id\" {"))
        #expect(!production.contains("variable \"account_id\""))
        #expect(try file(output, "cloudflare/terraform/staging/main.tf").contains("account_id = var.account_id\n"))
        #expect(try file(output, "cloudflare/terraform/production/main.tf")
            .contains("account_id = \"0123456789abcdef0123456789abcdef\"\n"))
    }

    @Test func secretsAreSensitiveVariablesAndNeverValues() throws {
        let output = CloudflareEmitter().emit([SampleModels.shop()], options: EmitOptions())
        let variables = try file(output, "cloudflare/terraform/default/variables.tf")
        #expect(variables.contains("variable \"secret_stripe_key\" {"))
        #expect(variables.contains("  sensitive   = true\n"))
        let script = try #require(output.resources.first { $0.type == "cloudflare_workers_script" && $0.logicalName == "api" })
        let secret = script.attributes["bindings"]?.arrayValue?.first { $0["name"] == "STRIPE_KEY" }
        #expect(secret == ["name": "STRIPE_KEY", "type": "secret_text", "text": "var.secret_stripe_key"])
        #expect(try file(output, "cloudflare/wrangler/api/wrangler.toml").contains("[secrets]\nrequired = [\"STRIPE_KEY\"]\n"))
    }

    @Test func routesAndCustomDomainsTakeAZoneVariable() throws {
        let output = CloudflareEmitter().emit(CloudflareCases.overlays(), options: EmitOptions())
        let route = try #require(output.resources.first { $0.type == "cloudflare_workers_route" })
        #expect(route.attributes["zone_id"] == "var.zone_id_example_com")
        #expect(route.attributes["script"] == "cloudflare_workers_script.api.script_name")
        let domain = try #require(output.resources.first { $0.type == "cloudflare_workers_custom_domain" })
        #expect(domain.attributes["hostname"] == "api.example.net")
        #expect(domain.attributes["zone_id"] == "var.zone_id_api_example_net")
        #expect(domain.attributes["service"] == "cloudflare_workers_script.api.script_name")
    }

    /// With environments the top level holds only what every environment shares and inherits;
    /// a key whose value differs moves into each section.
    @Test func inheritableKeysMoveIntoSectionsWhenEnvironmentsDiffer() throws {
        let output = CloudflareEmitter().emit(CloudflareCases.overlays(), options: EmitOptions())
        let api = try file(output, "cloudflare/wrangler/api/wrangler.toml")
        let top = api.components(separatedBy: "\n[env.")[0]
        #expect(top.contains("name = \"shop-api\"\n"))
        #expect(!top.contains("compatibility_date"))
        #expect(api.contains("[env.production]\nname = \"shop-production-api\"\naccount_id = \"0123456789abcdef0123456789abcdef\"\ncompatibility_date = \"2025-06-01\"\n"))
        #expect(api.contains("[env.staging]\nname = \"shop-staging-api\"\ncompatibility_date = \"2025-07-15\"\n"))
        // nightly exists only in production, reports only in staging.
        #expect(!(try file(output, "cloudflare/wrangler/nightly/wrangler.toml")).contains("[env.staging"))
        #expect(!(try file(output, "cloudflare/wrangler/reports/wrangler.toml")).contains("[env.production"))
    }

    @Test func manifestResourcesNameTheirSourceAndStatefulness() {
        let output = CloudflareEmitter().emit([SampleModels.catalog()], options: EmitOptions())
        let database = output.resources.first { $0.type == "cloudflare_d1_database" }
        #expect(database?.isStateful == true)
        #expect(database?.physicalName == "books-catalog")
        #expect(database?.replacingAttributes == ["account_id", "name"])
        #expect(database?.source == ModelElement(.resource, "catalog"))
        let binding = output.resources.first { $0.type == "d1_databases" }
        #expect(binding?.format == "wrangler")
        #expect(binding?.logicalName == "api/CATALOG")
        #expect(binding?.replacingAttributes == ["database_name"])
        // wrangler never deletes storage: no wrangler resource is stateful (docs/targets/cloudflare.md).
        #expect(!output.resources.contains { $0.format == "wrangler" && $0.isStateful })
        #expect(output.resources.filter(\.isStateful).map(\.type) == ["cloudflare_d1_database"])
        let worker = output.resources.first { $0.type == "worker" }
        #expect(worker?.physicalName == "books-api" && worker?.isStateful == false)
        #expect(output.resources.allSatisfy { $0.target == .cloudflare && $0.environment == "default" })
    }

    @Test func notesSayWhatIsApproximatedAndWhatToDoFirst() {
        let notes = CloudflareEmitter().emit([SampleModels.shop()], options: EmitOptions()).notes
        func has(_ text: String) -> Bool { notes.contains { $0.contains(text) } }
        // The runtime routes requests and enforces access on Cloudflare too: no note about either.
        #expect(!has("methods and path parameters"))
        #expect(!has("not enforced"))
        #expect(has("memory and timeout are ignored"))
        #expect(has("visibility_timeout has no Cloudflare equivalent"))
        #expect(has("orders (180 s)"))
        #expect(has("versioning has no R2 equivalent"))
        #expect(has("`wrangler queues create shop-orders-dlq`"))
        #expect(has("`wrangler secret put STRIPE_KEY`"))
        #expect(has("api and nightly must share it"))
        // A setting the spec never wrote is not "ignored".
        var unset = SampleModels.shop()
        for i in unset.functions.indices { unset.functions[i].writtenSettings = [] }
        for i in unset.resources.indices { unset.resources[i].writtenSettings = [] }
        let quiet = CloudflareEmitter().emit([unset], options: EmitOptions()).notes
        #expect(!quiet.contains { $0.contains("memory") || $0.contains("timeout") || $0.contains("visibility_timeout") })
        var memoryOnly = unset
        memoryOnly.functions[0].writtenSettings = ["memory"]
        #expect(CloudflareEmitter().emit([memoryOnly], options: EmitOptions()).notes.contains("memory is ignored: a Worker has a fixed memory limit."))
        let d1 = CloudflareEmitter().emit([SampleModels.catalog()], options: EmitOptions()).notes
        #expect(d1.contains { $0.contains("`wrangler d1 create books-catalog`") && $0.contains("`wrangler d1 migrations apply books-catalog --remote`") })
    }

    @Test func invalidNamesAndUnreachableWorkersAreDiagnosed() {
        var model = SampleModels.shop()
        model.targets.cloudflare?.workersDev = false
        model.resources[0].physicalNames.cloudflare = "Not_Valid"
        let findings = CloudflareChecker().check(model)
        #expect(Set(findings.map(\.code)) == ["cloudflare.invalid-name", "cloudflare.unreachable"])
        #expect(findings.first { $0.code == "cloudflare.invalid-name" }?.severity == .error)
        #expect(findings.first { $0.code == "cloudflare.unreachable" }?.severity == .warning)
        #expect(findings.first { $0.code == "cloudflare.unreachable" }?.pointers.map(\.description) == ["/functions/api/http"])
    }

    @Test func aModelWithoutCloudflareSettingsIsAnError() {
        var model = SampleModels.shop()
        model.targets.cloudflare = nil
        let output = CloudflareEmitter().emit([model], options: EmitOptions())
        #expect(output.files.isEmpty)
        #expect(output.diagnostics.map(\.code) == ["cloudflare.no-settings"])
    }
}
