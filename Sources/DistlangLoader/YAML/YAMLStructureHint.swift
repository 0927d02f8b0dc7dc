import DistlangCore

/// What is probably wrong when libyaml stops on a block structure ("mapping values are not allowed in
/// this context", "did not find expected key", "could not find expected ':'"): libyaml says where it
/// gave up, often the line after the mistake; these rules name the mistake (a line indented off the
/// lines above it, a missing space after `:`, a missing `:`, a tab, an unquoted `: ` in a value) and
/// point at the line that caused it. libyaml's own words stay, in a note.
struct YAMLStructureHint {
    let lines: [Substring]
    let file: String

    init(bytes: ArraySlice<UInt8>, file: String) {
        lines = SourceCache.splitLines(String(decoding: bytes, as: UTF8.self))
        self.file = file
    }

    func diagnostic(problem: String, at problemAt: SourceLocation, context: String?, contextAt: SourceLocation?) -> Diagnostic? {
        let line = problemAt.line
        guard line >= 1, line <= lines.count else { return nil }
        let parserNote = Diagnostic.Note("the YAML parser stopped at \(problemAt.line):\(problemAt.column): \(problem)")
        let above = contentLine(before: line)
        var found: Diagnostic?
        switch problem {
        case "mapping values are not allowed in this context":
            found = tab(line, above) ?? missingSpace(on: above) ?? colonInValue(line, column: problemAt.column)
                ?? indentedIntoValue(line, above: above)
        case "found a tab character that violates indentation":
            found = tab(line, above)
        case "block sequence entries are not allowed in this context":
            found = itemAfterKey(line, column: problemAt.column) ?? tab(line, above) ?? misaligned(line)
        case "did not find expected key", "did not find expected '-' indicator":
            found = tab(line, above) ?? misaligned(line)
        case "could not find expected ':'":
            found = contextAt.flatMap { missingColon($0.line) }
        default:
            break
        }
        guard var d = found else { return nil }
        d.notes.append(parserNote)
        return d
    }

    // MARK: the mistakes

    /// A tab in the indentation of the line or the line above it.
    private func tab(_ lines: Int?...) -> Diagnostic? {
        guard let n = lines.compactMap({ $0 }).first(where: { leadingWhitespace($0).contains("\t") }) else { return nil }
        return .error("yaml.tab", "line \(n) is indented with a tab; YAML indentation must use spaces", at: lineStart(n), hint: "replace the tab with spaces")
    }

    /// `source:src/api.js`: without a space the `:` is part of a plain value, so the next line breaks.
    private func missingSpace(on n: Int?) -> Diagnostic? {
        guard let n else { return nil }
        let text = body(n)
        guard !text.contains(": "), !text.hasSuffix(":"), let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon]
        let rest = text[text.index(after: colon)...]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }), !rest.hasPrefix("//") else { return nil }
        let column = indentation(n) + itemPrefix(n) + key.count + 1
        return .error(
            "yaml.colon-space", "there is no space after the ':' on line \(n), so YAML reads \"\(text)\" as one value, not a key and its value",
            at: SourceLocation(file: file, line: n, column: column), hint: "write \"\(key): \(rest)\"")
    }

    /// `description: Note: it works`: a second `: ` in a plain value reads as another key.
    private func colonInValue(_ n: Int, column: Int) -> Diagnostic? {
        let text = body(n)
        guard let first = text.range(of: ": ") else { return nil }
        let valueColumn = indentation(n) + itemPrefix(n) + text.distance(from: text.startIndex, to: first.upperBound) + 1
        guard column > valueColumn else { return nil }
        let key = text[..<first.lowerBound], value = text[first.upperBound...]
        return .error(
            "yaml.unquoted-colon", "the value on line \(n) contains \": \", which YAML reads as the start of another key",
            at: SourceLocation(file: file, line: n, column: valueColumn),
            hint: "put the value in quotes: \(key): \"\(String(value).replacingAll("\"", "\\\""))\"")
    }

    /// A `key: value` line indented deeper than the `key: value` line above: YAML reads it as more
    /// of that value.
    private func indentedIntoValue(_ n: Int, above: Int?) -> Diagnostic? {
        guard let above, indentation(n) > indentation(above) else { return nil }
        let previous = body(above)
        guard let colon = previous.range(of: ": "), !previous[colon.upperBound...].trimmingSpaces().isEmpty else { return nil }
        let i = indentation(n), j = indentation(above)
        return .error(
            "yaml.indentation",
            "line \(n) is indented more than line \(above) (\(spaces(i)), not \(j)), so YAML reads it as more of the value on line \(above)",
            at: keySpan(n), hint: "indent it \(spaces(j)) to line it up with \(describe(above)) on line \(above)")
    }

    /// A line whose indentation lines up with no line above it.
    private func misaligned(_ n: Int) -> Diagnostic? {
        let i = indentation(n)
        // The lines a new entry can line up with: the line above, then each line above it with less indentation.
        var levels: [(indent: Int, line: Int)] = []
        var cursor = contentLine(before: n)
        while let c = cursor {
            if levels.last.map({ indentation(c) < $0.indent }) ?? true { levels.append((indentation(c), c)) }
            if indentation(c) == 0 { break }
            cursor = contentLine(before: c)
        }
        let deeper = levels.last { $0.indent > i }, shallower = levels.first { $0.indent < i }
        guard !levels.contains(where: { $0.indent == i }), deeper != nil || shallower != nil else { return nil }
        let options = [deeper, shallower].compactMap { $0 }.map {
            "\(spaces($0.indent)) to line it up with \(describe($0.line)) on line \($0.line)"
        }
        return .error(
            "yaml.indentation", "line \(n) is indented \(spaces(i)), which lines up with no line above it",
            at: keySpan(n), hint: "indent it " + options.joined(separator: ", or "))
    }

    /// `http: - GET /a`: a list item on the line of its key.
    private func itemAfterKey(_ n: Int, column: Int) -> Diagnostic? {
        let text = body(n)
        guard let colon = text.range(of: ": - ") else { return nil }
        let key = text[..<colon.lowerBound], item = text[colon.upperBound...]
        return .error(
            "yaml.indentation", "a list item cannot follow its key on the same line",
            at: SourceLocation(file: file, line: n, column: column),
            hint: "put \"- \(item)\" on its own line below \"\(key):\", indented, or write \(key): [\(item)]")
    }

    /// `memory 256`: a key without its `:`.
    private func missingColon(_ n: Int) -> Diagnostic? {
        guard n >= 1, n <= lines.count else { return nil }
        let text = body(n)
        guard let space = text.firstIndex(of: " "), !text.contains(":") else { return nil }
        let key = text[..<space], value = text[text.index(after: space)...].trimmingSpaces()
        guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }), !value.isEmpty else { return nil }
        return .error(
            "yaml.missing-colon", "line \(n) has no ':' after its key \"\(key)\"", at: keySpan(n), hint: "write \"\(key): \(value)\"")
    }

    // MARK: lines

    /// The nearest line above `n` that holds something (not blank, not only a comment).
    private func contentLine(before n: Int) -> Int? {
        var i = n - 1
        while i >= 1 {
            let text = lines[i - 1].drop { $0 == " " || $0 == "\t" }
            if !text.isEmpty, !text.hasPrefix("#") { return i }
            i -= 1
        }
        return nil
    }

    private func leadingWhitespace(_ n: Int) -> Substring { lines[n - 1].prefix { $0 == " " || $0 == "\t" } }

    private func indentation(_ n: Int) -> Int { lines[n - 1].prefix { $0 == " " }.count }

    /// The width of a list item's `- ` in front of the line's content.
    private func itemPrefix(_ n: Int) -> Int {
        let rest = lines[n - 1].dropFirst(indentation(n))
        return rest.hasPrefix("- ") ? 2 : 0
    }

    /// The line without its indentation, list marker and trailing spaces or comment.
    private func body(_ n: Int) -> String {
        var text = String(lines[n - 1].dropFirst(indentation(n) + itemPrefix(n)))
        if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
        return text.trimmingSpaces()
    }

    /// `source` for `source: x`, `- GET /a` for a list item.
    private func describe(_ n: Int) -> String {
        if itemPrefix(n) > 0 { return "the list item \"- \(body(n))\"" }
        let text = body(n)
        let key = text.range(of: ":").map { String(text[..<$0.lowerBound]) } ?? text
        return "\"\(key)\""
    }

    private func keySpan(_ n: Int) -> SourceLocation {
        let start = indentation(n) + 1
        let text = lines[n - 1].dropFirst(indentation(n))
        let length = text.hasPrefix("- ") ? text.trimmingSpaces().count : text.prefix { $0 != ":" && $0 != " " }.count
        return SourceLocation(
            file: file, span: SourceSpan(start: SourcePosition(line: n, column: start), end: SourcePosition(line: n, column: start + max(1, length))))
    }

    private func lineStart(_ n: Int) -> SourceLocation { SourceLocation(file: file, line: n, column: 1) }

    private func spaces(_ n: Int) -> String { n == 1 ? "1 space" : "\(n) spaces" }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
