import Foundation

/// Golden files: expected outputs kept in the repository and reviewed as a git diff.
///
/// Set `DISTLANG_RECORD=1` to (re)write every golden a test run touches instead of comparing.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["DISTLANG_RECORD"] == "1" }

    /// Compares `actual` with the golden file at `relativePath` (from the repository root).
    /// Returns nil when they match (or when recording), otherwise a description of the first difference.
    public static func mismatch(_ actual: String, goldenPath relativePath: String) -> String? {
        let path = RepositoryPaths.path(relativePath)
        if isRecording {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return nil
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
