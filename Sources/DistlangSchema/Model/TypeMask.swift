import DistlangCore

/// A set of JSON Schema types (`"type": ["string", "null"]`), tested with one bit operation.
struct TypeMask: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    static let null = TypeMask(rawValue: 1 << 0)
    static let boolean = TypeMask(rawValue: 1 << 1)
    static let integer = TypeMask(rawValue: 1 << 2)
    static let number = TypeMask(rawValue: 1 << 3)
    static let string = TypeMask(rawValue: 1 << 4)
    static let array = TypeMask(rawValue: 1 << 5)
    static let object = TypeMask(rawValue: 1 << 6)
    /// Not a type: draft-04's reading of `integer`, under which an integral float such as 1.0 is not one.
    static let integerExcludesFloats = TypeMask(rawValue: 1 << 7)

    /// The type a name in a `type` keyword stands for; nil for an unknown name.
    static func named(_ name: String) -> TypeMask? {
        switch name {
        case "null": return .null
        case "boolean": return .boolean
        case "integer": return .integer
        case "number": return .number
        case "string": return .string
        case "array": return .array
        case "object": return .object
        default: return nil
        }
    }

    /// Whether `value` has one of the types (an integral number such as 1.0 is an integer).
    @inline(__always)
    func matches(_ value: Value) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .integer: return !isDisjoint(with: [.integer, .number])
        case .number(let d):
            if contains(.number) { return true }
            guard contains(.integer), d.isFinite, d.rounded(.towardZero) == d else { return false }
            // Past 64 bits an integer literal is held as a double: it still counts as an integer.
            return !contains(.integerExcludesFloats) || d.magnitude >= 0x1p63
        case .string: return contains(.string)
        case .array: return contains(.array)
        case .object: return contains(.object)
        }
    }

    /// The names in the set, in the usual order.
    var names: [String] {
        var out: [String] = []
        let all: [(TypeMask, String)] = [
            (.object, "object"), (.array, "array"), (.string, "string"), (.integer, "integer"), (.number, "number"),
            (.boolean, "boolean"), (.null, "null"),
        ]
        for (t, n) in all where contains(t) { out.append(n) }
        return out
    }
}
