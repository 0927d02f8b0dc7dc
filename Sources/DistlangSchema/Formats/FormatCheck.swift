/// An asserted `format`: its name and a hand-written validator (RFC 3339, 1123, 5321, 3986, 4291,
/// 4122, 6901 and the relative JSON pointer draft). Formats the engine does not know stay annotations.
struct FormatCheck: Sendable {
    let name: String
    let check: @Sendable (String) -> Bool

    static func named(_ name: String) -> FormatCheck? {
        guard let f = table[name] else { return nil }
        return FormatCheck(name: name, check: f)
    }

    /// The formats `--assert-formats` asserts.
    static let table: [String: @Sendable (String) -> Bool] = [
        "date-time": { DateTimeFormats.isDateTime($0) },
        "date": { DateTimeFormats.isDate($0) },
        "time": { DateTimeFormats.isTime($0) },
        "duration": { DateTimeFormats.isDuration($0) },
        "email": { NetworkFormats.isEmail($0) },
        "hostname": { NetworkFormats.isHostname($0) },
        "ipv4": { NetworkFormats.isIPv4($0) },
        "ipv6": { NetworkFormats.isIPv6($0) },
        "uri": { URIFormats.isURI($0) },
        "uri-reference": { URIFormats.isURIReference($0) },
        "uuid": { isUUID($0) },
        "regex": { isRegex($0) },
        "json-pointer": { PointerFormats.isJSONPointer($0) },
        "relative-json-pointer": { PointerFormats.isRelativeJSONPointer($0) },
    ]

    /// RFC 4122: 8-4-4-4-12 hexadecimal digits.
    static func isUUID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 36 else { return false }
        for (i, c) in u.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else if URIReference.hexValue(c) == nil {
                return false
            }
        }
        return true
    }

    /// An ECMA-262 regular expression the engine can compile.
    static func isRegex(_ s: String) -> Bool {
        (try? CompiledPattern(s)) != nil
    }
}
