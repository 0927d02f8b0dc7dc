import DistlangCore

/// Exact comparison of JSON numbers, whether integers or doubles (no rounding of large integers).
enum NumberCompare {
    /// -1, 0 or 1 as `a` is less than, equal to or greater than `b`; nil unless both are numbers.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.integer(let x), .number(let y)): return compare(x, y)
        case (.number(let x), .integer(let y)): return -compare(y, x)
        default: return nil
        }
    }

    /// Compares an Int64 with a Double exactly.
    static func compare(_ i: Int64, _ d: Double) -> Int {
        if d.isNaN { return 0 }
        if d >= 9_223_372_036_854_775_808.0 { return -1 }
        if d < -9_223_372_036_854_775_808.0 { return 1 }
        let t = d.rounded(.towardZero)
        let ti = Int64(t)
        if i < ti { return -1 }
        if i > ti { return 1 }
        let frac = d - t
        return frac > 0 ? -1 : (frac < 0 ? 1 : 0)
    }
}
