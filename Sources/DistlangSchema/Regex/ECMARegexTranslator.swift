/// Translates an ECMA-262 regular expression (as JSON Schema's `pattern` uses, with the `u` flag's
/// strictness about escapes) into ICU syntax for `NSRegularExpression`, keeping ECMA's meaning:
///
/// - `\d`, `\w`, `\s`, `\b` are ECMA's (ASCII digits and word characters, ECMA white space), not ICU's Unicode ones;
/// - `.` excludes only ECMA's line terminators; `$` matches only at the very end;
/// - `[^]` matches anything, `[]` nothing; `\uXXXX` (including surrogate pairs) and `\u{…}` become `\x{…}`;
/// - a `[`, `&` or `--` inside a class is literal, as in ECMA (ICU would read set operations).
///
/// Unknown letter escapes (`\a`, `\e`, `\i`, …) are errors, as with the `u` flag. Gaps are listed in docs/json-schema.md.
struct ECMARegexTranslator {
    struct Failure: Error {
        let message: String
    }

    static let whitespace = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"
    static let word = "a-zA-Z0-9_"
    static let wordBoundary = "(?:(?<=[a-zA-Z0-9_])(?![a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?=[a-zA-Z0-9_]))"
    static let notWordBoundary = "(?:(?<=[a-zA-Z0-9_])(?=[a-zA-Z0-9_])|(?<![a-zA-Z0-9_])(?![a-zA-Z0-9_]))"

    private let s: [Unicode.Scalar]
    private var i = 0
    private var out = ""

    init(_ pattern: String) {
        s = Array(pattern.unicodeScalars)
    }

    static func translate(_ pattern: String) throws(Failure) -> String {
        var t = ECMARegexTranslator(pattern)
        try t.run()
        return t.out
    }

    private mutating func run() throws(Failure) {
        var depth = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                try escape(inClass: false)
            case "[":
                try characterClass()
            case ".":
                out += "[^\\n\\r\\x{2028}\\x{2029}]"
                i += 1
            case "$":
                out += "\\z"
                i += 1
            case "{":
                if let q = quantifierEnd(from: i) {
                    out += String(String.UnicodeScalarView(s[i..<q]))
                    i = q
                } else {
                    out += "\\{"
                    i += 1
                }
            case "}":
                out += "\\}"
                i += 1
            case "]":
                out += "\\]"
                i += 1
            case "(":
                // ECMA groups: (…), (?:…), (?=…), (?!…), (?<=…), (?<!…), (?<name>…); no inline flags or comments.
                if i + 1 < s.count, s[i + 1] == "?" {
                    let next = i + 2 < s.count ? s[i + 2] : " "
                    let ok = next == ":" || next == "=" || next == "!" || next == "<"
                    if !ok { throw Failure(message: "(?\(next) is not an ECMA-262 group") }
                }
                depth += 1
                out.unicodeScalars.append(c)
                i += 1
            case ")":
                depth -= 1
                if depth < 0 { throw Failure(message: "unmatched ')'") }
                out.unicodeScalars.append(c)
                i += 1
            default:
                out.unicodeScalars.append(c)
                i += 1
            }
        }
        if depth != 0 { throw Failure(message: "unterminated group") }
    }

    /// The end of a `{n}`, `{n,}` or `{n,m}` quantifier starting at `start`, or nil.
    private func quantifierEnd(from start: Int) -> Int? {
        var j = start + 1
        var digits = 0
        while j < s.count, s[j].properties.numericType != nil, s[j].isASCII { j += 1; digits += 1 }
        guard digits > 0, j < s.count else { return nil }
        if s[j] == "}" { return j + 1 }
        guard s[j] == "," else { return nil }
        j += 1
        while j < s.count, s[j].isASCII, s[j].properties.numericType != nil { j += 1 }
        guard j < s.count, s[j] == "}" else { return nil }
        return j + 1
    }

    private mutating func characterClass() throws(Failure) {
        i += 1
        var negated = false
        if i < s.count, s[i] == "^" {
            negated = true
            i += 1
        }
        if i < s.count, s[i] == "]" {
            // ECMA: `[]` matches nothing, `[^]` anything.
            out += negated ? "[\\x{0}-\\x{10FFFF}]" : "(?!)"
            i += 1
            return
        }
        out += negated ? "[^" : "["
        while i < s.count, s[i] != "]" {
            let c = s[i]
            switch c {
            case "\\":
                try escape(inClass: true)
            case "[", "&", "{", "}":
                out += "\\" + String(c)
                i += 1
            case "-" where i + 1 < s.count && s[i + 1] == "-":
                out += "\\-"
                i += 1
            default:
                out.unicodeScalars.append(c)
                i += 1
            }
        }
        guard i < s.count else { throw Failure(message: "unterminated character class") }
        out += "]"
        i += 1
    }

    private mutating func escape(inClass: Bool) throws(Failure) {
        i += 1
        guard i < s.count else { throw Failure(message: "\\ at end of pattern") }
        let c = s[i]
        i += 1
        switch c {
        case "d": out += inClass ? "0-9" : "[0-9]"
        case "D": out += inClass ? "[^0-9]" : "[^0-9]"
        case "w": out += inClass ? Self.word : "[\(Self.word)]"
        case "W": out += "[^\(Self.word)]"
        case "s": out += inClass ? Self.whitespace : "[\(Self.whitespace)]"
        case "S": out += "[^\(Self.whitespace)]"
        case "b": out += inClass ? "\\x{8}" : Self.wordBoundary
        case "B":
            if inClass { throw Failure(message: "\\B is not allowed in a character class") }
            out += Self.notWordBoundary
        case "t", "n", "r", "f", "v":
            let map: [Unicode.Scalar: String] = ["t": "\\t", "n": "\\n", "r": "\\r", "f": "\\f", "v": "\\x{0B}"]
            out += map[c]!
        case "0":
            if i < s.count, s[i].isASCII, s[i].properties.numericType != nil { throw Failure(message: "invalid octal escape") }
            out += "\\x{0}"
        case "1"..."9":
            if inClass { throw Failure(message: "invalid escape \\\(c) in a character class") }
            out += "\\" + String(c)
            while i < s.count, s[i].isASCII, s[i].properties.numericType != nil {
                out.unicodeScalars.append(s[i])
                i += 1
            }
        case "c":
            guard i < s.count, s[i].isASCII, s[i].properties.isAlphabetic else { throw Failure(message: "invalid control escape \\c") }
            out += "\\x{\(String(s[i].value % 32, radix: 16))}"
            i += 1
        case "x":
            guard let v = hex(count: 2) else { throw Failure(message: "invalid \\x escape") }
            out += "\\x{\(String(v, radix: 16))}"
        case "u":
            try unicodeEscape()
        case "p", "P":
            guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") else { throw Failure(message: "invalid \\\(c) escape") }
            out += "\\" + String(c) + String(String.UnicodeScalarView(s[i...close]))
            i = close + 1
        case "k":
            guard i < s.count, s[i] == "<", let close = s[i...].firstIndex(of: ">") else { throw Failure(message: "invalid \\k escape") }
            out += "\\k" + String(String.UnicodeScalarView(s[i...close]))
            i = close + 1
        default:
            if c.properties.isAlphabetic || (c.isASCII && c.properties.numericType != nil) {
                throw Failure(message: "\\\(c) is not a valid escape in an ECMA-262 regular expression")
            }
            out += "\\" + String(c)
        }
    }

    private mutating func unicodeEscape() throws(Failure) {
        if i < s.count, s[i] == "{" {
            guard let close = s[i...].firstIndex(of: "}"), close > i + 1,
                let v = UInt32(String(String.UnicodeScalarView(s[(i + 1)..<close])), radix: 16), v <= 0x10FFFF
            else { throw Failure(message: "invalid \\u{…} escape") }
            out += "\\x{\(String(v, radix: 16))}"
            i = close + 1
            return
        }
        guard let high = hex(count: 4) else { throw Failure(message: "invalid \\u escape") }
        // A surrogate pair written as two escapes is one code point.
        if (0xD800...0xDBFF).contains(high), i + 1 < s.count, s[i] == "\\", s[i + 1] == "u" {
            let save = i
            i += 2
            if let low = hex(count: 4), (0xDC00...0xDFFF).contains(low) {
                let v = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                out += "\\x{\(String(v, radix: 16))}"
                return
            }
            i = save
        }
        out += "\\x{\(String(high, radix: 16))}"
    }

    private mutating func hex(count: Int) -> UInt32? {
        guard i + count <= s.count else { return nil }
        var v: UInt32 = 0
        for j in i..<(i + count) {
            guard s[j].isASCII, let d = UInt32(String(s[j]), radix: 16) else { return nil }
            v = v * 16 + d
        }
        i += count
        return v
    }
}
