import DistlangCore

/// One line of a text or markdown report before it is written: its indentation, text and tone
/// (which the terminal shows in colour).
struct ReportLine {
    enum Tone { case plain, heading, added, removed, changed, dataLoss, orphaned }
    var indent: Int
    var text: String
    var tone: Tone = .plain
    /// Parts of the line in another tone (a data-loss label at its end).
    var suffix: (text: String, tone: Tone)? = nil

    init(_ indent: Int, _ text: String, _ tone: Tone = .plain, suffix: (text: String, tone: Tone)? = nil) {
        self.indent = indent
        self.text = text
        self.tone = tone
        self.suffix = suffix
    }
}

/// ANSI colours for a terminal, or none.
struct TextStyle {
    var color: Bool

    func render(_ lines: [ReportLine]) -> String {
        var out = ""
        for line in lines {
            out += String(repeating: " ", count: line.indent) + paint(line.text, line.tone)
            if let suffix = line.suffix { out += paint(suffix.text, suffix.tone) }
            out += "\n"
        }
        return out
    }

    func paint(_ text: String, _ tone: ReportLine.Tone) -> String {
        guard color, !text.isEmpty else { return text }
        let code: String
        switch tone {
        case .plain: return text
        case .heading: code = "1"
        case .added: code = "32"
        case .removed: code = "31"
        case .changed, .orphaned: code = "33"
        case .dataLoss: code = "1;31"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

/// Values as a report shows them, in full: strings as they are (quoted when they would otherwise
/// be unclear), lists of such strings as `[a, b]`, everything else as compact JSON with sorted
/// keys; long ones wrapped, never cut.
enum ValueText {
    static func show(_ v: Value?) -> String {
        guard let v else { return "(none)" }
        if let s = bare(v) { return s }
        // A list of strings as `[a, b]`: actions, flags and HCL references read as they are written.
        if case .array(let items) = v, !items.isEmpty {
            let strings = items.compactMap(bare)
            if strings.count == items.count, !strings.contains(where: { $0.contains(", ") }) { return "[" + strings.joined(separator: ", ") + "]" }
        }
        return JSONWriter(indent: 0, sortKeys: true).string(v)
    }

    /// A string that reads the same without quotes: not empty, on one line, no space at either end.
    private static func bare(_ v: Value) -> String? {
        guard case .string(let s) = v, !s.isEmpty, !s.contains(where: { $0.isNewline }), s.first != " ", s.last != " " else { return nil }
        return s
    }

    /// `text` in pieces: the first at most `first` characters, the others at most `rest`; broken
    /// after a comma or at a space where one is near the end, otherwise where the width ends.
    static func wrap(_ text: String, first: Int, rest: Int) -> [String] {
        var out: [String] = []
        var remaining = Substring(text)
        var width = max(first, 20)
        while remaining.count > width {
            let window = remaining.prefix(width)
            var cut = window.endIndex
            if let i = window.lastIndex(where: { $0 == "," || $0 == " " }), window.distance(from: window.startIndex, to: i) >= width / 2 {
                cut = window.index(after: i)
            }
            out.append(String(remaining[..<cut]).trimmingTrailingSpaces)
            remaining = remaining[cut...]
            width = max(rest, 20)
        }
        out.append(String(remaining))
        return out
    }
}

extension ValueText {
    /// Prose in lines of at most `first`, then `rest` characters, broken at spaces but never inside
    /// a `code span` (a span longer than a line gets a line of its own).
    static func wrapProse(_ text: String, first: Int, rest: Int) -> [String] {
        var words: [String] = [], word = "", inCode = false
        for ch in text {
            if ch == "`" { inCode.toggle() }
            if ch == " " && !inCode {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { words.append(word) }
        var lines: [String] = [], line = ""
        for w in words {
            let limit = lines.isEmpty ? first : rest
            if !line.isEmpty && line.count + 1 + w.count > limit {
                lines.append(line)
                line = w
            } else {
                line += line.isEmpty ? w : " " + w
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
