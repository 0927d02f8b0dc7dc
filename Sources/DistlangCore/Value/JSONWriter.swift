/// Writes a `Value` as JSON text, deterministically.
///
/// Keys keep their document order unless `sortKeys` is set. Strings escape `"`, `\`, control
/// characters and U+2028/U+2029; everything else is written as UTF-8.
public struct JSONWriter: Sendable {
    public var indent: Int
    public var sortKeys: Bool

    /// `indent` 0 writes compact JSON on one line.
    public init(indent: Int = 2, sortKeys: Bool = false) {
        self.indent = indent
        self.sortKeys = sortKeys
    }

    public func string(_ value: Value) -> String {
        var out = ""
        write(value, level: 0, into: &out)
        return out
    }

    private func newline(_ level: Int, into out: inout String) {
        guard indent > 0 else { return }
        out.append("\n")
        out.append(String(repeating: " ", count: indent * level))
    }

    private func write(_ value: Value, level: Int, into out: inout String) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .integer(let i): out.append(String(i))
        case .number(let d): out.append(Self.format(d))
        case .string(let s): Self.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                newline(level + 1, into: &out)
                write(item, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out.append("]")
        case .object(let o):
            if o.isEmpty { out.append("{}"); return }
            out.append("{")
            var pairs = Array(o.entries)
            if sortKeys { pairs.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) } }
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out.append(",") }
                newline(level + 1, into: &out)
                Self.quote(k, into: &out)
                out.append(indent > 0 ? ": " : ":")
                write(v, level: level + 1, into: &out)
            }
            newline(level, into: &out)
            out.append("}")
        }
    }

    /// A double as the shortest text that reads back as the same double; integral values keep `.0`.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return d.description
    }

    /// Appends `s` as a JSON string literal.
    public static func quote(_ s: String, into out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            case "\u{2028}": out.append("\\u2028")
            case "\u{2029}": out.append("\\u2029")
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
    }

    public static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }
}
