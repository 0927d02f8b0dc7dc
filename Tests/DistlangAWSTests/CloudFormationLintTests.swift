import Foundation
import Testing
import TestSupport

/// cfn-lint 1.51.0 over every generated template, YAML and JSON, in one run: zero errors and
/// zero warnings (informational rules are off by default).
///
/// Time bomb: rule W2531 warns on a Lambda runtime past its deprecation date, and E2531/E2533
/// fail once creation/updates are blocked, judged against today's date. nodejs22.x is deprecated
/// on 2027-04-30: from then on this test fails for every model using nodejs22 until distlang
/// offers a newer runtime (docs/targets/aws.md). Models using nodejs20 are not linted here (the
/// emitter warns about them instead; see DiagnosticsTests).
@Suite(.serialized) struct CloudFormationLintTests {
    @Test func everyTemplateLintsClean() throws {
        guard let cfnLint = try Checkers.tool("cfn-lint") else { return }
        let corpus = try AWSCorpus.writeAll()
        var files: [String] = []
        for (entry, dir) in corpus.entries {
            for file in AWSOutputs.templates(entry.output, "yaml") + AWSOutputs.templates(entry.output, "json") {
                files.append(dir + "/" + file.path)
            }
        }
        #expect(files.count >= 8)
        let result = CommandRunner.run(cfnLint, ["--format", "parseable", "--"] + files, timeout: 300)
        #expect(!result.timedOut)
        #expect(result.exitCode == 0, "cfn-lint exit \(result.exitCode):\n\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdout)")
    }

    /// The linter does see mistakes in these files: a template with a deliberate error fails.
    @Test func lintCatchesABrokenTemplate() throws {
        guard let cfnLint = try Checkers.tool("cfn-lint") else { return }
        let output = AWSOutputs.emit([TestSupport.SampleModels.shop()], formats: [.yaml])
        let broken = output.files[0].contents.replacingOccurrences(of: "Runtime: nodejs22.x", with: "Runtime: nodejs0.x")
        #expect(broken != output.files[0].contents)
        let dir = RepositoryPaths.temporaryDirectory("distlang-cfnlint")
        let path = dir.appendingPathComponent("broken.yaml").path
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let result = CommandRunner.run(cfnLint, ["--format", "parseable", "--", path], timeout: 120)
        #expect(result.exitCode != 0)
        #expect(result.stdout.contains("nodejs0.x"))
    }
}
