/// TOML 1.0 scalars and keys.
enum TOMLEscaper {
    /// A basic string: `\"`, `\\`, `\b \t \n \f \r`, every other control character (C0, DEL,
    /// C1) as `\uXXXX`; all other Unicode as is.
    static func basicString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{8}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                if UnicodeText.isControl(scalar) {
                    out += "\\u" + UnicodeText.hex(scalar.value, width: 4, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A key: bare when it matches `[A-Za-z0-9_-]+`, a basic string otherwise.
    static func key(_ key: String) -> String {
        let bare = !key.isEmpty && key.utf8.allSatisfy { b in
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
        return bare ? key : basicString(key)
    }

    /// A float as TOML reads it back: the shortest round-tripping form; `inf`, `-inf`, `nan`.
    static func float(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }
}
