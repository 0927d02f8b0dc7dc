/// An HCL expression: the right-hand side of an attribute, an object value, a list item or a
/// function argument.
///
/// Every case renders to valid HCL whatever its content: string literals and template literal
/// parts are escaped (`${` and `%{` included), so no text can start an interpolation, end the
/// string, or add an attribute or a block.
public indirect enum HCLExpression: Sendable, Equatable {
    /// A quoted string literal, e.g. `"uploads"`.
    case string(String)
    /// An integer literal, e.g. `30`.
    case integer(Int64)
    /// A number literal, e.g. `0.5`. Infinity and NaN have no HCL form and render as `null`.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null
    /// A tuple constructor, e.g. `["nodejs_compat"]`.
    case list([HCLExpression], layout: HCLLayout = .automatic)
    /// An object constructor, e.g. `{ enabled = true }`. Keys keep their order and should be unique.
    case object([HCLObjectItem], layout: HCLLayout = .automatic)
    /// A reference such as `var.account_id` or `aws_s3_bucket.uploads.arn`.
    case traversal(HCLTraversal)
    /// A function call, e.g. `jsonencode({ ... })` or `filesha256("dist/api.js")`.
    case call(HCLIdentifier, [HCLExpression])
    /// A string template such as `"${path.module}/dist/api.js"`: literal parts are escaped,
    /// interpolated parts are expressions.
    case template([HCLTemplatePart])
}

/// How a list or an object is laid out.
public enum HCLLayout: Sendable, Equatable {
    /// The renderer's rule: see `docs/rendering.md`. Lists break when an item is a non-empty list
    /// or object; objects break unless they are a list item whose values are all simple.
    case automatic
    /// Always on one line (and so is everything inside it).
    case singleLine
    /// One item per line, whenever the surrounding expression is not itself on one line.
    case multiLine
}

/// One `key = value` entry of an object constructor.
public struct HCLObjectItem: Sendable, Equatable {
    /// The key, written bare when it is an identifier and quoted (escaped) otherwise.
    public var key: String
    public var value: HCLExpression

    public init(_ key: String, _ value: HCLExpression) {
        self.key = key
        self.value = value
    }
}

/// One part of a string template.
public enum HCLTemplatePart: Sendable, Equatable {
    /// Literal text, written escaped.
    case literal(String)
    /// `${expression}`, written on one line.
    case interpolation(HCLExpression)
}

/// A reference: a root name followed by attribute, index and splat steps.
public struct HCLTraversal: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        /// `.name`
        case attribute(HCLIdentifier)
        /// `[3]`
        case index(Int)
        /// `["key"]` (the key is escaped)
        case key(String)
        /// `[*]`
        case splat
    }

    public var root: HCLIdentifier
    public var steps: [Step]

    public init(_ root: HCLIdentifier, _ steps: [Step] = []) {
        self.root = root
        self.steps = steps
    }

    /// `root.a.b...`: the common case of a reference made of names only.
    public init(_ root: HCLIdentifier, attributes: [HCLIdentifier]) {
        self.init(root, attributes.map(Step.attribute))
    }

    /// This traversal followed by more steps.
    public func appending(_ more: Step...) -> HCLTraversal {
        HCLTraversal(root, steps + more)
    }
}

extension HCLExpression {
    /// A reference made of names, e.g. `.reference("var", "account_id")` for `var.account_id`.
    public static func reference(_ root: HCLIdentifier, _ attributes: HCLIdentifier...) -> HCLExpression {
        .traversal(HCLTraversal(root, attributes: attributes))
    }

    /// An object from ordered pairs.
    public static func object(_ pairs: KeyValuePairs<String, HCLExpression>, layout: HCLLayout = .automatic)
        -> HCLExpression
    {
        .object(pairs.map { HCLObjectItem($0.key, $0.value) }, layout: layout)
    }
}

extension HCLExpression: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: HCLExpression...) { self = .list(elements) }
    /// Keeps the order in which the pairs are written.
    public init(dictionaryLiteral elements: (String, HCLExpression)...) {
        self = .object(elements.map { HCLObjectItem($0.0, $0.1) })
    }
}
