/// A fast matcher for the patterns schemas mostly use: an optional `^`, a sequence of atoms
/// (literal, `.`, `[class]`, `\d`, `\w`, `\s` and their negations, escaped punctuation) each with an
/// optional quantifier, and an optional `$`. No groups, alternation, backreferences or lookaround:
/// those go to ICU.
///
/// Matching computes the set of reachable positions atom by atom over the string's UTF-8 (one
/// position per code point), so it never backtracks exponentially; lazy and greedy quantifiers give
/// the same answer to "is there a match".
struct SimplePattern {
    /// A set of code points.
    struct CharSet {
        var ascii: (UInt64, UInt64) = (0, 0)
        var ranges: [ClosedRange<UInt32>] = []
        var negated = false

        mutating func add(_ r: ClosedRange<UInt32>) {
            if r.lowerBound <= 127 {
                for c in r.lowerBound...min(r.upperBound, 127) {
                    if c < 64 { ascii.0 |= 1 << UInt64(c) } else { ascii.1 |= 1 << UInt64(c - 64) }
                }
            }
            if r.upperBound > 127 { ranges.append(max(r.lowerBound, 128)...r.upperBound) }
        }

        /// Conservative: true only when both sets are plain (not negated) and share no code point.
        func isDisjoint(with other: CharSet) -> Bool {
            guard !negated, !other.negated else { return false }
            if ascii.0 & other.ascii.0 != 0 || ascii.1 & other.ascii.1 != 0 { return false }
            for a in ranges { for b in other.ranges where a.overlaps(b) { return false } }
            return true
        }

        @inline(__always)
        func contains(_ c: UInt32) -> Bool {
            let hit: Bool
            if c < 64 {
                hit = ascii.0 & (1 << UInt64(c)) != 0
            } else if c < 128 {
                hit = ascii.1 & (1 << UInt64(c - 64)) != 0
            } else {
                hit = ranges.contains { $0.contains(c) }
            }
            return hit != negated
        }
    }

    struct Atom {
        var set: CharSet
        var min: Int
        var max: Int
    }

    private(set) var atoms: [Atom] = []
    private(set) var anchoredStart = false
    private(set) var anchoredEnd = false
    /// Anchored at the start, and no variable-length atom shares a character with the atom after
    /// it (`^service-[0-9]+$`): matching greedily without backtracking gives the exact answer.
    private(set) var isDeterministic = false

    /// Longest string (in bytes) handled here; longer ones go to ICU, which is linear for more shapes.
    static let maxLength = 4096

    init?(_ pattern: String) {
        let s = Array(pattern.unicodeScalars)
        var i = 0
        if i < s.count, s[i] == "^" {
            anchoredStart = true
            i += 1
        }
        while i < s.count {
            if s[i] == "$" && i == s.count - 1 {
                anchoredEnd = true
                break
            }
            guard let set = Self.atom(s, &i) else { return nil }
            var lo = 1, hi = 1
            var quantified = true
            if i < s.count {
                switch s[i] {
                case "?": lo = 0; hi = 1; i += 1
                case "*": lo = 0; hi = .max; i += 1
                case "+": lo = 1; hi = .max; i += 1
                case "{":
                    guard let (a, b) = Self.braces(s, &i) else { return nil }
                    lo = a; hi = b
                default: quantified = false
                }
                // A lazy quantifier finds a match exactly when the greedy one does.
                if quantified, i < s.count, s[i] == "?" { i += 1 }
            }
            if i < s.count, ["?", "*", "+", "{"].contains(s[i]) { return nil }
            atoms.append(Atom(set: set, min: lo, max: hi))
        }
        isDeterministic = anchoredStart && atoms.indices.allSatisfy { i in
            atoms[i].min == atoms[i].max || i == atoms.count - 1 || atoms[i].set.isDisjoint(with: atoms[i + 1].set)
        }
    }

    /// Parses one atom at `i`; nil for anything outside the simple subset.
    private static func atom(_ s: [Unicode.Scalar], _ i: inout Int) -> CharSet? {
        var set = CharSet()
        let c = s[i]
        switch c {
        case "(", ")", "|", "^", "$", "?", "*", "+", "{", "}", "]":
            return nil
        case ".":
            set = lineTerminatorsExcluded()
            i += 1
        case "[":
            i += 1
            if i < s.count, s[i] == "^" {
                set.negated = true
                i += 1
            }
            if i < s.count, s[i] == "]" { return nil }
            while i < s.count, s[i] != "]" {
                guard let lo = classMember(s, &i, into: &set) else { return nil }
                if let lo, i + 1 < s.count, s[i] == "-", s[i + 1] != "]" {
                    i += 1
                    var dummy = CharSet()
                    guard let hiOpt = classMember(s, &i, into: &dummy), let hi = hiOpt, hi >= lo else { return nil }
                    set.add(lo...hi)
                } else if let lo {
                    set.add(lo...lo)
                }
            }
            guard i < s.count else { return nil }
            i += 1
        case "\\":
            i += 1
            guard i < s.count else { return nil }
            let e = s[i]
            i += 1
            if let cls = shorthand(e) { return cls }
            if let v = controlEscape(e) {
                set.add(v...v)
            } else if !e.properties.isAlphabetic && !(e.isASCII && e.properties.numericType != nil) {
                set.add(e.value...e.value)
            } else {
                return nil
            }
        default:
            set.add(c.value...c.value)
            i += 1
        }
        return set
    }

    /// One member of a class at `i`: a code point (returned for ranges), or a shorthand class
    /// added to `set` (returns .some(nil)); nil when unsupported.
    private static func classMember(_ s: [Unicode.Scalar], _ i: inout Int, into set: inout CharSet) -> UInt32?? {
        let c = s[i]
        if c == "[" { return nil }
        guard c == "\\" else {
            i += 1
            return .some(c.value)
        }
        i += 1
        guard i < s.count else { return nil }
        let e = s[i]
        i += 1
        switch e {
        case "d": set.add(0x30...0x39); return .some(nil)
        case "w":
            for r: ClosedRange<UInt32> in [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F] { set.add(r) }
            return .some(nil)
        case "s":
            for r in whitespaceRanges { set.add(r) }
            return .some(nil)
        default:
            if let v = controlEscape(e) { return .some(v) }
            if e == "b" { return .some(8) }
            if !e.properties.isAlphabetic && !(e.isASCII && e.properties.numericType != nil) { return .some(e.value) }
            return nil
        }
    }

    private static let whitespaceRanges: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029, 0x202F...0x202F,
        0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]

    private static func shorthand(_ e: Unicode.Scalar) -> CharSet? {
        var set = CharSet()
        switch e {
        case "d", "D": set.add(0x30...0x39)
        case "w", "W": for r: ClosedRange<UInt32> in [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F...0x5F] { set.add(r) }
        case "s", "S": for r in whitespaceRanges { set.add(r) }
        default: return nil
        }
        set.negated = e.properties.isUppercase
        return set
    }

    private static func controlEscape(_ e: Unicode.Scalar) -> UInt32? {
        switch e {
        case "t": return 0x09
        case "n": return 0x0A
        case "v": return 0x0B
        case "f": return 0x0C
        case "r": return 0x0D
        default: return nil
        }
    }

    /// `.`: everything but ECMA's line terminators, as a negated set of them.
    private static func lineTerminatorsExcluded() -> CharSet {
        var out = CharSet()
        for p: UInt32 in [0x0A, 0x0D, 0x2028, 0x2029] { out.add(p...p) }
        out.negated = true
        return out
    }

    private static func braces(_ s: [Unicode.Scalar], _ i: inout Int) -> (Int, Int)? {
        var j = i + 1
        func number() -> Int? {
            var v = 0
            var any = false
            while j < s.count, s[j].isASCII, let d = Int(String(s[j])) {
                v = min(v * 10 + d, 1_000_000)
                j += 1
                any = true
            }
            return any ? v : nil
        }
        guard let lo = number(), j < s.count else { return nil }
        var hi = lo
        if s[j] == "," {
            j += 1
            hi = number() ?? .max
        }
        guard j < s.count, s[j] == "}", hi >= lo else { return nil }
        i = j + 1
        return (lo, hi)
    }

    /// Whether the pattern matches somewhere in `s`; nil when `s` is too long for this matcher.
    func matches(_ s: String) -> Bool? {
        var s = s
        return s.withUTF8 { buf -> Bool? in
            let n = buf.count
            if isDeterministic { return greedy(buf) }
            if n > Self.maxLength { return nil }
            let words = (n + 1 + 63) / 64
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words * 2) { mem -> Bool in
                let reach = UnsafeMutableBufferPointer(rebasing: mem[0..<words])
                let next = UnsafeMutableBufferPointer(rebasing: mem[words..<(2 * words)])
                reach.initialize(repeating: 0)
                if anchoredStart {
                    reach[0] = 1
                } else {
                    var p = 0
                    while p <= n {
                        reach[p >> 6] |= 1 << UInt64(p & 63)
                        p += p < n ? Self.length(buf[p]) : 1
                    }
                }
                for atom in atoms {
                    next.initialize(repeating: 0)
                    var any = false
                    var runEnd = -1
                    var p = 0
                    while p <= n {
                        defer { p += p < n ? Self.length(buf[p]) : 1 }
                        guard reach[p >> 6] & (1 << UInt64(p & 63)) != 0 else { continue }
                        // With an unbounded quantifier, a start inside the previous run reaches nothing new.
                        if atom.max == .max && p < runEnd { continue }
                        var q = p
                        var count = 0
                        if atom.min == 0 {
                            next[q >> 6] |= 1 << UInt64(q & 63)
                            any = true
                        }
                        while count < atom.max && q < n {
                            let (scalar, len) = Self.decode(buf, q)
                            guard atom.set.contains(scalar) else { break }
                            q += len
                            count += 1
                            if count >= atom.min {
                                next[q >> 6] |= 1 << UInt64(q & 63)
                                any = true
                            }
                        }
                        runEnd = q
                    }
                    if !any { return false }
                    for w in 0..<words { reach[w] = next[w] }
                }
                if anchoredEnd { return reach[n >> 6] & (1 << UInt64(n & 63)) != 0 }
                return true
            }
        }
    }

    /// One left-to-right pass, each atom taking as much as it can (exact when `isDeterministic`).
    private func greedy(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = buf.count
        var p = 0
        for atom in atoms {
            var count = 0
            while count < atom.max && p < n {
                let (scalar, len) = Self.decode(buf, p)
                guard atom.set.contains(scalar) else { break }
                p += len
                count += 1
            }
            if count < atom.min { return false }
        }
        return !anchoredEnd || p == n
    }

    @inline(__always)
    private static func length(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    @inline(__always)
    private static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ p: Int) -> (UInt32, Int) {
        let b0 = UInt32(buf[p])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(buf[p + 1] & 0x3F), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | UInt32(buf[p + 1] & 0x3F) << 6 | UInt32(buf[p + 2] & 0x3F), 3) }
        return ((b0 & 0x07) << 18 | UInt32(buf[p + 1] & 0x3F) << 12 | UInt32(buf[p + 2] & 0x3F) << 6 | UInt32(buf[p + 3] & 0x3F), 4)
    }
}
