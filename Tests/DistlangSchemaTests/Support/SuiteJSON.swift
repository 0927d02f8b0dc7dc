import DistlangCore

/// A small strict JSON parser for the test suite's files: the loader's jansson rejects `\u0000` in
/// strings, which the suite uses, and big integers become doubles here rather than errors.
struct SuiteJSON {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let u: [UInt8]
    private var i = 0

    static func parse(_ text: String) throws -> Value {
        var p = SuiteJSON(u: Array(text.utf8))
        p.skip()
        let v = try p.value()
        p.skip()
        guard p.i == p.u.count else { throw Failure(description: "trailing text at \(p.i)") }
        return v
    }

    private init(u: [UInt8]) { self.u = u }

    private mutating func skip() {
        while i < u.count, [0x20, 0x0A, 0x0D, 0x09].contains(u[i]) { i += 1 }
    }

    private mutating func value() throws -> Value {
        guard i < u.count else { throw Failure(description: "unexpected end") }
        switch u[i] {
        case UInt8(ascii: "{"):
            i += 1
            var o = JSONObject()
            skip()
            if u[i] == UInt8(ascii: "}") { i += 1; return .object(o) }
            while true {
                skip()
                let k = try string()
                skip()
                try expect(":")
                skip()
                o[k] = try value()
                skip()
                if u[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect("}")
                return .object(o)
            }
        case UInt8(ascii: "["):
            i += 1
            var a: [Value] = []
            skip()
            if u[i] == UInt8(ascii: "]") { i += 1; return .array(a) }
            while true {
                skip()
                a.append(try value())
                skip()
                if u[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect("]")
                return .array(a)
            }
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default:
            return try number()
        }
    }

    private mutating func expect(_ c: Character) throws {
        guard i < u.count, u[i] == c.asciiValue! else { throw Failure(description: "expected \(c) at \(i)") }
        i += 1
    }

    private mutating func literal(_ word: String) throws {
        for c in word.utf8 {
            guard i < u.count, u[i] == c else { throw Failure(description: "bad literal at \(i)") }
            i += 1
        }
    }

    private mutating func number() throws -> Value {
        let start = i
        var isFloat = false
        while i < u.count, "+-0123456789.eE".utf8.contains(u[i]) {
            if "eE.".utf8.contains(u[i]) { isFloat = true }
            i += 1
        }
        let text = String(decoding: u[start..<i], as: UTF8.self)
        if !isFloat, let n = Int64(text) { return .integer(n) }
        guard let d = Double(text) else { throw Failure(description: "bad number \(text)") }
        return .number(d)
    }

    private mutating func string() throws -> String {
        try expect("\"")
        var bytes: [UInt8] = []
        while i < u.count, u[i] != UInt8(ascii: "\"") {
            if u[i] == UInt8(ascii: "\\") {
                i += 1
                let e = u[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "u"):
                    var v = try hex4()
                    if (0xD800...0xDBFF).contains(v), i + 1 < u.count, u[i] == UInt8(ascii: "\\"), u[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                    }
                    let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
                    bytes += Array(String(scalar).utf8)
                default: bytes.append(e)
                }
            } else {
                bytes.append(u[i])
                i += 1
            }
        }
        try expect("\"")
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= u.count, let v = UInt32(String(decoding: u[i..<(i + 4)], as: UTF8.self), radix: 16) else {
            throw Failure(description: "bad \\u escape")
        }
        i += 4
        return v
    }
}
