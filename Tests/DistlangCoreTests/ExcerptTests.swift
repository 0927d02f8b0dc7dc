import DistlangCore
import Testing

/// Excerpts of long lines: cut around the column, with the caret under the right character, at any
/// place of a line of any length (the column index of long lines must agree with a plain count).
struct ExcerptTests {
    /// The shown line and the caret line of a one-diagnostic report at `column` (span of `length`).
    private func excerpt(_ line: String, column: Int, length: Int = 1) -> (shown: [Character], caret: Int) {
        let sources = SourceCache()
        sources.register(file: "f.json", text: "first\n" + line + "\nlast")
        let span = SourceSpan(start: SourcePosition(line: 2, column: column), end: SourcePosition(line: 2, column: column + length))
        let text = TextDiagnosticRenderer(sources: sources).render([.error("x", "m", at: SourceLocation(file: "f.json", span: span))])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func afterGutter(_ s: Substring) -> [Character] { Array(s.drop { $0 != "|" }.dropFirst(2)) }
        let shown = afterGutter(lines[1])
        return (shown, afterGutter(lines[2]).firstIndex(of: "^") ?? -1)
    }

    /// A line of `count` characters where character n (1-based) is a letter derived from n, with
    /// a two-byte "é" every seventh character so columns and bytes differ.
    private func line(_ count: Int) -> [Character] {
        (1...count).map { n in n % 7 == 0 ? "é" : Character(Unicode.Scalar(UInt8(97 + n % 26))) }
    }

    @Test(arguments: [1, 2, 49, 50, 51, 255, 256, 257, 5_000, 99_951, 99_999, 100_000])
    func theCaretIsUnderTheColumn(_ column: Int) {
        let chars = line(100_000)
        let (shown, caret) = excerpt(String(chars), column: column, length: 3)
        #expect(shown.count <= 102)
        #expect(caret >= 0 && caret < shown.count)
        #expect(shown[caret] == chars[column - 1], "column \(column)")
        #expect((shown.first == "…") == (column > 51))
        #expect((shown.last == "…") == (column < 99_951))
    }

    @Test func shortLinesAreShownWhole() {
        let (shown, caret) = excerpt("memory: 5.5", column: 9)
        #expect(String(shown) == "memory: 5.5")
        #expect(caret == 8)
    }
}
