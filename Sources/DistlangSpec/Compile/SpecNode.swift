import DistlangCore

/// A value of a spec document together with its JSON pointer: how the normaliser walks a spec, so every
/// diagnostic it raises can point at the exact place.
struct SpecNode {
    let value: Value
    let pointer: JSONPointer

    init(_ value: Value, _ pointer: JSONPointer = .root) {
        self.value = value
        self.pointer = pointer
    }

    subscript(key: String) -> SpecNode? {
        guard case .object(let o) = value, let v = o[key], !v.isNull else { return nil }
        return SpecNode(v, pointer.appending(key))
    }

    var string: String? { value.stringValue }
    var bool: Bool? { value.boolValue }
    var int: Int? { value.integerValue.map { Int(clamping: $0) } }

    /// Members of an object in document order (nulls skipped); empty for other values.
    var members: [(key: String, node: SpecNode)] {
        guard case .object(let o) = value else { return [] }
        return o.entries.compactMap { k, v in v.isNull ? nil : (k, SpecNode(v, pointer.appending(k))) }
    }

    /// Elements of an array; a single value counts as a one-element list (for `schedule`).
    var elements: [SpecNode] {
        if case .array(let items) = value {
            return items.enumerated().map { SpecNode($1, pointer.appending($0)) }
        }
        return [self]
    }
}

/// Collects diagnostics for one document, locating them through its source map.
struct DiagnosticSink {
    let sourceMap: SourceMap
    private(set) var diagnostics: [Diagnostic] = []

    init(sourceMap: SourceMap) { self.sourceMap = sourceMap }

    /// Reports at the value (or, with `atKey`, at the member's key).
    mutating func report(
        _ severity: Diagnostic.Severity, _ code: String, _ message: String, at pointer: JSONPointer, atKey: Bool = false,
        hint: String? = nil, notes: [Diagnostic.Note] = []
    ) {
        let location = atKey ? sourceMap.keyLocation(of: pointer) : sourceMap.location(of: pointer)
        diagnostics.append(Diagnostic(severity, code: code, message, at: location, pointer: pointer, hint: hint, notes: notes))
    }

    mutating func error(_ code: String, _ message: String, at pointer: JSONPointer, atKey: Bool = false, hint: String? = nil, notes: [Diagnostic.Note] = []) {
        report(.error, code, message, at: pointer, atKey: atKey, hint: hint, notes: notes)
    }

    mutating func warning(_ code: String, _ message: String, at pointer: JSONPointer, atKey: Bool = false, hint: String? = nil, notes: [Diagnostic.Note] = []) {
        report(.warning, code, message, at: pointer, atKey: atKey, hint: hint, notes: notes)
    }

    func location(of pointer: JSONPointer, atKey: Bool = false) -> SourceLocation {
        atKey ? sourceMap.keyLocation(of: pointer) : sourceMap.location(of: pointer)
    }
}
