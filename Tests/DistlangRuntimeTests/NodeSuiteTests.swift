import Foundation
import TestSupport
import Testing

/// The runtime's own suites (`node --test` in runtime/: the core, both adapters' contract cases,
/// the AWS clients against a real moto_server), run from `swift test` so CI runs them with the rest.
@Suite struct NodeSuiteTests {
    @Test func runtimeSuitesPass() throws {
        guard let node = ExternalTool.find("node") else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "node is not on PATH") }
            return
        }
        if ExternalTool.find("moto_server") == nil && ExternalTool.checkersRequired {
            throw ExternalTool.Failure(description: "moto_server is not on PATH (pip install 'moto[server]')")
        }
        let result = CommandRunner.run(node, ["--test"], in: RepositoryPaths.path("runtime"), timeout: 600)
        #expect(!result.timedOut, "node --test timed out")
        #expect(
            result.exitCode == 0,
            "node --test failed:\n\(NodeTestReport.summary(result.stdout))\n\(NodeTestReport.failures(result.stdout))")
        #expect(result.stdout.contains("# fail 0"))
    }
}
