/// Renders diagnostics like a compiler: `file:line:col: error: message`, the source line and a caret.
public struct TextDiagnosticRenderer: Sendable {
    public var useColor: Bool
    public var sources: SourceCache

    public init(sources: SourceCache, useColor: Bool = false) {
        self.sources = sources
        self.useColor = useColor
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics { render(d, into: &out) }
        return out
    }

    public func render(_ d: Diagnostic, into out: inout String) {
        header(severity: d.severity, message: d.messageWithPath, location: d.location, into: &out)
        if let location = d.location { excerpt(location, into: &out) }
        for note in d.notes where note.location != nil {
            header(severity: .note, message: note.message, location: note.location, into: &out)
            excerpt(note.location!, into: &out)
        }
        let gutter = String(repeating: " ", count: gutterWidth(d.location))
        for note in d.notes where note.location == nil {
            out += "\(gutter) = \(paint("note", .cyan)): \(note.message)\n"
        }
        if let hint = d.hint {
            out += "\(gutter) = \(paint("hint", .green)): \(hint)\n"
        }
    }

    private func header(severity: Diagnostic.Severity, message: String, location: SourceLocation?, into out: inout String) {
        if let location {
            out += paint("\(location.file):\(location.line):\(location.column):", .bold) + " "
        }
        let color: Color = severity == .error ? .red : severity == .warning ? .yellow : .cyan
        out += paint("\(severity.rawValue):", color) + " " + paint(message, .bold) + "\n"
    }

    private func gutterWidth(_ location: SourceLocation?) -> Int {
        guard let location else { return 1 }
        return max(String(location.line).count + 1, 3)
    }

    /// Longest stretch of a source line shown; longer lines are cut around the column.
    static let maxExcerptWidth = 100

    private func excerpt(_ location: SourceLocation, into out: inout String) {
        guard location.line > 0,
            let window = sources.window(location.line, of: location.file, around: max(location.column, 1), width: Self.maxExcerptWidth)
        else { return }
        let width = gutterWidth(location)
        let number = String(location.line)
        var scalars = window.scalars
        // Columns within the window (1-based); a cut at the start shows as "…", one more column.
        let cutBefore = window.firstColumn > 1
        let cutAfter = window.firstColumn - 1 + scalars.count < window.lineLength
        let shift = window.firstColumn - 1 - (cutBefore ? 1 : 0)
        let col = max(location.column, 1) - shift
        let endColumn = (location.span.end.line == location.line ? location.span.end.column : max(location.column, 1) + 1) - shift
        if cutBefore { scalars.insert("…", at: 0) }
        let shown = String(String.UnicodeScalarView(scalars.map { $0.value < 0x20 && $0 != "\t" ? " " : $0 }))
        out += String(repeating: " ", count: width - number.count) + paint(number, .blue) + " " + paint("|", .blue) + " " + shown + (cutAfter ? "…" : "") + "\n"
        // The marker line copies tabs so the caret lines up with the column.
        var marker = ""
        for i in 0..<max(0, min(col - 1, scalars.count)) { marker.append(scalars[i] == "\t" ? "\t" : " ") }
        if col - 1 > scalars.count { marker += String(repeating: " ", count: col - 1 - scalars.count) }
        var length = 1
        if endColumn > col { length = min(endColumn, scalars.count + 1) - col }
        let carets = "^" + String(repeating: "~", count: max(length - 1, 0))
        out += String(repeating: " ", count: width) + " " + paint("|", .blue) + " " + marker + paint(carets, .green) + "\n"
    }

    enum Color: String { case red = "31", yellow = "33", cyan = "36", blue = "34", green = "32", bold = "1" }

    private func paint(_ s: String, _ color: Color) -> String {
        guard useColor else { return s }
        let code = color == .bold ? "1" : "1;\(color.rawValue)"
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }
}
