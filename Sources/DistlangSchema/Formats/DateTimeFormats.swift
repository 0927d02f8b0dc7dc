/// RFC 3339 `date-time`, `full-date`, `full-time` and the ISO 8601 `duration` of its appendix A.
enum DateTimeFormats {
    /// `2024-02-29T12:00:00Z`, `…T23:59:60+00:00` (a leap second only at 23:59:60 UTC).
    static func isDateTime(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let t = u.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: "t") }) else { return false }
        return isDate(u[..<t]) && isTime(u[(t + 1)...])
    }

    static func isDate(_ s: String) -> Bool { isDate(Array(s.utf8)[...]) }

    static func isTime(_ s: String) -> Bool { isTime(Array(s.utf8)[...]) }

    private static func digits(_ u: ArraySlice<UInt8>, _ from: Int, _ count: Int) -> Int? {
        guard from + count <= u.endIndex else { return nil }
        var v = 0
        for i in from..<(from + count) {
            let c = u[i]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    static func isDate(_ u: ArraySlice<UInt8>) -> Bool {
        let b = u.startIndex
        guard u.count == 10, u[b + 4] == UInt8(ascii: "-"), u[b + 7] == UInt8(ascii: "-"),
            let year = digits(u, b, 4), let month = digits(u, b + 5, 2), let day = digits(u, b + 8, 2)
        else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`.
    static func isTime(_ u: ArraySlice<UInt8>) -> Bool {
        let b = u.startIndex
        guard u.count >= 9, u[b + 2] == UInt8(ascii: ":"), u[b + 5] == UInt8(ascii: ":"),
            let hour = digits(u, b, 2), let minute = digits(u, b + 3, 2), let second = digits(u, b + 6, 2)
        else { return false }
        var i = b + 8
        if i < u.endIndex, u[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < u.endIndex, u[i] >= 0x30 && u[i] <= 0x39 { i += 1 }
            if i == start { return false }
        }
        guard i < u.endIndex else { return false }
        var offsetMinutes = 0
        switch u[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == u.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard i + 6 == u.endIndex, u[i + 3] == UInt8(ascii: ":"), let oh = digits(u, i + 1, 2), let om = digits(u, i + 4, 2),
                oh <= 23, om <= 59
            else { return false }
            offsetMinutes = (oh * 60 + om) * (u[i] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        if second == 60 {
            // A leap second is 23:59:60 in UTC.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// ISO 8601 duration as RFC 3339 appendix A writes it: `P1Y2M3DT4H5M6S`, `P4W`, `PT0S`.
    static func isDuration(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.first == UInt8(ascii: "P"), u.count > 1 else { return false }
        var i = 1
        func units(_ allowed: [UInt8]) -> [UInt8]? {
            var seen: [UInt8] = []
            var order = 0
            while i < u.count, u[i] != UInt8(ascii: "T") {
                let start = i
                while i < u.count, u[i] >= 0x30 && u[i] <= 0x39 { i += 1 }
                // Units come in order without gaps: P1Y2D lacks the month, PT1H2S the minute.
                guard i > start, i < u.count, let pos = allowed.firstIndex(of: u[i]), pos >= order,
                    seen.isEmpty || pos == order
                else { return nil }
                order = pos + 1
                seen.append(u[i])
                i += 1
            }
            return seen
        }
        guard let dateUnits = units(Array("YMDW".utf8)) else { return false }
        if dateUnits.contains(UInt8(ascii: "W")) && (dateUnits.count > 1 || i < u.count) { return false }
        if i == u.count { return !dateUnits.isEmpty }
        i += 1  // T
        guard let timeUnits = units(Array("HMS".utf8)), i == u.count else { return false }
        return !timeUnits.isEmpty
    }
}
