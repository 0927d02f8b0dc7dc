import Foundation
import Testing
import TestSupport

/// The package stage through `distlang build`: what goes in each AWS code root and zip, that zips
/// and bundles are the same bytes from any folder, that the zipped code runs, and that code changes
/// show in `diff` (docs/packaging.md).
@Suite(.serialized) struct PackagingTests {
    static let spec = """
        distlang: 1
        name: pack
        functions:
          api:
            source: src/api.js
            http: ["GET /items/{id}"]
        targets:
          cloudflare: { compatibility_date: "2025-06-01", workers_dev: true }
          aws: { region: eu-west-1 }

        """

    /// An app whose handler imports relative modules and a package, which depends on another
    /// package.
    static func app(in dir: URL) throws {
        func write(_ path: String, _ text: String) throws {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try write("distlang.yaml", spec)
        try write("src/api.js", """
            import { shout } from "./lib/text.js";
            import config from "./config.js";
            import { pad } from "left";

            export default {
              async fetch(request, env, ctx) {
                return Response.json({ id: shout(pad(ctx.route.params.id)), greeting: config.greeting });
              },
            };

            """)
        try write("src/lib/text.js", "export const shout = (s) => s.toUpperCase();\n")
        try write("src/config.js", "export default { greeting: \"hello\" };\n")
        try write("src/unused.js", "export const never = 1;\n")
        try write("node_modules/left/package.json", #"{ "name": "left", "type": "module", "main": "index.js", "dependencies": { "space": "1.0.0" } }"#)
        try write("node_modules/left/index.js", "import { space } from \"space\";\nexport const pad = (s) => space + s;\n")
        try write("node_modules/space/package.json", #"{ "name": "space", "type": "module", "main": "index.js" }"#)
        try write("node_modules/space/index.js", "export const space = \"_\";\n")
    }

    static func built(_ name: String) throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory(name)
        try app(in: dir)
        let r = CommandRunner.distlang(["build"], in: dir.path)
        #expect(r.exitCode == 0, "\(r.stderr)")
        return dir
    }

    /// The names in a zip, read by Python's zipfile.
    static func zipNames(_ path: String) throws -> [String] {
        let r = try ExternalTool.python("import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", [path])
        #expect(r.exitCode == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    @Test func theCodeRootHoldsWhatTheHandlerImportsAndNothingElse() throws {
        let dir = try Self.built("distlang-pack")
        let names = try Self.zipNames(dir.appendingPathComponent("dist/aws/code/api.zip").path)
        let user = names.filter { !$0.hasPrefix("_distlang/") }
        #expect(user == [
            "index.mjs", "node_modules/left/index.js", "node_modules/left/package.json", "node_modules/space/index.js",
            "node_modules/space/package.json", "package.json", "src/api.js", "src/config.js", "src/lib/text.js",
        ])
        #expect(names.contains("_distlang/runtime/adapters/aws-lambda/index.js"))
        #expect(!names.contains { $0.contains("cloudflare-workers") || $0.contains("unused") })
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// Two builds in two folders: the same zip and bundle bytes.
    @Test func zipsAndBundlesAreTheSameBytesFromAnyFolder() throws {
        let a = try Self.built("distlang-pack-a"), b = try Self.built("distlang-pack-second-folder")
        for path in ["dist/aws/code/api.zip", "dist/cloudflare/bundle/default/api.mjs"] {
            let x = try Data(contentsOf: a.appendingPathComponent(path)), y = try Data(contentsOf: b.appendingPathComponent(path))
            #expect(x == y, "\(path) differs between folders")
            #expect(!x.isEmpty)
        }
        // And the same again when built a second time in place (nothing changed, nothing written).
        let again = CommandRunner.distlang(["build"], in: a.path)
        #expect(again.stdout.contains("0 changed"), "\(again.stdout)")
    }

    /// The zip, unpacked, answers a request through the generated entry (API Gateway v2 event),
    /// and the Cloudflare bundle answers the same request.
    @Test func theZippedCodeAndTheBundleRun() throws {
        guard let node = ExternalTool.find("node") else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "node is not on PATH") }
            return
        }
        let dir = try Self.built("distlang-pack-run")
        let unpacked = dir.appendingPathComponent("unpacked")
        let unzip = try ExternalTool.python(
            "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
            [dir.appendingPathComponent("dist/aws/code/api.zip").path, unpacked.path])
        #expect(unzip.exitCode == 0, "\(unzip.stderr)")
        let script = """
            const { handler } = await import(process.argv[2] + "/index.mjs");
            const lambda = await handler({
              version: "2.0", routeKey: "$default", rawPath: "/items/ab", rawQueryString: "", headers: { host: "x.test" },
              requestContext: { http: { method: "GET", path: "/items/ab" }, domainName: "x.test" }, isBase64Encoded: false,
            }, {});
            const worker = (await import(process.argv[3])).default;
            const response = await worker.fetch(new Request("https://x.test/items/ab"), {}, { waitUntil() {} });
            console.log(JSON.stringify({ lambda: JSON.parse(lambda.body), worker: await response.json() }));
            """
        try script.write(to: dir.appendingPathComponent("run.mjs"), atomically: true, encoding: .utf8)
        let r = CommandRunner.run(
            node, ["run.mjs", unpacked.path, dir.appendingPathComponent("dist/cloudflare/bundle/default/api.mjs").path], in: dir.path)
        #expect(r.exitCode == 0, "\(r.stderr)")
        let expected = #"{"id":"_AB","greeting":"hello"}"#
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"lambda":\#(expected),"worker":\#(expected)}"#)
    }

    /// A new imported file and a changed one show in `diff` as a code change of the function.
    @Test func codeChangesShowInDiff() throws {
        let dir = try Self.built("distlang-pack-diff")
        try "export const shout = (s) => s.toUpperCase() + \"!\";\nexport { extra } from \"./extra.js\";\n"
            .write(to: dir.appendingPathComponent("src/lib/text.js"), atomically: true, encoding: .utf8)
        try "export const extra = 1;\n".write(to: dir.appendingPathComponent("src/lib/extra.js"), atomically: true, encoding: .utf8)
        let r = CommandRunner.distlang(["diff", "--exit-code"], in: dir.path)
        #expect(r.exitCode == 1, "a code change is a change")
        #expect(r.stdout.contains("function api: code changed (2 files)\n    + src/lib/extra.js\n    ~ src/lib/text.js\n"), "\(r.stdout)")
        let json = CommandRunner.distlang(["diff", "--format", "json"], in: dir.path)
        #expect(json.stdout.contains(#""path": "src/lib/extra.js""#))
    }

    /// A missing import stops the build at its line and column; nothing is written.
    @Test func aMissingImportIsAnErrorAtItsLine() throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-pack-missing")
        try Self.app(in: dir)
        try "import { shout } from \"./lib/txt.js\";\nexport default {};\n".write(
            to: dir.appendingPathComponent("src/api.js"), atomically: true, encoding: .utf8)
        let r = CommandRunner.distlang(["build"], in: dir.path)
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("src/api.js:1:23: error:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist").path))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("src/api.js"))
        let missing = CommandRunner.distlang(["build"], in: dir.path)
        #expect(missing.exitCode == 1)
        #expect(missing.stderr.contains("distlang.yaml:5:13: error: functions.api.source:"), "\(missing.stderr)")
    }
}
