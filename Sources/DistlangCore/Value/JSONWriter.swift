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
        StageTimings.render {
            var out = ""
            write(value, level: 0, into: &out)
            return out
        }
    }

    private func newline(_ level: Int, into out: inout String) {
        guard indent > 0 else { return }
        out.append("\n")
        out.append(Indentation.spaces(indent * level))
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
            if sortKeys {
                var pairs = Array(o.entries)
                pairs.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
                for (i, (k, v)) in pairs.enumerated() { member(i, k, v, level: level, into: &out) }
            } else {
                for (i, (k, v)) in o.entries.enumerated() { member(i, k, v, level: level, into: &out) }
            }
            newline(level, into: &out)
            out.append("}")
        }
    }

    private func member(_ i: Int, _ key: String, _ value: Value, level: Int, into out: inout String) {
        if i > 0 { out.append(",") }
        newline(level + 1, into: &out)
        Self.quote(key, into: &out)
        out.append(indent > 0 ? ": " : ":")
        write(value, level: level + 1, into: &out)
    }

    /// A double as the shortest text that reads back as the same double; integral values keep `.0`.
    public static func format(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return d.description
    }

    /// Appends `s` as a JSON string literal.
    public static func quote(_ s: String, into out: inout String) {
        out.append("\"")
        if !needsEscapes(s) {
            out.append(s)
            out.append("\"")
            return
        }
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

    /// Whether `s` may need an escape: a control character, `"`, `\\`, DEL, or a byte that may
    /// start U+2028/U+2029 (0xE2 starts every character from U+2000 to U+2FFF). Most strings are
    /// copied as they are.
    @inline(__always)
    static func needsEscapes(_ s: String) -> Bool {
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2 { return true }
        return false
    }

    public static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }
}
