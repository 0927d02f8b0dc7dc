import Foundation
import Testing

/// Compares `actual` with the golden file at `path`; with `DISTLANG_RECORD=1` in the environment,
/// writes `actual` there instead (and the test passes), so goldens are re-recorded on purpose only.
public func assertGolden(_ actual: String, path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["DISTLANG_RECORD"] == "1" {
        try? FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try? actual.write(toFile: path, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("missing golden file \(path); run the tests with DISTLANG_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("output differs from \(path):\n--- expected\n\(expected)\n--- actual\n\(actual)", sourceLocation: sourceLocation)
    }
}
