import DistlangCore

/// Resolves plain YAML scalars with the YAML 1.2 core schema, stricter where YAML 1.1 readers disagree:
/// `yes/no/on/off/y/n` and `0123` stay strings, there are no implicit dates, and `.inf`/`.nan` are
/// rejected because JSON cannot hold them.
enum ScalarResolution {
    case value(Value)
    /// The scalar is well-formed YAML but has no JSON value; the message says why.
    case invalid(code: String, message: String, hint: String)
}

enum ScalarResolver {
    /// Resolves an untagged plain scalar.
    static func resolvePlain(_ s: String) -> ScalarResolution {
        guard let first = s.utf8.first else { return .value(.null) }
        // Quick exit: most scalars start with a letter that cannot begin null/bool/number.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            if s == "null" || s == "Null" || s == "NULL" || s == "~" { return .value(.null) }
            return .value(.string(s))
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if s == "true" || s == "True" || s == "TRUE" { return .value(.bool(true)) }
            return .value(.string(s))
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if s == "false" || s == "False" || s == "FALSE" { return .value(.bool(false)) }
            return .value(.string(s))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumber(s)
        default:
            return .value(.string(s))
        }
    }

    /// Numbers: decimal integers without leading zeros, `0x…`, `0o…`, floats with an optional exponent.
    static func resolveNumber(_ s: String) -> ScalarResolution {
        let u = Array(s.utf8)
        var i = 0
        var negative = false
        if u[0] == UInt8(ascii: "-") || u[0] == UInt8(ascii: "+") {
            negative = u[0] == UInt8(ascii: "-")
            i = 1
        }
        let body = u[i...]
        if body.isEmpty { return .value(.string(s)) }
        let bodyString = String(decoding: body, as: UTF8.self)
        if bodyString == ".inf" || bodyString == ".Inf" || bodyString == ".INF" {
            return .invalid(
                code: "yaml.non-finite-number", message: "\(s) (infinity) has no JSON equivalent",
                hint: "quote it (\"\(s)\") to keep it as a string, or use a large finite number")
        }
        if i == 0, s == ".nan" || s == ".NaN" || s == ".NAN" {
            return .invalid(
                code: "yaml.non-finite-number", message: "\(s) (not a number) has no JSON equivalent",
                hint: "quote it (\"\(s)\") to keep it as a string")
        }
        if i == 0, body.count > 2, body[body.startIndex] == UInt8(ascii: "0") {
            let marker = body[body.startIndex + 1]
            let digits = body[(body.startIndex + 2)...]
            if marker == UInt8(ascii: "x"), digits.allSatisfy(isHexDigit) {
                return integer(digits, radix: 16, original: s)
            }
            if marker == UInt8(ascii: "o"), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) {
                return integer(digits, radix: 8, original: s)
            }
        }
        // Decimal integer: 0 or [1-9][0-9]*.
        if body.allSatisfy(isDigit) {
            if body.count > 1 && body.first == UInt8(ascii: "0") { return .value(.string(s)) }
            return integer(u[...], radix: 10, original: s, allowSign: true, negative: negative)
        }
        if isFloat(body) {
            guard let d = Double(s), d.isFinite else {
                return .invalid(
                    code: "yaml.number-out-of-range", message: "\(s) is too large for a 64-bit floating-point number",
                    hint: "quote it to keep it as a string")
            }
            return .value(.number(d))
        }
        return .value(.string(s))
    }

    /// `(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?` or `\.[0-9]+(...)`, with at least a fraction or an exponent.
    private static func isFloat(_ b: ArraySlice<UInt8>) -> Bool {
        var i = b.startIndex
        let end = b.endIndex
        var intDigits = 0
        let intStart = i
        while i < end, isDigit(b[i]) { i += 1; intDigits += 1 }
        if intDigits > 1 && b[intStart] == UInt8(ascii: "0") { return false }
        var hasFraction = false
        var fracDigits = 0
        if i < end, b[i] == UInt8(ascii: ".") {
            hasFraction = true
            i += 1
            while i < end, isDigit(b[i]) { i += 1; fracDigits += 1 }
        }
        if intDigits == 0 && fracDigits == 0 { return false }
        var hasExponent = false
        if i < end, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            var expDigits = 0
            while i < end, isDigit(b[i]) { i += 1; expDigits += 1 }
            if expDigits == 0 { return false }
            hasExponent = true
        }
        return i == end && (hasFraction || hasExponent)
    }

    private static func integer(
        _ digits: ArraySlice<UInt8>, radix: Int, original: String, allowSign: Bool = false, negative: Bool = false
    ) -> ScalarResolution {
        let text = String(decoding: digits, as: UTF8.self)
        if let v = Int64(text, radix: radix) { return .value(.integer(v)) }
        return .invalid(
            code: "input.integer-overflow",
            message: "the integer \(original) does not fit in 64 bits",
            hint: "quote it (\"\(original)\") to keep it as a string")
    }

    /// An integer literal too large for 64 bits (`18446744073709551615`, `-0x1_…`), as the nearest double.
    static func bigInteger(_ s: String) -> Value? {
        var text = Substring(s)
        var sign = 1.0
        if let f = text.first, f == "-" || f == "+" {
            sign = f == "-" ? -1 : 1
            text = text.dropFirst()
        }
        var radix = 10.0
        if text.hasPrefix("0x") || text.hasPrefix("0o") {
            radix = text.hasPrefix("0x") ? 16 : 8
            text = text.dropFirst(2)
        }
        var d = 0.0
        for c in text {
            guard let digit = c.hexDigitValue, Double(digit) < radix else { return nil }
            d = d * radix + Double(digit)
        }
        return text.isEmpty || !d.isFinite ? nil : .number(sign * d)
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
}
