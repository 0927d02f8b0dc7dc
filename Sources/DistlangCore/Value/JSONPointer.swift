/// An RFC 6901 JSON pointer such as `/functions/api/memory`.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The unescaped reference tokens.
    public private(set) var tokens: [String]

    public init(tokens: [String] = []) { self.tokens = tokens }

    /// Parses the string form; nil when it is not a valid pointer (it must be empty or start with `/`).
    public init?(_ string: String) {
        if string.isEmpty { tokens = []; return }
        guard string.first == "/" else { return nil }
        var parts: [String] = []
        for raw in string.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var it = raw.makeIterator()
            while let c = it.next() {
                if c == "~" {
                    switch it.next() {
                    case "0": token.append("~")
                    case "1": token.append("/")
                    default: return nil
                    }
                } else {
                    token.append(c)
                }
            }
            parts.append(token)
        }
        tokens = parts
    }

    public static let root = JSONPointer()

    public var isRoot: Bool { tokens.isEmpty }

    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    public var parent: JSONPointer? {
        guard !tokens.isEmpty else { return nil }
        return JSONPointer(tokens: Array(tokens.dropLast()))
    }

    public var last: String? { tokens.last }

    /// The escaped string form (`~` as `~0`, `/` as `~1`).
    public var description: String {
        var out = ""
        for t in tokens {
            out.append("/")
            for c in t {
                switch c {
                case "~": out.append("~0")
                case "/": out.append("~1")
                default: out.append(c)
                }
            }
        }
        return out
    }

    /// A dotted path for messages, e.g. `functions.api.memory` or `functions.api.http[2]`.
    public var dotted: String {
        var out = ""
        for t in tokens {
            if !out.isEmpty, !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) {
                out += "[\(t)]"
            } else {
                if !out.isEmpty { out += "." }
                out += t
            }
        }
        return out
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }

    /// Resolves the pointer against a value.
    public func resolve(in value: Value) -> Value? {
        var current = value
        for t in tokens {
            switch current {
            case .object(let o):
                guard let next = o[t] else { return nil }
                current = next
            case .array(let a):
                guard let i = Int(t), String(i) == t, i >= 0, i < a.count else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }
}

extension String {
    /// Whether `needle` occurs in the string, comparing UTF-8 bytes (no Foundation, no locale).
    public func containsBytes(_ needle: String) -> Bool {
        let h = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty else { return true }
        guard h.count >= n.count else { return false }
        for start in 0...(h.count - n.count) where h[start] == n[0] {
            var i = 1
            while i < n.count && h[start + i] == n[i] { i += 1 }
            if i == n.count { return true }
        }
        return false
    }
}
