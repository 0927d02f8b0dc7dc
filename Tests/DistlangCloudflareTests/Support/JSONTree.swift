import Foundation

/// JSON printed by a checker (python, hclcheck), decoded with strings kept scalar for scalar.
indirect enum JSONTree: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONTree] = []
            while !array.isAtEnd { items.append(try array.decode(JSONTree.self)) }
            self = .array(items)
        } else if let object = try? decoder.container(keyedBy: Key.self) {
            var result: [String: JSONTree] = [:]
            for key in object.allKeys { result[key.stringValue] = try object.decode(JSONTree.self, forKey: key) }
            self = .object(result)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let b = try? single.decode(Bool.self) {
                self = .bool(b)
            } else if let d = try? single.decode(Double.self) {
                self = .number(d)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    /// Strings and keys compare byte for byte (not by Unicode canonical equivalence).
    static func == (a: JSONTree, b: JSONTree) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return sameBytes(x, y)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
        case (.object(let x), .object(let y)):
            let xk = x.keys.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
            let yk = y.keys.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
            guard xk == yk else { return false }
            return x.allSatisfy { key, value in
                y.first { sameBytes($0.key, key) }.map { $0.value == value } ?? false
            }
        default: return false
        }
    }

    static func parse(_ text: String) throws -> JSONTree {
        try JSONDecoder().decode(JSONTree.self, from: Data(text.utf8))
    }

    subscript(key: String) -> JSONTree? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    subscript(index: Int) -> JSONTree? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var array: [JSONTree]? { if case .array(let a) = self { return a } else { return nil } }
    var object: [String: JSONTree]? { if case .object(let o) = self { return o } else { return nil } }
    var keys: Set<String> { Set(object?.keys.map { $0 } ?? []) }
    var strings: [String]? { array?.compactMap(\.string) }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return String(b)
        case .number(let d): return String(d)
        case .string(let s): return s.debugDescription
        case .array(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .object(let o):
            return "{" + o.keys.sorted().map { "\($0.debugDescription): \(o[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// Byte-for-byte string equality (Swift's `==` treats canonically equivalent strings as equal).
func sameBytes(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return Array(a.utf8) == Array(b.utf8)
}
