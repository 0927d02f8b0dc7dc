import DistlangCore

/// A value of a spec document together with its JSON pointer: how the normaliser walks a spec, so every
/// diagnostic it raises can point at the exact place.
struct SpecNode {
    let value: Value
    /// The pointer of the parent, and this value's token in it: the full pointer is only put together
    /// when a diagnostic needs it, so walking a large spec allocates no pointers.
    private let parent: JSONPointer
    private let token: String?

    init(_ value: Value, _ pointer: JSONPointer = .root) {
        self.value = value
        self.parent = pointer
        self.token = nil
    }

    private init(_ value: Value, parent: JSONPointer, token: String) {
        self.value = value
        self.parent = parent
        self.token = token
    }

    var pointer: JSONPointer { token.map { parent.appending($0) } ?? parent }

    subscript(key: String) -> SpecNode? {
        guard case .object(let o) = value, let v = o[key], !v.isNull else { return nil }
        return SpecNode(v, parent: pointer, token: key)
    }

    /// A member's value, without making a node (for reading settings).
    func value(_ key: String) -> Value? {
        guard case .object(let o) = value, let v = o[key], !v.isNull else { return nil }
        return v
    }

    var string: String? { value.stringValue }
    var bool: Bool? { value.boolValue }
    var int: Int? { value.integerValue.map { Int(clamping: $0) } }

    /// Members of an object in document order (nulls skipped); empty for other values.
    var members: [(key: String, node: SpecNode)] {
        guard case .object(let o) = value else { return [] }
        let base = pointer
        return o.entries.compactMap { k, v in v.isNull ? nil : (k, SpecNode(v, parent: base, token: k)) }
    }

    /// Elements of an array; a single value counts as a one-element list (for `schedule`).
    var elements: [SpecNode] {
        if case .array(let items) = value {
            let base = pointer
            return items.enumerated().map { SpecNode($1, parent: base, token: String($0)) }
        }
        return [self]
    }
}
