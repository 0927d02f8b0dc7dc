import Foundation
import Testing
import TestSupport

/// Every file of the hostile corpus is rejected with exit code 1 and a located message: no crash, no hang.
struct HostileCorpusTests {
    static let corpus = "Tests/Corpus/hostile"

    static var files: [String] {
        let dir = RepositoryPaths.path(corpus)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func corpusIsPresent() {
        #expect(Self.files.count >= 50)
    }

    @Test(arguments: files)
    func rejectedWithALocatedError(_ name: String) throws {
        let path = RepositoryPaths.path("\(Self.corpus)/\(name)")
        let result = CommandRunner.distlang(["validate", "--format", "json", path], timeout: 30)
        #expect(!result.timedOut, "distlang hung on \(name)")
        #expect(result.exitCode == 1, "exit \(result.exitCode) on \(name): \(result.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let diagnostics = report?["diagnostics"] as? [[String: Any]] ?? []
        let errors = diagnostics.filter { $0["severity"] as? String == "error" }
        #expect(!errors.isEmpty, "no error reported for \(name)")
        for error in errors {
            #expect((error["line"] as? Int ?? 0) >= 1, "error without a line in \(name): \(error)")
            #expect((error["column"] as? Int ?? 0) >= 1, "error without a column in \(name): \(error)")
            #expect(!(error["message"] as? String ?? "").isEmpty)
        }
    }
}
