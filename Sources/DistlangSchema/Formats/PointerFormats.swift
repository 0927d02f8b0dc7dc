/// `json-pointer` (RFC 6901) and `relative-json-pointer` (draft-handrews-relative-json-pointer-01).
enum PointerFormats {
    /// Empty, or `/`-separated tokens where `~` is only ever `~0` or `~1`.
    static func isJSONPointer(_ s: String) -> Bool {
        let u = Array(s.utf8)
        if u.isEmpty { return true }
        guard u[0] == UInt8(ascii: "/") else { return false }
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "~") {
                guard i + 1 < u.count, u[i + 1] == UInt8(ascii: "0") || u[i + 1] == UInt8(ascii: "1") else { return false }
                i += 2
            } else {
                i += 1
            }
        }
        return true
    }

    /// A non-negative integer without leading zeros, an optional index adjustment (`+n`/`-n`),
    /// then `#` or a JSON pointer.
    static func isRelativeJSONPointer(_ s: String) -> Bool {
        let u = Array(s.utf8)
        var i = 0
        while i < u.count, u[i] >= 0x30 && u[i] <= 0x39 { i += 1 }
        guard i > 0, !(i > 1 && u[0] == UInt8(ascii: "0")) else { return false }
        if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") {
            let start = i + 1
            var j = start
            while j < u.count, u[j] >= 0x30 && u[j] <= 0x39 { j += 1 }
            guard j > start, !(j - start > 1 && u[start] == UInt8(ascii: "0")) else { return false }
            i = j
        }
        if i == u.count { return true }
        if u[i] == UInt8(ascii: "#") { return i == u.count - 1 }
        return isJSONPointer(String(decoding: u[i...], as: UTF8.self))
    }
}
