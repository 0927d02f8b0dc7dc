import Foundation

/// Reading what `node --test` prints (TAP), for test failure messages.
public enum NodeTestReport {
    /// The summary lines (`# tests 42`, `# pass 42`, ...).
    public static func summary(_ tap: String) -> String {
        tap.split(separator: "\n").filter { $0.hasPrefix("# ") }.joined(separator: "\n")
    }

    /// The lines of the report around each failing test (at most 200).
    public static func failures(_ tap: String) -> String {
        let lines = tap.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [Substring] = []
        for (i, line) in lines.enumerated() where line.contains("not ok ") {
            out += lines[i..<min(lines.count, i + 25)]
        }
        return out.prefix(200).joined(separator: "\n")
    }
}
