import Testing

/// The official suite through the `distlang` binary (`validate --catalog`, one process per draft), so
/// the CLI and the in-process engine can never disagree: every required test of the five drafts must
/// pass, and the optional format tests (`--assert-formats`) must give the in-process answers.
@Suite struct CLISuiteTests {
    @Test("required, through the CLI", arguments: SuitePaths.drafts)
    func required(_ draft: String) throws {
        let outcome = try CLISuiteRunner.run(draft: draft, files: SuitePaths.files(draft: draft), assertFormats: false)
        print("cli \(draft) required: \(outcome.passed.count) passed, \(outcome.failures.count) failed")
        #expect(outcome.passed.count > 300)
        for failure in outcome.failures { Issue.record(Comment(rawValue: "\(draft)/\(failure)")) }
    }

    @Test("optional formats, through the CLI, agree with the engine", arguments: SuitePaths.drafts)
    func optionalFormats(_ draft: String) throws {
        let files = SuitePaths.files(draft: draft, sub: "optional/format")
        let cli = try CLISuiteRunner.run(draft: draft, files: files, assertFormats: true)
        let engineFailed = Set(files.flatMap { file in
            SuiteRunner.run(draft: draft, file: file, assertFormats: true).failures.map { Self.testName($0) }
        })
        let cliFailed = Set(cli.failures.map { Self.testName($0) })
        print("cli \(draft) optional formats: \(cli.passed.count) passed, \(cli.failures.count) failed")
        #expect(cli.passed.count > 50)
        #expect(cliFailed == engineFailed, "CLI-only: \(cliFailed.subtracting(engineFailed).sorted()); engine-only: \(engineFailed.subtracting(cliFailed).sorted())")
    }

    /// "file::group::test: detail" -> "file::group::test".
    static func testName(_ failure: String) -> String {
        guard let r = failure.range(of: ": expected ") ?? failure.range(of: ": schema did not compile") else { return failure }
        return String(failure[..<r.lowerBound])
    }
}
