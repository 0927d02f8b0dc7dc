import DistlangModel
@testable import DistlangRuntime
import Foundation
import Testing
import TestSupport

/// The runtime in the binary is runtime/src, file for file and byte for byte, and each adapter's
/// share of it is complete: an entry loads with only those files beside it.
@Suite struct EmbeddedRuntimeTests {
    static let source = RepositoryPaths.path("runtime/src")

    /// Every shipped file under runtime/src (JavaScript modules, not their tests).
    static var filesOnDisk: [String] {
        let enumerator = FileManager.default.enumerator(atPath: source)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".js") && !path.hasSuffix(".test.js") { found.append(path) }
        }
        return found.sorted()
    }

    @Test func embeddedFilesAreRuntimeSourceExactly() throws {
        #expect(
            EmbeddedRuntime.files.map(\.path) == Self.filesOnDisk,
            "run scripts/embed-runtime.py after adding or removing a file under runtime/src")
        for file in EmbeddedRuntime.files {
            let disk = try String(contentsOfFile: Self.source + "/" + file.path, encoding: .utf8)
            #expect(file.text == disk, "\(file.path) differs: run scripts/embed-runtime.py")
        }
    }

    @Test func eachAdapterTakesTheCoreAndItsOwnFolderOnly() {
        for adapter in RuntimeAdapter.allCases {
            let paths = adapter.files.map(\.path)
            #expect(paths.contains(adapter.indexModule))
            #expect(paths.contains("core/app.js"))
            #expect(paths.allSatisfy { $0.hasPrefix("core/") || $0.hasPrefix("adapters/\(adapter.rawValue)/") })
        }
    }

    /// A Worker entry and a Lambda entry, written with only their adapter's files beside them,
    /// load in Node and answer a request through the router (a missing runtime file, or a wrong
    /// specifier in the entry, fails here).
    @Test(arguments: RuntimeAdapter.allCases.filter(\.hasEntries))
    func entryLoadsWithItsAdapterFilesAlone(_ adapter: RuntimeAdapter) throws {
        guard let node = ExternalTool.find("node") else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "node is not on PATH") }
            return
        }
        let dir = RepositoryPaths.temporaryDirectory("distlang-entry")
        func write(_ path: String, _ text: String) throws {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        for file in adapter.files { try write(RuntimeLayout.folder + "/" + file.path, file.text) }
        try write("package.json", #"{ "type": "module" }"#)
        try write("src/api.js", """
            export default {
              async fetch(request, env, ctx) {
                return Response.json({ key: ctx.route.key, params: ctx.route.params, greeting: env.GREETING });
              },
            };
            """)
        let table = FunctionTable(
            app: "shop", function: "api",
            environments: [FunctionTable.Environment(name: "default", vars: ["GREETING"], routes: ["GET /links/{code}"])])
        let entry = EntryModule(
            adapter: adapter, runtimeSpecifier: "./" + RuntimeLayout.folder, modules: [("default", "./src/api.js")], table: table)
        try write("entry.mjs", entry.text)
        let script: String
        switch adapter {
        case .cloudflareWorkers:
            script = """
                const worker = (await import("./entry.mjs")).default;
                const ok = await worker.fetch(new Request("https://x.test/links/a%20b"), { GREETING: "hi" }, { waitUntil() {} });
                const missing = await worker.fetch(new Request("https://x.test/nope"), { GREETING: "hi" }, { waitUntil() {} });
                console.log(JSON.stringify({ ok: await ok.json(), missing: missing.status }));
                """
        case .awsLambda:
            script = """
                process.env.GREETING = "hi";
                const { handler } = await import("./entry.mjs");
                const event = (path) => ({
                  version: "2.0", routeKey: "$default", rawPath: path, rawQueryString: "", headers: { host: "x.test" },
                  requestContext: { http: { method: "GET", path }, domainName: "x.test" }, isBase64Encoded: false,
                });
                const ok = await handler(event("/links/a%20b"), {});
                const missing = await handler(event("/nope"), {});
                console.log(JSON.stringify({ ok: JSON.parse(ok.body), missing: missing.statusCode }));
                """
        case .dev:
            Issue.record("the dev host has no entries (DevCommandTests start it with its files alone)")
            return
        }
        try write("run.mjs", script)
        let result = CommandRunner.run(node, ["run.mjs"], in: dir.path, timeout: 60)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let parsed = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let output = try #require(parsed as? [String: Any], "\(result.stdout)")
        let ok = output["ok"] as? [String: Any]
        #expect(ok?["key"] as? String == "GET /links/{code}")
        #expect((ok?["params"] as? [String: String])?["code"] == "a b")
        #expect(ok?["greeting"] as? String == "hi")
        #expect(output["missing"] as? Int == 404)
    }
}
