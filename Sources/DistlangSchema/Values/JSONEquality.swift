import DistlangCore

/// JSON equality for `const`, `enum` and `uniqueItems`: numbers by value (1 == 1.0), strings by
/// code points, arrays in order, objects regardless of key order.
enum JSONEquality {
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.integer, .integer), (.integer, .number), (.number, .integer), (.number, .number):
            return NumberCompare.compare(a, b) == 0
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for i in x.indices where !equal(x[i], y[i]) { return false }
            return true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in x.entries {
                guard let w = y[k], equal(v, w) else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// The indices of the first two equal items, or nil when all are unique.
    /// Pairwise for short arrays; a hash of a JSON-equality-compatible fingerprint otherwise.
    static func firstDuplicate(_ items: [Value]) -> (Int, Int)? {
        if items.count < 2 { return nil }
        if items.count <= 16 {
            for i in items.indices {
                for j in (i + 1)..<items.count where equal(items[i], items[j]) { return (i, j) }
            }
            return nil
        }
        var seen: [Int: [Int]] = [:]
        for (j, item) in items.enumerated() {
            let h = fingerprint(item)
            if let candidates = seen[h] {
                for i in candidates where equal(items[i], item) { return (i, j) }
            }
            seen[h, default: []].append(j)
        }
        return nil
    }

    /// A hash equal for JSON-equal values (integers and integral doubles hash alike).
    static func fingerprint(_ v: Value) -> Int {
        var h = Hasher()
        feed(v, &h, depth: 0)
        return h.finalize()
    }

    private static func feed(_ v: Value, _ h: inout Hasher, depth: Int) {
        switch v {
        case .null: h.combine(0)
        case .bool(let b): h.combine(b ? 1 : 2)
        case .integer(let i): h.combine(3); h.combine(Double(i))
        case .number(let d): h.combine(3); h.combine(d)
        case .string(let s): h.combine(4); for b in s.utf8 { h.combine(b) }
        case .array(let a):
            h.combine(5)
            h.combine(a.count)
            if depth < 3 { for x in a { feed(x, &h, depth: depth + 1) } }
        case .object(let o):
            h.combine(6)
            h.combine(o.count)
            // Order-independent: sum of member hashes.
            var sum = 0
            if depth < 3 {
                for (k, x) in o.entries {
                    var m = Hasher()
                    m.combine(k)
                    feed(x, &m, depth: depth + 1)
                    sum = sum &+ m.finalize()
                }
            }
            h.combine(sum)
        }
    }
}
