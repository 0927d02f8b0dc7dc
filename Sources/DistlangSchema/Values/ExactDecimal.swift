import DistlangCore

/// A number as the exact decimal its shortest representation writes (`0.0001` is 1 × 10⁻⁴, not
/// the binary double nearest to it), for `multipleOf` without floating-point error:
/// 0.0075 is a multiple of 0.0001, and 1e308 of 0.5.
struct ExactDecimal {
    /// The keyword value as written.
    let value: Value
    /// Significant decimal digits, without leading or trailing zeros ("75" for 0.0075).
    let digits: [UInt8]
    /// Power of ten of the last digit (-4 for 0.0075).
    let exponent: Int
    let isZero: Bool

    init?(_ value: Value) {
        self.value = value
        let text: String
        switch value {
        case .integer(let i): text = String(i.magnitude)
        case .number(let d):
            guard d.isFinite else { return nil }
            text = "\(d.magnitude)"
        default: return nil
        }
        guard let (digits, exponent) = Self.parse(text) else { return nil }
        self.digits = digits
        self.exponent = exponent
        isZero = digits.isEmpty
    }

    /// Splits "1.25e-7" / "0.0075" / "300" into significant digits and the exponent of the last one.
    static func parse(_ text: String) -> ([UInt8], Int)? {
        var mantissa: [UInt8] = []
        var exponent = 0
        var afterPoint = false
        var chars = Array(text.utf8)[...]
        if let e = chars.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard let x = Int(String(decoding: chars[(e + 1)...], as: UTF8.self)) else { return nil }
            exponent = x
            chars = chars[..<e]
        }
        for c in chars {
            if c == UInt8(ascii: ".") {
                afterPoint = true
            } else if c >= 0x30 && c <= 0x39 {
                mantissa.append(c - 0x30)
                if afterPoint { exponent -= 1 }
            } else {
                return nil
            }
        }
        while let f = mantissa.first, f == 0 { mantissa.removeFirst() }
        while let l = mantissa.last, l == 0 {
            mantissa.removeLast()
            exponent += 1
        }
        return (mantissa, exponent)
    }

    /// Whether `v` (a number) is an integer multiple of this decimal.
    func divides(_ v: Value) -> Bool {
        if case .integer(let a) = v, case .integer(let b) = value, b != 0 {
            return b == -1 || b == 1 || a % b == 0
        }
        guard let a = ExactDecimal(v) else { return true }
        if a.isZero { return true }
        if isZero { return false }
        // a = A × 10^ea, b = B × 10^eb. With e = min(ea, eb): a/b integral ⇔ (A·10^(ea-e)) mod (B·10^(eb-e)) == 0.
        // B·10^k divides N ⇔ 10^k divides N and B divides N / 10^k.
        let e = min(a.exponent, exponent)
        let zerosOfN = a.exponent - e
        let k = exponent - e
        // N = A followed by zerosOfN zeros; A has no trailing zeros, so N has exactly zerosOfN trailing zeros.
        if k > zerosOfN { return false }
        // N / 10^k = A followed by (zerosOfN - k) zeros; take it modulo B (at most 19 digits).
        var b: UInt64 = 0
        for d in digits { b = b &* 10 &+ UInt64(d) }
        var r: UInt64 = 0
        for d in a.digits { r = Self.step(r, UInt64(d), b) }
        var z = zerosOfN - k
        while z > 0 && r != 0 {
            r = Self.step(r, 0, b)
            z -= 1
        }
        return r == 0
    }

    /// (r × 10 + d) mod b without overflow.
    private static func step(_ r: UInt64, _ d: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = r.multipliedFullWidth(by: 10)
        let (sum, carry) = low.addingReportingOverflow(d)
        return b.dividingFullWidth((high + (carry ? 1 : 0), sum)).remainder
    }
}
