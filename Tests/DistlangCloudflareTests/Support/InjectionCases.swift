import DistlangModel

/// Models whose free-text fields hold strings that try to break out of TOML and HCL strings,
/// comments, tables and interpolations.
enum InjectionCases {
    static let hostile: [String] = [
        "quote \" backslash \\ end\\",
        "line1\nline2\r\nline3\r",
        "${var.account_id} and %{ if true }x%{ endif }",
        "]] [[env.evil]]\n[evil]\nkey = 1",
        "# not a comment",
        "''' triple ''' \"\"\" triple",
        "sep\u{2028}para\u{2029}end\u{85}",
        "tab\tnul\u{0}del\u{7F}bell\u{7}esc\u{1B}",
        "$${x} %%{y} $ % ${ %{",
        "\u{FEFF}bom é e\u{301} 漢字 🙂 \u{200D}",
        "resource \"cloudflare_r2_bucket\" \"evil\" {}\n}\nresource \"x\" \"y\" {",
        "\" }, { pattern = \"evil\", custom_domain = true }, { x = \"",
    ]

    /// The description: every hostile string, one per line.
    static var description: String { hostile.joined(separator: "\n") }

    /// A function `hostile` with every hostile string as a variable value, a route pattern, a
    /// zone and a custom domain; a function `store` using resources with hostile names and a
    /// migrations folder; in two environments (`production` also serves `hostile` on a route).
    static func models() -> [AppModel] {
        ["production", "staging"].map(model)
    }

    static func model(_ environment: String) -> AppModel {
        let vars = hostile.enumerated().map { EnvironmentVariable(name: "V\($0.offset)", value: $0.element) }
        var routes: [CloudflareRoute] = []
        for (i, text) in hostile.enumerated() {
            routes.append(CloudflareRoute(.pattern("r\(i).example.com/\(text)", zone: "zone \(i) \(text)"), function: "hostile"))
            routes.append(CloudflareRoute(.customDomain("d\(i).\(text)"), function: "hostile"))
        }
        let hostileFunction = FunctionModel(
            name: "hostile", source: "src/\(hostile[3]) \(hostile[2]).js", env: vars,
            routes: [Route(method: .ANY, path: "/*")],
            physicalNames: PhysicalNames(cloudflare: "inj-\(environment)-hostile"))
        func resource(_ name: String, _ kind: ResourceKind, _ physical: String) -> ResourceModel {
            ResourceModel(name: name, kind: kind, physicalNames: PhysicalNames(cloudflare: physical))
        }
        var queue = resource("jobs", .queue, "jobs \(hostile[0])")
        queue.deadLetter = true
        queue.deadLetterNames = PhysicalNames(cloudflare: "dlq \(hostile[1])")
        var database = resource("db", .database, "db \(hostile[2])")
        database.migrations = "migrations/\(hostile[5]) \(hostile[4])"
        let resources = [
            resource("bucket", .bucket, "bucket \(hostile[3])"), database, queue,
            resource("store-kv", .kv, "kv \(hostile[10])"),
        ]
        let store = FunctionModel(
            name: "store", source: "src/store.js", secrets: ["API_TOKEN"],
            uses: [
                Binding(resource: "bucket", access: .readwrite), Binding(resource: "db", access: .readwrite),
                Binding(resource: "jobs", access: .send), Binding(resource: "store-kv", access: .readwrite),
            ],
            consumes: QueueConsumer(queue: "jobs", batchSize: 7),
            physicalNames: PhysicalNames(cloudflare: "inj-\(environment)-store"))
        return AppModel(
            app: "inj", description: description, environment: environment, functions: [hostileFunction, store],
            resources: resources,
            targets: TargetSettings(cloudflare: CloudflareSettings(
                compatibilityDate: "2025-06-01", compatibilityFlags: ["nodejs_compat"], workersDev: true,
                routes: environment == "production" ? routes : [])))
    }
}
