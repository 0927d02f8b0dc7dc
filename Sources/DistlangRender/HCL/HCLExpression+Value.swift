import DistlangCore

extension HCLExpression {
    /// The HCL literal for a JSON-like value: objects keep their key order, arrays become lists.
    /// Useful for `jsonencode(...)` arguments such as IAM policy documents.
    public init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .integer(i)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .list(items.map(HCLExpression.init))
        case .object(let object): self = .object(object.entries.map { HCLObjectItem($0.0, HCLExpression($0.1)) })
        }
    }
}
