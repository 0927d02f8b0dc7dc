import DistlangModel
import DistlangRuntime
import Foundation
import Testing

/// The function table as the runtime reads it (runtime/DESIGN.md), and entries that cannot be
/// steered by names from the spec.
@Suite struct FunctionTableTests {
    static let table = FunctionTable(
        app: "shop", function: "api",
        environments: [
            FunctionTable.Environment(
                name: "staging", vars: ["LOG_LEVEL"], secrets: [FunctionTable.Secret(name: "STRIPE_KEY", variable: "STRIPE_KEY_SECRET_ARN")],
                bindings: [FunctionTable.Binding(name: "SESSIONS", resource: "sessions", kind: .kv, access: .read, variable: "SESSIONS_TABLE")],
                routes: ["GET /links/{code}"], fallbackRoutes: ["POST /admin"], consumes: "orders",
                schedules: [FunctionTable.Schedule(cron: "0 3 * * 1", trigger: "shop-staging-api-1a2b3c4d")]),
            FunctionTable.Environment(name: "production"),
        ])

    @Test func jsonHasTheDocumentedShape() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(Self.table.json.utf8)) as? [String: Any])
        #expect(json["format"] as? Int == 1 && json["app"] as? String == "shop" && json["function"] as? String == "api")
        let environments = try #require(json["environments"] as? [String: [String: Any]])
        #expect(Set(environments.keys) == ["staging", "production"])
        let staging = try #require(environments["staging"])
        #expect(staging["vars"] as? [String] == ["LOG_LEVEL"])
        #expect((staging["secrets"] as? [[String: String]])?.first == ["name": "STRIPE_KEY", "variable": "STRIPE_KEY_SECRET_ARN"])
        #expect((staging["bindings"] as? [[String: String]])?.first == [
            "name": "SESSIONS", "resource": "sessions", "kind": "kv", "access": "read", "variable": "SESSIONS_TABLE",
        ])
        #expect(staging["routes"] as? [String] == ["GET /links/{code}"])
        #expect(staging["fallbackRoutes"] as? [String] == ["POST /admin"])
        #expect((staging["consumes"] as? [String: String]) == ["queue": "orders"])
        #expect((staging["schedules"] as? [[String: String]])?.first == ["cron": "0 3 * * 1", "trigger": "shop-staging-api-1a2b3c4d"])
        // Optional members are absent, not null, when a platform has no use for them.
        let production = try #require(environments["production"])
        #expect(production["fallbackRoutes"] == nil && production["consumes"] == nil)
        // Environments are sorted, so the text is the same whatever order the plans came in.
        #expect(Self.table.json.range(of: "\"production\"")!.lowerBound < Self.table.json.range(of: "\"staging\"")!.lowerBound)
    }

    /// A specifier or name with quotes, backslashes and line breaks stays inside its string.
    @Test func entryQuotesEverything() {
        let hostile = "./src/a\"b\\c\nimport x from 'evil';.js"
        let entry = EntryModule(
            adapter: .awsLambda, runtimeSpecifier: "./_distlang/runtime", modules: [("default", hostile)],
            table: FunctionTable(app: "a", function: "f", environments: [FunctionTable.Environment(name: "default")]))
        let lines = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("import ") }.count == 2)
        #expect(entry.text.contains(#"from "./src/a\"b\\c\nimport x from 'evil';.js";"#))
    }

    /// Environments with different sources import each module once and map each environment.
    @Test func environmentsWithDifferentSourcesGetAMap() {
        let entry = EntryModule(
            adapter: .cloudflareWorkers, runtimeSpecifier: "../_distlang/runtime",
            modules: [("staging", "./a.js"), ("production", "./b.js"), ("dev", "./a.js")],
            table: FunctionTable(app: "a", function: "f", environments: []))
        #expect(entry.text.contains("import * as userModule0 from \"./a.js\";"))
        #expect(entry.text.contains("import * as userModule1 from \"./b.js\";"))
        #expect(entry.text.contains(#"{ byEnvironment: { "dev": userModule0, "production": userModule1, "staging": userModule0 } }"#))
    }
}
