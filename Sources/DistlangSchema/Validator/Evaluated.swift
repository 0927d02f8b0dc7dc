/// What the keywords of a schema evaluated at one instance location, for `unevaluatedProperties`
/// and `unevaluatedItems`: object members and array elements by index. Only allocated when some
/// schema at that location has an `unevaluated*` keyword.
final class Evaluated {
    private var properties: [UInt64] = []
    private var items: [UInt64] = []

    init() {}

    @inline(__always)
    func markProperty(_ i: Int) { Self.set(&properties, i) }

    @inline(__always)
    func markItem(_ i: Int) { Self.set(&items, i) }

    func markItems(_ range: Range<Int>) { for i in range { Self.set(&items, i) } }
    func markProperties(_ count: Int) { for i in 0..<count { Self.set(&properties, i) } }

    @inline(__always)
    func hasProperty(_ i: Int) -> Bool { Self.get(properties, i) }

    @inline(__always)
    func hasItem(_ i: Int) -> Bool { Self.get(items, i) }

    /// Adds what `other` evaluated.
    func merge(_ other: Evaluated) {
        Self.union(&properties, other.properties)
        Self.union(&items, other.items)
    }

    private static func set(_ bits: inout [UInt64], _ i: Int) {
        let w = i >> 6
        if w >= bits.count { bits.append(contentsOf: repeatElement(0, count: w - bits.count + 1)) }
        bits[w] |= 1 << UInt64(i & 63)
    }

    private static func get(_ bits: [UInt64], _ i: Int) -> Bool {
        let w = i >> 6
        return w < bits.count && bits[w] & (1 << UInt64(i & 63)) != 0
    }

    private static func union(_ bits: inout [UInt64], _ other: [UInt64]) {
        if other.count > bits.count { bits.append(contentsOf: repeatElement(0, count: other.count - bits.count)) }
        for (i, w) in other.enumerated() { bits[i] |= w }
    }
}
