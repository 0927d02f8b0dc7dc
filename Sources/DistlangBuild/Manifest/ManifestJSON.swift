import DistlangCore
import Foundation

/// The manifest's canonical JSON, written straight into one byte buffer: the same bytes as
/// `CanonicalJSON.encode` (jansson 2.14 with sorted keys, a two-space indent, unescaped UTF-8, reals
/// with 17 significant digits, and a final newline), which `ManifestJSONTests` checks on random
/// values and real manifests.
///
/// A 10,000-function build has a manifest of some 200 MB: building jansson's tree of millions of
/// nodes, dumping it and copying the text three times took seconds; this writes it once.
enum ManifestJSON {
    static func encode(_ value: Value) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(value, depth: 0, into: &out)
        out.append(0x0A)
        return out
    }

    private static func newline(_ depth: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    private static func write(_ value: Value, depth: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .integer(let i): out += String(i).utf8
        case .number(let d): out += real(d).utf8
        case .string(let s): string(s, into: &out)
        case .array(let items):
            container("[", "]", count: items.count, depth: depth, into: &out) { i, out in
                write(items[i], depth: depth + 1, into: &out)
            }
        case .object(let o):
            // jansson sorts keys by their bytes (memcmp, then the shorter first).
            let order = o.keys.indices.sorted { o.keys[$0].utf8.lexicographicallyPrecedes(o.keys[$1].utf8) }
            container("{", "}", count: order.count, depth: depth, into: &out) { n, out in
                string(o.keys[order[n]], into: &out)
                out += ": ".utf8
                write(o.values[order[n]], depth: depth + 1, into: &out)
            }
        }
    }

    /// An array or object as jansson indents it: empty as `[]`/`{}`, otherwise each element on a
    /// line of its own one level deeper, commas after all but the last.
    private static func container(
        _ open: Unicode.Scalar, _ close: Unicode.Scalar, count: Int, depth: Int, into out: inout [UInt8],
        element: (Int, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: open))
        if count > 0 {
            newline(depth + 1, into: &out)
            for i in 0..<count {
                element(i, &out)
                if i < count - 1 {
                    out.append(UInt8(ascii: ","))
                    newline(depth + 1, into: &out)
                } else {
                    newline(depth, into: &out)
                }
            }
        }
        out.append(UInt8(ascii: close))
    }

    /// jansson's string escapes: `\\`, `\"`, `\b \f \n \r \t`, other characters below U+0020 as
    /// `\u00XX` (uppercase hex); everything else as UTF-8, `/` and DEL included.
    private static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape are copied whole.
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                escape(b, into: &out)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        if copied == nil {
            for b in s.utf8 { escape(b, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    @inline(__always)
    private static func escape(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\\"): out += #"\\"#.utf8
        case UInt8(ascii: "\""): out += #"\""#.utf8
        case 0x08: out += #"\b"#.utf8
        case 0x0C: out += #"\f"#.utf8
        case 0x0A: out += #"\n"#.utf8
        case 0x0D: out += #"\r"#.utf8
        case 0x09: out += #"\t"#.utf8
        case 0..<0x20:
            out += #"\u00"#.utf8
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0xF)])
        default: out.append(b)
        }
    }

    /// jansson's real: `%.17g`, `.0` added when there is neither `.` nor `e`, and the exponent
    /// without `+` or leading zeros (`1e+20` -> `1e20`, `1e-05` -> `1e-5`). Non-finite: `null`.
    static func real(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        var text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> String in
            _ = withVaList([d]) { vsnprintf(buffer.baseAddress!, 64, "%.17g", $0) }
            return String(cString: buffer.baseAddress!)
        }
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        guard let e = text.firstIndex(of: "e") else { return text }
        var exponent = text[text.index(after: e)...]
        var sign = ""
        if exponent.first == "-" {
            sign = "-"
            exponent = exponent.dropFirst()
        } else if exponent.first == "+" {
            exponent = exponent.dropFirst()
        }
        let digits = exponent.drop { $0 == "0" }
        return String(text[...e]) + sign + digits
    }
}
