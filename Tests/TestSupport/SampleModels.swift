import DistlangModel

/// Hand-built models for emitter tests, independent of the spec stage.
public enum SampleModels {
    /// Names as the spec stage chooses them (`<app>-<env>-<part>`, fitted per target).
    static func names(_ app: String, _ env: String, _ part: String, _ kind: ResourceKind?, targets: [TargetKind]) -> PhysicalNames {
        var n = PhysicalNames()
        for t in targets {
            let rule = kind.map { NameRule.resource($0, on: t) } ?? NameRule.function(on: t)
            n[t] = rule.fit(Naming.compose(app: app, environment: env, part: part))
        }
        return n
    }

    /// A shop backend in one environment: an HTTP API using a kv, a bucket, a queue and a secret; a
    /// consumer of the queue (with a dead-letter queue); a nightly job. Both targets.
    public static func shop(environment: String = "default", memory: Int = 256) -> AppModel {
        let targets: [TargetKind] = [.cloudflare, .aws]
        func r(_ name: String, _ kind: ResourceKind) -> ResourceModel {
            ResourceModel(name: name, kind: kind, physicalNames: names("shop", environment, name, kind, targets: targets))
        }
        var orders = r("orders", .queue)
        orders.deadLetter = true
        orders.maxRetries = 5
        orders.visibilityTimeout = 180
        orders.deadLetterNames = names("shop", environment, "orders-dlq", .queue, targets: targets)
        orders.writtenSettings = ["dead_letter", "max_retries", "visibility_timeout"]
        var uploads = r("uploads", .bucket)
        uploads.versioning = true
        uploads.writtenSettings = ["versioning"]
        var api = FunctionModel(
            name: "api", source: "src/api.js", memory: memory, timeout: 10,
            env: [EnvironmentVariable(name: "LOG_LEVEL", value: "info")], secrets: ["STRIPE_KEY"],
            routes: [
                Route(method: .GET, path: "/products"), Route(method: .POST, path: "/orders"),
                Route(method: .GET, path: "/orders/{id}"), Route(method: .ANY, path: "/files/*"),
            ],
            uses: [
                Binding(resource: "orders", access: .send), Binding(resource: "sessions", access: .readwrite),
                Binding(resource: "uploads", access: .read),
            ],
            physicalNames: names("shop", environment, "api", nil, targets: targets))
        api.writtenSettings = ["source", "memory", "timeout", "env", "secrets", "http", "uses"]
        let fulfil = FunctionModel(
            name: "fulfil", source: "src/fulfil.js", timeout: 30, uses: [Binding(resource: "uploads", access: .write)],
            consumes: QueueConsumer(queue: "orders", batchSize: 10),
            physicalNames: names("shop", environment, "fulfil", nil, targets: targets))
        let nightly = FunctionModel(
            name: "nightly", source: "src/nightly.js", timeout: 300,
            schedules: [try! CronSchedule.parse("0 3 * * *").get(), try! CronSchedule.parse("30 8 * * 1-5").get()],
            uses: [Binding(resource: "sessions", access: .read)],
            physicalNames: names("shop", environment, "nightly", nil, targets: targets))
        return AppModel(
            app: "shop", description: "Online shop backend", environment: environment,
            functions: [api, fulfil, nightly], resources: [orders, r("sessions", .kv), uploads],
            targets: TargetSettings(
                cloudflare: CloudflareSettings(compatibilityDate: "2025-06-01", compatibilityFlags: ["nodejs_compat"], workersDev: true),
                aws: AWSSettings(region: "eu-west-1")))
    }

    /// The shop in staging and production (production: more memory and a route on a zone).
    public static func shopEnvironments() -> [AppModel] {
        var production = shop(environment: "production", memory: 512)
        production.targets.cloudflare?.workersDev = false
        production.targets.cloudflare?.routes = [
            CloudflareRoute(.pattern("api.example.com/*", zone: "example.com"), function: "api")
        ]
        return [production, shop(environment: "staging")]
    }

    /// A Cloudflare-only app with a D1 database and a custom domain.
    public static func catalog() -> AppModel {
        let targets: [TargetKind] = [.cloudflare]
        var db = ResourceModel(name: "catalog", kind: .database, engine: "sqlite", migrations: "migrations/catalog",
                               physicalNames: names("books", "default", "catalog", .database, targets: targets))
        db.bindingName = "CATALOG"
        let api = FunctionModel(
            name: "api", source: "src/api.js", routes: [Route(method: .GET, path: "/books")],
            uses: [Binding(resource: "catalog", access: .readwrite)],
            physicalNames: names("books", "default", "api", nil, targets: targets))
        return AppModel(
            app: "books", environment: "default", functions: [api], resources: [db],
            targets: TargetSettings(cloudflare: CloudflareSettings(
                accountID: "0123456789abcdef0123456789abcdef", compatibilityDate: "2025-06-01", workersDev: false,
                routes: [CloudflareRoute(.customDomain("books.example.com"), function: "api")])))
    }
}
