import Foundation
import Testing

/// Golden files: expected outputs kept in the repository and reviewed as a git diff.
///
/// `DISTLANG_RECORD=1` rewrites every golden a test run touches, and every such test then FAILS with
/// "re-recorded …; review the git diff": a recording run can never pass CI by accident.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["DISTLANG_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `relativePath` (from the repository root), once,
    /// and records an issue naming the first differing line (or, when recording, the re-recording).
    public static func assert(_ actual: String, path relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = mismatch(actual, goldenPath: relativePath) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }

    /// The difference between `actual` and the golden file at `relativePath`, or nil when they
    /// match. When recording, writes the file and returns the re-recording as the difference.
    public static func mismatch(_ actual: String, goldenPath relativePath: String) -> String? {
        let path = RepositoryPaths.path(relativePath)
        if isRecording {
            let old = try? String(contentsOfFile: path, encoding: .utf8)
            try? FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return "re-recorded \(relativePath)\(old == actual ? " (unchanged)" : ""): review the git diff, then run the tests without DISTLANG_RECORD"
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return "golden file \(relativePath) is missing; run the tests with DISTLANG_RECORD=1 to create it"
        }
        if expected == actual { return nil }
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "<end of file>", al = i < a.count ? a[i] : "<end of file>"
            if el != al {
                return "\(relativePath):\(i + 1) differs\n  expected: \(el)\n  actual:   \(al)\n(re-record with DISTLANG_RECORD=1 and review the git diff)"
            }
        }
        return "\(relativePath) differs"
    }
}
