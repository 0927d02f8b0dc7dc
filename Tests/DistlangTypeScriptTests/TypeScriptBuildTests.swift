import Foundation
import TestSupport
import Testing

/// TypeScript sources through `distlang build`: the Lambda code root holds JavaScript compiled with
/// esbuild, errors stop the build at the TypeScript line:col, a missing esbuild is an error naming
/// the package (a note when only wrangler needs it), and `diff` sees changes to the TypeScript.
@Suite(.serialized, .enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("esbuild"))))
struct TypeScriptBuildTests {
    static func spec(aws: Bool = true) -> String {
        """
        distlang: 1
        name: tsapp
        functions:
          api:
            source: src/api.ts
            http: ["GET /items/{id}"]
        targets:
          cloudflare: { compatibility_date: "2025-06-01", workers_dev: true }
        \(aws ? "  aws: { region: eu-west-1 }\n" : "")
        """
    }

    static func app(aws: Bool = true, api: String? = nil) throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-ts-build")
        let files = [
            "distlang.yaml": spec(aws: aws),
            "src/api.ts": api ?? """
                import { shout } from "./lib/text.js";
                import { pad } from "left";

                interface Reply { id: string }

                export default {
                  async fetch(request: Request, env: unknown, ctx: { route: { params: { id: string } } }): Promise<Response> {
                    const reply: Reply = { id: shout(pad(ctx.route.params.id)) };
                    return new Response(JSON.stringify(reply));
                  },
                };

                """,
            "src/lib/text.ts": "export const shout = (s: string): string => s.toUpperCase();\n",
            "node_modules/left/package.json": #"{ "name": "left", "type": "module", "main": "index.js" }"#,
            "node_modules/left/index.js": "export const pad = (s) => \"_\" + s;\n",
        ]
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func theZipHoldsTheCompiledModuleItsPackagesAndRuns() throws {
        let dir = try Self.app()
        let build = CommandRunner.distlang(["build", "-q"], in: dir.path)
        #expect(build.exitCode == 0, "\(build.stderr)")
        let zip = dir.appendingPathComponent("dist/aws/code/api.zip").path
        let listed = try ExternalTool.python(
            "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", [zip])
        let names = listed.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("_distlang/") }
        #expect(
            names == [
                "index.mjs", "node_modules/left/index.js", "node_modules/left/package.json", "package.json",
                "src/api.js",
            ])
        let module = try String(contentsOf: dir.appendingPathComponent("dist/aws/code/api/src/api.js"), encoding: .utf8)
        #expect(
            module.contains("// src/lib/text.ts") && module.contains("from \"left\"") && !module.contains("interface"))

        guard let node = ExternalTool.find("node") else { return }
        let unpacked = dir.appendingPathComponent("unpacked")
        #expect(
            try ExternalTool.python(
                "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", [zip, unpacked.path]
            ).exitCode == 0)
        let script = """
            const { handler } = await import(process.argv[2] + "/index.mjs");
            const result = await handler({
              version: "2.0", routeKey: "$default", rawPath: "/items/ab", rawQueryString: "", headers: { host: "x.test" },
              requestContext: { http: { method: "GET", path: "/items/ab" }, domainName: "x.test" }, isBase64Encoded: false,
            }, {});
            console.log(result.body);
            """
        try script.write(to: dir.appendingPathComponent("run.mjs"), atomically: true, encoding: .utf8)
        let run = CommandRunner.run(node, ["run.mjs", unpacked.path], in: dir.path)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout == "{\"id\":\"_AB\"}\n")
    }

    /// A syntax error in an imported TypeScript file: an error at its line and (character) column,
    /// and nothing written.
    @Test func aSyntaxErrorStopsTheBuildAtItsLine() throws {
        let dir = try Self.app()
        try "export const shout = (s: string): string => { const é = \"é\"; return s.toUpperCase( };\n"
            .write(to: dir.appendingPathComponent("src/lib/text.ts"), atomically: true, encoding: .utf8)
        let build = CommandRunner.distlang(["build"], in: dir.path)
        #expect(build.exitCode == 1)
        #expect(build.stderr.hasPrefix("src/lib/text.ts:1:84: error: Unexpected \"}\"\n"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist").path))
        // Without an AWS target the Worker bundle finds the same error at the same place.
        try Self.spec(aws: false).write(
            to: dir.appendingPathComponent("distlang.yaml"), atomically: true, encoding: .utf8)
        let cloudflare = CommandRunner.distlang(["build"], in: dir.path)
        #expect(cloudflare.exitCode == 1)
        #expect(
            cloudflare.stderr.hasPrefix(
                "src/lib/text.ts:1:84: error: esbuild cannot bundle this module for Cloudflare: Unexpected \"}\"\n"),
            "\(cloudflare.stderr)")
    }

    @Test func withoutEsbuildAnAWSBuildFailsNamingThePackage() throws {
        let dir = try Self.app()
        let noEsbuild = ["DISTLANG_ESBUILD": "/nonexistent/esbuild"]
        let build = CommandRunner.distlang(["build"], in: dir.path, environment: noEsbuild)
        #expect(build.exitCode == 1)
        #expect(
            build.stderr.contains(
                "distlang.yaml:5:13: error: functions.api.source: src/api.ts is TypeScript, which distlang compiles with esbuild, and esbuild is not installed"
            ),
            "\(build.stderr)")
        #expect(build.stderr.contains("apt-get install esbuild"))
        // wrangler compiles TypeScript itself: a Cloudflare-only build goes on, without the bundles.
        try Self.spec(aws: false).write(
            to: dir.appendingPathComponent("distlang.yaml"), atomically: true, encoding: .utf8)
        let cloudflare = CommandRunner.distlang(["build"], in: dir.path, environment: noEsbuild)
        #expect(cloudflare.exitCode == 0, "\(cloudflare.stderr)")
        #expect(cloudflare.stdout.contains("esbuild is not installed, so cloudflare/bundle/"))
    }

    /// The recorded code is the TypeScript the module is compiled from.
    @Test func diffShowsChangesToTheTypeScript() throws {
        let dir = try Self.app()
        #expect(CommandRunner.distlang(["build", "-q"], in: dir.path).exitCode == 0)
        try "export const shout = (s: string): string => s.toUpperCase() + \"!\";\n"
            .write(to: dir.appendingPathComponent("src/lib/text.ts"), atomically: true, encoding: .utf8)
        let diff = CommandRunner.distlang(["diff"], in: dir.path)
        #expect(diff.stdout.contains("function api: code changed (1 file)\n    ~ src/lib/text.ts\n"), "\(diff.stdout)")
    }
}
