/// Escapes text for the inside of an HCL quoted string or template.
///
/// The rules are those of HCL's own writer (`hclwrite`): `\\`, `\"`, `\n`, `\r`, `\t`; `${` as
/// `$${` and `%{` as `%%{` so literal text never starts an interpolation or a directive; every
/// character that Go does not call printable (controls, U+2028/U+2029, U+FEFF, other spaces and
/// format characters) as `\uNNNN` or `\UNNNNNNNN` (lowercase hex). Everything else is kept as is.
enum HCLEscaper {
    /// The escaped text, without the surrounding quotes.
    ///
    /// With `asciiOnly`, every non-ASCII character is escaped too; object keys use it so that a
    /// key's width, which `terraform fmt` measures to align `=`, never depends on Unicode tables.
    static func literal(_ text: String, asciiOnly: Bool = false) -> String {
        if isPlain(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "$", "%":
                out.unicodeScalars.append(scalar)
                if i + 1 < scalars.count, scalars[i + 1] == "{" { out.unicodeScalars.append(scalar) }
            default:
                if !UnicodeText.isGoPrintable(scalar) || (asciiOnly && !scalar.isASCII) {
                    out += scalar.value < 0x10000
                        ? "\\u" + UnicodeText.hex(scalar.value, width: 4, uppercase: false)
                        : "\\U" + UnicodeText.hex(scalar.value, width: 8, uppercase: false)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Whether the text needs no escape at all: printable ASCII (which Go calls printable) without
    /// `"`, `\\`, and no `${` or `%{`. Most strings in a build are, and are kept without copying.
    @inline(__always)
    static func isPlain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            guard b >= 0x20, b <= 0x7E, b != 0x22, b != 0x5C else { return false }
            if b == 0x7B, previous == 0x24 || previous == 0x25 { return false }   // `${`, `%{`
            previous = b
        }
        return true
    }

    /// A complete quoted string literal.
    static func quoted(_ text: String, asciiOnly: Bool = false) -> String {
        "\"" + literal(text, asciiOnly: asciiOnly) + "\""
    }

    /// Words that must not be written as bare object keys: a bare `for` opens a `for` expression,
    /// and the literal keywords would read as values rather than names.
    static let reservedKeys: Set<String> = ["for", "in", "if", "true", "false", "null"]

    /// An object key: bare when it is an identifier and not reserved, quoted otherwise.
    static func objectKey(_ key: String) -> String {
        HCLIdentifier.isValid(key) && !reservedKeys.contains(key) ? key : quoted(key, asciiOnly: true)
    }
}
