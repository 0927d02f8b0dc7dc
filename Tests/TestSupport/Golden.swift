import Foundation

/// Golden files: expected outputs kept in the repository next to the tests that check them.
///
/// `check` compares a text with `Tests/<TestTarget>/Goldens/<name>`; with `DISTLANG_RECORD=1` in
/// the environment it writes the text there instead (and reports no difference).
public enum Golden {
    /// nil when `actual` equals the golden file (or was recorded), otherwise a description of the
    /// first difference. `testFile` locates the test target; leave it at its default.
    public static func check(_ actual: String, named name: String, testFile: String = #filePath) -> String? {
        let url = testTargetDirectory(of: testFile).appendingPathComponent("Goldens").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DISTLANG_RECORD"] == "1" {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                return nil
            } catch {
                return "could not record \(url.path): \(error)"
            }
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "missing golden \(url.path); run the tests with DISTLANG_RECORD=1 to record it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected.utf8.elementsEqual(actual.utf8) { return nil }
        return firstDifference(expected: expected, actual: actual, name: name)
    }

    /// `Tests/<TestTarget>` for a source file anywhere below it.
    private static func testTargetDirectory(of testFile: String) -> URL {
        var url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
        while url.deletingLastPathComponent().lastPathComponent != "Tests", url.path.count > 1 {
            url = url.deletingLastPathComponent()
        }
        return url
    }

    private static func firstDifference(expected: String, actual: String, name: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end of file>"
            let al = i < a.count ? String(a[i]) : "<end of file>"
            if el != al || !el.utf8.elementsEqual(al.utf8) {
                return "\(name):\(i + 1): expected \(el.debugDescription), got \(al.debugDescription)"
            }
        }
        return "\(name): texts differ"
    }
}
