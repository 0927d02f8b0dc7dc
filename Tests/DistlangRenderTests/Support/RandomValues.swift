import DistlangCore
import TestSupport

/// Random `Value` trees with hard strings as keys and values, for the YAML and JSON tests.
struct RandomValues {
    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func value(depth: Int) -> Value {
        switch Int.random(in: 0..<(depth > 0 ? 12 : 7), using: &rng) {
        case 0: return .null
        case 1: return .bool(rng.chance(0.5))
        case 2: return .integer(rng.pick([0, 1, -1, 42, Int64.max, Int64.min]))
        case 3: return .number(rng.pick([0.5, -0.0, 1e20, -1e-7, 1.0, 123.456, .leastNonzeroMagnitude, 1e300]))
        case 4: return .string(HardStrings.random(using: &rng))
        case 5: return .string(rng.pick(HardStrings.fixed))
        case 6: return rng.chance(0.5) ? .array([]) : .object(JSONObject())
        case 7, 8: return .array((0..<Int.random(in: 1...4, using: &rng)).map { _ in value(depth: depth - 1) })
        default: return .object(object(depth: depth - 1))
        }
    }

    mutating func object(depth: Int) -> JSONObject {
        var object = JSONObject()
        for _ in 0..<Int.random(in: 1...5, using: &rng) {
            let key = rng.chance(0.4) ? rng.pick(HardStrings.fixed) : HardStrings.random(using: &rng, maxPieces: 4)
            if object.entries.contains(where: { $0.0.isIdentical(to: key) }) { continue }
            object.appendUnchecked(key, value(depth: depth))
        }
        return object
    }
}
