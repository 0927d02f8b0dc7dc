/// Turns free text into `#` comment lines that are safe in HCL, TOML and YAML alike.
enum CommentText {
    /// One `# ...` line per line of `text` (`\n`, `\r\n` and `\r` all break lines). Control
    /// characters other than tab, U+2028, U+2029 and U+FEFF are dropped, because some format
    /// reads them as line breaks or rejects them; trailing blanks are trimmed; an empty line is `#`.
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        func finish() {
            while let last = current.last, last == " " || last == "\t" { current.removeLast() }
            lines.append(current.isEmpty ? "#" : "# " + String(current))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": finish()
            case "\n": if !previousWasCR { finish() }
            case "\t": current.append(scalar)
            case "\u{2028}", "\u{2029}", "\u{FEFF}": continue
            default: if !UnicodeText.isControl(scalar) { current.append(scalar) }
            }
        }
        finish()
        return lines
    }
}
