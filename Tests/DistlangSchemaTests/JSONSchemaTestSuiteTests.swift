import DistlangSchema
import Testing

/// The official JSON-Schema-Test-Suite (vendored under JSON-Schema-Test-Suite/): every required test
/// of drafts 4, 6, 7, 2019-09 and 2020-12, one Swift test per suite file.
@Suite struct JSONSchemaTestSuiteTests {
    /// Tests of the required suite that are skipped, with the reason. It is empty, and must stay so.
    static let requiredSkips: [String: String] = [:]

    /// Every required suite file as "draft/file".
    static let files = SuitePaths.drafts.flatMap { draft in SuitePaths.files(draft: draft).map { "\(draft)/\($0)" } }

    @Test func suiteIsVendored() {
        for (draft, least) in [("draft4", 25), ("draft6", 30), ("draft7", 35), ("draft2019-09", 40), ("draft2020-12", 40)] {
            #expect(SuitePaths.files(draft: draft).count >= least, "\(draft)")
        }
        #expect(SuiteRunner.remotes.count >= 50)
    }

    @Test("required", arguments: files)
    func required(_ path: String) {
        let (draft, file) = (String(path.prefix { $0 != "/" }), String(path.drop { $0 != "/" }.dropFirst()))
        check(SuiteRunner.run(draft: draft, file: file, assertFormats: false, skips: Self.requiredSkips))
    }

    private func check(_ outcome: SuiteRunner.Outcome) {
        print("suite: \(outcome.passed) passed, \(outcome.failures.count) failed")
        #expect(outcome.passed > 0)
        #expect(outcome.skipped == 0)
        for failure in outcome.failures { Issue.record(Comment(rawValue: failure)) }
    }
}
