/// `uri` and `uri-reference`, by the RFC 3986 grammar (ASCII only: an IRI is not a URI).
enum URIFormats {
    static func isURI(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")), isScheme(u[..<colon]) else { return false }
        return isRelativeOrHier(u[(colon + 1)...], noScheme: false)
    }

    static func isURIReference(_ s: String) -> Bool {
        if isURI(s) { return true }
        return isRelativeOrHier(Array(s.utf8)[...], noScheme: true)
    }

    private static func isScheme(_ p: ArraySlice<UInt8>) -> Bool {
        guard let f = p.first, isAlpha(f) else { return false }
        return p.allSatisfy { isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    /// hier-part (after `scheme:`) or relative-part, each with query and fragment.
    private static func isRelativeOrHier(_ p: ArraySlice<UInt8>, noScheme: Bool) -> Bool {
        var rest = p
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isChars(rest[(hash + 1)...], extra: "/?:@") else { return false }
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isChars(rest[(q + 1)...], extra: "/?:@") else { return false }
            rest = rest[..<q]
        }
        var path = rest
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            guard isAuthority(rest[afterSlashes..<end]) else { return false }
            path = rest[end...]
        } else if noScheme, let firstSlash = Optional(rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex),
            rest[..<firstSlash].contains(UInt8(ascii: ":"))
        {
            // path-noscheme: the first segment of a relative reference has no colon.
            return false
        }
        return isChars(path, extra: "/:@")
    }

    private static func isAuthority(_ a: ArraySlice<UInt8>) -> Bool {
        var host = a
        if let at = a.lastIndex(of: UInt8(ascii: "@")) {
            guard isChars(a[..<at], extra: ":") else { return false }
            host = a[(at + 1)...]
        }
        if host.first == UInt8(ascii: "[") {
            guard let close = host.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = String(decoding: host[(host.startIndex + 1)..<close], as: UTF8.self)
            guard NetworkFormats.isIPv6(literal) || literal.lowercased().hasPrefix("v") else { return false }
            let port = host[(close + 1)...]
            return port.isEmpty || (port.first == UInt8(ascii: ":") && port.dropFirst().allSatisfy(isDigit))
        }
        if let colon = host.lastIndex(of: UInt8(ascii: ":")) {
            guard host[(colon + 1)...].allSatisfy(isDigit) else { return false }
            host = host[..<colon]
        }
        return isChars(host, extra: "")
    }

    /// unreserved / pct-encoded / sub-delims / the `extra` characters.
    private static func isChars(_ p: ArraySlice<UInt8>, extra: String) -> Bool {
        var i = p.startIndex
        while i < p.endIndex {
            let c = p[i]
            if c == UInt8(ascii: "%") {
                guard i + 2 < p.endIndex, URIReference.hexValue(p[i + 1]) != nil, URIReference.hexValue(p[i + 2]) != nil else { return false }
                i += 3
                continue
            }
            guard isAlpha(c) || isDigit(c) || unreservedOrSubDelims.contains(c) || extra.utf8.contains(c) else { return false }
            i += 1
        }
        return true
    }

    private static let unreservedOrSubDelims = Set("-._~!$&'()*+,;=".utf8)
    private static func isAlpha(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
