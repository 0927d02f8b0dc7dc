import Foundation
import TestSupport
import Testing

/// What the test runs: the runtime's tests (moto_server, and boto3 through python3), esbuild as wrangler.
let builtAppTools = ["node", "esbuild", "moto_server", "python3"]

/// examples/links-ts, the runtime's contract app in TypeScript, built by `distlang build` and run
/// through both adapters with the runtime's own contract cases (Fixtures/contract): the Lambda zips
/// against moto_server, the Cloudflare bundles and the wrangler entries on in-memory bindings.
@Suite(
    .enabled(
        if: ExternalTool.shouldRun(needing: builtAppTools.allSatisfy { ExternalTool.find($0) != nil } ? "all" : nil)))
struct BuiltAppTests {

    @Test func theTypeScriptAppPassesTheContractOnBothPlatforms() throws {
        for tool in builtAppTools where ExternalTool.find(tool) == nil {
            throw ExternalTool.Failure(description: "\(tool) is not on PATH")
        }
        let dir = RepositoryPaths.temporaryDirectory("distlang-built-app")
        let app = dir.appendingPathComponent("app")
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("examples/links-ts"), toPath: app.path)
        let dist = dir.appendingPathComponent("dist")
        let build = CommandRunner.distlang(["build", "--out", dist.path, "-q"], in: app.path, timeout: 300)
        #expect(build.exitCode == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty, "no warnings: \(build.stderr)")

        for function in ["api", "worker"] {
            let unzip = try ExternalTool.python(
                "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
                [
                    dist.appendingPathComponent("aws/code/\(function).zip").path,
                    dir.appendingPathComponent("lambda/\(function)").path,
                ])
            #expect(unzip.exitCode == 0, "\(unzip.stderr)")
            let names = try FileManager.default.subpathsOfDirectory(
                atPath: dir.appendingPathComponent("lambda/\(function)").path)
            #expect(
                names.contains("src/\(function).js") && !names.contains { $0.hasSuffix(".ts") },
                "the zip holds JavaScript: \(names.sorted())")
            // What wrangler does with its `main`: bundle it, .ts imports included, with esbuild.
            let wrangler = CommandRunner.run(
                try #require(ExternalTool.find("esbuild")),
                [
                    dist.appendingPathComponent("cloudflare/wrangler/\(function)/entry.mjs").path, "--bundle",
                    "--format=esm",
                    "--log-level=warning", "--outfile=" + dir.appendingPathComponent("wrangler/\(function).mjs").path,
                ])
            #expect(wrangler.exitCode == 0, "\(wrangler.stderr)")
        }
        let entry = try String(contentsOf: dist.appendingPathComponent("aws/code/api/index.mjs"), encoding: .utf8)
        #expect(entry.contains("import * as userModule from \"./src/api.js\";"))
        let worker = try String(
            contentsOf: dist.appendingPathComponent("cloudflare/wrangler/api/entry.mjs"), encoding: .utf8)
        #expect(worker.contains("/src/api.ts\";"), "wrangler compiles the TypeScript source itself")

        let contract = RepositoryPaths.path("Tests/DistlangTypeScriptTests/Fixtures/contract/built-app-contract.mjs")
        let run = CommandRunner.run(
            try #require(ExternalTool.find("node")), ["--test", contract],
            environment: ["DISTLANG_BUILT_APP": dir.path], timeout: 600)
        #expect(run.exitCode == 0, "\(run.stdout.suffix(6000))\(run.stderr.suffix(2000))")
        #expect(run.stdout.contains("# fail 0") && run.stdout.contains("# pass 30"), "\(run.stdout.suffix(400))")
    }
}
