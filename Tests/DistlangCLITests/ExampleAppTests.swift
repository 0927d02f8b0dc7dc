import Foundation
import TestSupport
import Testing

/// Every example's handlers on both platforms: `node --test` over examples/tests/*.test.js, where
/// each file builds its example with this `distlang` binary (DISTLANG_BIN), runs the Lambda code
/// roots from their zips against a real moto_server with the generated CloudFormation template
/// deployed, and the Workers' esbuild bundles with bindings written from Cloudflare's documented
/// APIs, with the same requests and checks on both (examples/tests/README.md).
@Suite struct ExampleAppTests {
    static let folder = RepositoryPaths.path("examples/tests")

    /// The examples that have a spec.
    static var examples: [String] {
        let root = RepositoryPaths.path("examples")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return folders.filter { folder in
            ["distlang.yaml", "distlang.json"].contains {
                FileManager.default.fileExists(atPath: "\(root)/\(folder)/\($0)")
            }
        }.sorted()
    }

    @Test func everyExampleHasItsTestFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder)
        #expect(Self.examples.count >= 6)
        for example in Self.examples {
            #expect(
                files.contains("\(example).test.js"), "examples/\(example) has no examples/tests/\(example).test.js")
        }
    }

    @Test func examplesPassOnBothPlatforms() throws {
        guard let node = ExternalTool.find("node") else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "node is not on PATH") }
            return
        }
        if ExternalTool.find("moto_server") == nil {
            if ExternalTool.checkersRequired {
                throw ExternalTool.Failure(description: "moto_server is not on PATH (pip install 'moto[server]')")
            }
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder)
            .filter { $0.hasSuffix(".test.js") }.sorted().map { "\(Self.folder)/\($0)" }
        let result = CommandRunner.run(
            node, ["--test"] + files, in: RepositoryPaths.path("."),
            environment: ["DISTLANG_BIN": CommandRunner.distlangPath], timeout: 600)
        #expect(!result.timedOut, "node --test timed out")
        let report = [
            NodeTestReport.summary(result.stdout), NodeTestReport.failures(result.stdout),
            String(result.stderr.suffix(2000)),
        ]
        #expect(result.exitCode == 0, "node --test failed:\n\(report.joined(separator: "\n"))")
        #expect(result.stdout.contains("# fail 0"))
    }
}
