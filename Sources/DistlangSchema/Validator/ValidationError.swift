import DistlangCore

/// What went wrong, with the data for the message (built only when an error is reported).
enum ErrorKind {
    case falseSchema
    case type(TypeMask)
    case const(Value)
    case enumeration([Value])
    case multipleOf(Value)
    case maximum(Value)
    case exclusiveMaximum(Value)
    case minimum(Value)
    case exclusiveMinimum(Value)
    case maxLength(Int)
    case minLength(Int)
    case pattern(String)
    case format(String)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems(first: Int, second: Int)
    case contains(min: Int, max: Int?, found: Int)
    case maxProperties(Int)
    case minProperties(Int)
    case required(String)
    case dependentRequired(property: String, requires: String)
    /// An object member no schema allows (`additionalProperties: false`); the node says which names are allowed.
    case unknownProperty(String, schema: NodeID)
    case unevaluatedProperty(String, schema: NodeID)
    case unexpectedItem(Int)
    case unevaluatedItem(Int)
    case not
    case oneOfSeveral([Int])
    case noAlternative(Int)
    case refCycle(String)
    case tooDeep(Int)
}

/// A validation error as the validator records it: instance path as member indices (turned into a
/// JSON pointer and a source location only when reported), keyword location and the failing value.
struct RawError {
    /// Member or element index at each level; `-(i + 1)` stands for the key of member `i`.
    var path: [Int32]
    var keywordLocation: String
    var kind: ErrorKind
    var instance: Value
    /// Point at the member's key rather than its value (unknown properties).
    var atKey = false
    var notes: [String] = []
    var hint: String?
}
