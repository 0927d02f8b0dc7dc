import DistlangSchema
import Testing

/// The official JSON-Schema-Test-Suite (vendored under JSON-Schema-Test-Suite/): every required test
/// of draft 2020-12 and draft-07, one Swift test per suite file.
@Suite struct JSONSchemaTestSuiteTests {
    /// Tests of the required suite that are skipped, with the reason. It is empty, and must stay so.
    static let requiredSkips: [String: String] = [:]

    static let draft2020Files = SuitePaths.files(draft: "draft2020-12")
    static let draft7Files = SuitePaths.files(draft: "draft7")

    @Test func suiteIsVendored() {
        #expect(Self.draft2020Files.count >= 40)
        #expect(Self.draft7Files.count >= 35)
        #expect(SuiteRunner.remotes.count >= 50)
    }

    @Test("draft2020-12", arguments: draft2020Files)
    func draft2020(_ file: String) {
        check(SuiteRunner.run(draft: "draft2020-12", file: file, assertFormats: false, skips: Self.requiredSkips))
    }

    @Test("draft7", arguments: draft7Files)
    func draft7(_ file: String) {
        check(SuiteRunner.run(draft: "draft7", file: file, assertFormats: false, skips: Self.requiredSkips))
    }

    private func check(_ outcome: SuiteRunner.Outcome) {
        print("suite: \(outcome.passed) passed, \(outcome.failures.count) failed")
        #expect(outcome.passed > 0)
        #expect(outcome.skipped == 0)
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
    }
}
