import DistlangCore
import Foundation

/// A `Value` decoded from JSON printed by an external checker (hclcheck, python).
struct DecodedValue: Decodable {
    let value: Value

    init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !array.isAtEnd { items.append(try array.decode(DecodedValue.self).value) }
            value = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            // Keys come back unordered; compare with `isIdentical`, which ignores key order.
            var result = JSONObject()
            for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                result[key.stringValue] = try object.decode(DecodedValue.self, forKey: key).value
            }
            value = .object(result)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            value = .null
        } else if let b = try? single.decode(Bool.self) {
            value = .bool(b)
        } else if let i = try? single.decode(Int64.self) {
            value = .integer(i)
        } else if let d = try? single.decode(Double.self) {
            value = .number(d)
        } else {
            value = .string(try single.decode(String.self))
        }
    }

    /// Decodes `json` (the text of one JSON value).
    static func parse(_ json: String) throws -> Value {
        try JSONDecoder().decode(DecodedValue.self, from: Data(json.utf8)).value
    }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Value {
    /// Equality with strings and keys compared scalar by scalar (not by canonical equivalence).
    func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.string(let a), .string(let b)): return a.isIdentical(to: b)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let match = b.entries.first(where: { $0.0.isIdentical(to: key) }),
                    value.isIdentical(to: match.1)
                else { return false }
            }
            return true
        default: return self == other
        }
    }
}
