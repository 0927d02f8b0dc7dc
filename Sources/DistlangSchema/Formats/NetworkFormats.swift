/// `hostname` (RFC 1123), `ipv4`, `ipv6` (RFC 4291 text forms) and `email` (RFC 5321 Mailbox).
enum NetworkFormats {
    static func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// Labels of 1–63 letters, digits and inner hyphens, 253 characters at most.
    static func isHostname(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard !u.isEmpty, u.count <= 253 else { return false }
        for label in u.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                label.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") })
            else { return false }
            // "xn--" labels are A-labels; other labels may not have "--" in positions 3-4 (RFC 5891).
            if label.count >= 4, label[label.startIndex + 2] == UInt8(ascii: "-"), label[label.startIndex + 3] == UInt8(ascii: "-") {
                let prefix = String(decoding: label.prefix(2), as: UTF8.self).lowercased()
                if prefix != "xn" { return false }
            }
        }
        return true
    }

    /// Four decimal octets 0–255 without leading zeros.
    static func isIPv4(_ s: String) -> Bool {
        let parts = s.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard (1...3).contains(p.count), p.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            if p.count > 1 && p.first == UInt8(ascii: "0") { return false }
            guard let v = Int(String(decoding: p, as: UTF8.self)), v <= 255 else { return false }
        }
        return true
    }

    /// Eight groups of 1–4 hex digits, one `::` for a run of zero groups, an optional dotted IPv4 tail.
    static func isIPv6(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard !u.isEmpty, u.allSatisfy({ $0 < 0x80 }) else { return false }
        var text = String(decoding: u, as: UTF8.self)
        var groupsNeeded = 8
        // A dotted IPv4 tail stands for two groups.
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
            text = String(text[...lastColon]) + "0"
            groupsNeeded = 7
        }
        let halves = text.components(separatedByString: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> Int? {
            if part.isEmpty { return 0 }
            let gs = part.split(separator: ":", omittingEmptySubsequences: false)
            for g in gs {
                guard (1...4).contains(g.count), g.utf8.allSatisfy({ URIReference.hexValue($0) != nil }) else { return nil }
            }
            return gs.count
        }
        if halves.count == 1 {
            return groups(halves[0]) == groupsNeeded
        }
        guard let a = groups(halves[0]), let b = groups(halves[1]) else { return false }
        return a + b < groupsNeeded
    }

    /// RFC 5321 Mailbox: a dot-string or quoted-string local part, `@`, and a hostname or an address literal.
    static func isEmail(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let at = u.lastIndex(of: UInt8(ascii: "@")), at > 0, at < u.count - 1 else { return false }
        let local = u[..<at]
        let domain = String(decoding: u[(at + 1)...], as: UTF8.self)
        guard isLocalPart(local) else { return false }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let inner = String(domain.dropFirst().dropLast())
            if inner.lowercased().hasPrefix("ipv6:") { return isIPv6(String(inner.dropFirst(5))) }
            return isIPv4(inner)
        }
        return isHostname(domain)
    }

    private static let atext = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    private static func isLocalPart(_ p: ArraySlice<UInt8>) -> Bool {
        if p.first == UInt8(ascii: "\"") {
            guard p.count >= 2, p.last == UInt8(ascii: "\"") else { return false }
            var i = p.startIndex + 1
            while i < p.endIndex - 1 {
                let c = p[i]
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < p.endIndex - 1, p[i + 1] >= 0x20, p[i + 1] <= 0x7E else { return false }
                    i += 2
                    continue
                }
                guard c >= 0x20, c <= 0x7E, c != UInt8(ascii: "\"") else { return false }
                i += 1
            }
            return true
        }
        let atoms = p.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for a in atoms {
            guard !a.isEmpty, a.allSatisfy({ isAlnum($0) || atext.contains($0) || $0 >= 0x80 }) else { return false }
        }
        return true
    }
}

extension String {
    /// Splits on a separator string (no Foundation).
    func components(separatedByString separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let r = rest.range(of: separator) {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
