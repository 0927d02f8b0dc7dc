import TestSupport

/// Strings that break naive escaping, for every format's round-trip tests.
enum HardStrings {
    /// Hand-picked cases: quoting and escaping hazards of HCL, TOML, YAML and JSON, and strings
    /// that YAML 1.1 or 1.2 would read as something other than a string if written plain.
    static let fixed: [String] = [
        "", " ", "  ", "plain", "with space", " leading", "trailing ", "\t", "tab\there",
        "\"", "\\", "\\\"", "'", "''", "'''", "\"\"\"", "a'b", "a\"b", "\\n", "\\u0041",
        "\n", "\r", "\r\n", "line1\nline2", "ends with newline\n", "\n\nx",
        "${", "${var.x}", "$${", "$${x}", "$$${x}", "%{", "%{if true}x%{endif}", "%%{", "$", "%", "$$", "a$", "{", "}",
        "\"\n}\nresource \"evil\" \"x\" {\n", "x\" \n evil = \"y", "\"}\n[[evil]]\nx = \"", "]]", "[[a]]", "[a]",
        "#", "# comment", "a # b", "a#b", "a: b", "a:", ":", "key: value", "- item", "-", "--", "---", "...",
        "?", "? x", "!", "!tag", "&anchor", "*alias", "|", ">", "%TAG", "@", "`", ",", "[", "]", "{}", "[]",
        "yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "y", "n", "Y", "N", "true", "false", "True", "FALSE",
        "null", "Null", "NULL", "~", "0", "1", "-1", "+1", "007", "0x1F", "0X1f", "0o17", "0b101", "1_000",
        "1e3", "1E3", "1.5", "-1.5", "+.5", ".5", "5.", "1e+3", "6.8523015e+5", ".inf", "-.inf", ".Inf", ".NaN",
        ".nan", "inf", "nan", "2010-09-09", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
        "12:30", "1:20", "190:20:30", "2.0", "1.2.3", "=", "<<", "<<: *x", "0.", "00", "1,000",
        "\u{2028}", "\u{2029}", "a\u{2028}b", "\u{85}", "\u{FEFF}", "\u{FEFF}bom", "\u{A0}", "nbsp\u{A0}",
        "\u{0}", "\u{1}", "\u{7}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}[31m", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}",
        "\u{200B}", "\u{200D}", "\u{202E}rtl", "\u{E000}", "\u{FFFE}", "\u{FFFF}", "\u{10FFFF}", "\u{F0000}",
        "é", "e\u{301}", "日本語", "क्ष", "😀", "👨‍👩‍👧", "🇫🇷", "a😀b", "Ω≈ç√",
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", "AWS::Lambda::Function",
        "${AWS::Region}", "cron(0 3 * * ? *)", "0 3 * * *", "*/15 * * * *", "2012-10-17", "nodejs22.x",
    ]

    /// Pieces that random strings are made of.
    private static let pieces: [String] = [
        "a", "Z", "0", "9", "_", "-", ".", " ", "  ", "\t", "\n", "\r", "\r\n", "\"", "'", "'''", "\\", "$", "%",
        "{", "}", "${", "%{", "$${", "}}", "[", "]", "]]", "[[", "#", ":", ": ", " #", ",", "=", "?", "!", "&", "*",
        "|", ">", "@", "`", "~", "+", "/", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{7F}",
        "\u{85}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{200D}", "\u{FFFE}", "é", "e\u{301}",
        "ß", "日", "क्ष", "😀", "👨‍👩‍👧", "\u{10FFFF}", "yes", "null", "1e3", "0x", "true", "inf",
    ]

    /// A random string of up to `maxPieces` pieces.
    static func random(using rng: inout SeededRandom, maxPieces: Int = 8) -> String {
        let count = Int.random(in: 0...maxPieces, using: &rng)
        return (0..<count).map { _ in rng.pick(pieces) }.joined()
    }

    /// The fixed cases followed by `randomCount` random strings.
    static func corpus(seed: UInt64, randomCount: Int) -> [String] {
        var rng = SeededRandom(seed: seed)
        return fixed + (0..<randomCount).map { _ in random(using: &rng) }
    }
}

extension String {
    /// Exact equality: same Unicode scalars (Swift's `==` treats canonically equivalent strings as equal).
    func isIdentical(to other: String) -> Bool { unicodeScalars.elementsEqual(other.unicodeScalars) }
}
