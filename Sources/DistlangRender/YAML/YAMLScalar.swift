/// How a YAML scalar is written so that every reader, YAML 1.1 (PyYAML, cfn-lint) and YAML 1.2
/// alike, reads back exactly the same value and type.
///
/// Strings: plain only when no reader can take them for anything but that string (see
/// `isSafePlain`); otherwise single-quoted when every character can stand in single quotes;
/// otherwise double-quoted with escapes. Numbers, booleans and null are YAML 1.2 plain scalars
/// that YAML 1.1 reads the same way.
enum YAMLScalar {
    /// A string scalar.
    static func string(_ text: String) -> String {
        if isSafePlain(text) { return text }
        if text.unicodeScalars.allSatisfy(isSingleQuotable) {
            return "'" + text.replacingSingleQuotes() + "'"
        }
        return doubleQuoted(text)
    }

    /// A double as both YAML 1.1 and 1.2 read it back as a float: YAML 1.1 needs a `.` and a
    /// signed exponent (`1.0e+20`, never `1e+20`). Non-finite values have no JSON form and are
    /// written as `null`, like `JSONWriter` does, so the YAML and JSON templates agree.
    static func double(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        var text = value.description
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), !text[..<e].contains(".") {
            text.insert(contentsOf: ".0", at: e)
        }
        return text
    }

    /// Words that some YAML 1.1 reader takes as a boolean or null, in any letter case.
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// A plain scalar must start with an ASCII letter, `_`, `/` or `$` (so it can be no number,
    /// date, `.inf`, indicator or `~`), hold only printable ASCII other than `#`, `'`, `"`, `\`
    /// and tab, contain no `: ` and not end with `:` (a mapping key), have no leading or trailing
    /// space, and not be a YAML 1.1 boolean or null word.
    static func isSafePlain(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        let isLetter = { (b: UInt8) in (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: "/") || first == UInt8(ascii: "$")
        else { return false }
        guard last != UInt8(ascii: " "), last != UInt8(ascii: ":") else { return false }
        var previous: UInt8 = 0
        for b in bytes {
            guard b >= 0x20 && b <= 0x7E else { return false }
            switch b {
            case UInt8(ascii: "#"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "\\"): return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: ":"): return false   // `: `
            default: break
            }
            previous = b
        }
        // The reserved words are at most five letters long.
        return bytes.count > 5 || !reservedWords.contains(text.lowercased())
    }

    /// Whether a character may stand in a single-quoted scalar on one line: printable for YAML,
    /// and not something a YAML 1.1 reader takes as a line break (NEL, U+2028, U+2029) or a
    /// byte-order mark.
    static func isSingleQuotable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A double-quoted scalar: `\\`, `\"`, `\t`, `\n`, `\r`, and `\uXXXX` for every other
    /// character that cannot stand in single quotes.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if isSingleQuotable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u" + UnicodeText.hex(scalar.value, width: 4, uppercase: true)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func replacingSingleQuotes() -> String {
        var out = ""
        for c in unicodeScalars {
            if c == "'" { out += "''" } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}
