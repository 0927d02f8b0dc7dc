import DistlangCore

/// Index of a compiled schema node in `SchemaProgram.nodes`.
typealias NodeID = Int32

/// One compiled keyword: what the validator does, with everything it needs precomputed
/// (referenced nodes resolved, regexes compiled, numbers converted). The validator dispatches on
/// the case, so there is no keyword-name lookup at validation time.
enum Keyword {
    case falseSchema
    case type(TypeMask)
    case const(Value)
    case enumeration(EnumValues)
    case multipleOf(ExactDecimal)
    case maximum(NumberBound)
    case exclusiveMaximum(NumberBound)
    case minimum(NumberBound)
    case exclusiveMinimum(NumberBound)
    case maxLength(Int)
    case minLength(Int)
    case pattern(CompiledPattern)
    case format(FormatCheck)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case contains(ContainsRule)
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(String, [String])])
    case properties(PropertyTable)
    case patternProperties([(CompiledPattern, NodeID)])
    case additionalProperties(AdditionalProperties)
    case propertyNames(NodeID)
    case dependentSchemas([(String, NodeID)])
    /// `prefixItems` (or draft-07 `items` as an array).
    case prefixItems([NodeID])
    /// `items` (2020-12, or draft-07 `items` as one schema) or draft-07 `additionalItems`: applies to
    /// the elements from index `from` on.
    case items(NodeID, from: Int)
    case allOf([NodeID])
    case anyOf([NodeID])
    case oneOf([NodeID])
    case not(NodeID)
    case ifThenElse(IfThenElse)
    case ref(NodeID)
    case dynamicRef(DynamicReference)
    case unevaluatedProperties(NodeID)
    case unevaluatedItems(NodeID)
}

/// `enum`: the values, plus a set of the string members for a fast check of the common all-strings case.
final class EnumValues: Sendable {
    let values: [Value]
    /// Swift compares strings by canonical equivalence ("é" == "e\u{301}"), JSON by code points: the
    /// set only rules strings out; a hit is confirmed on the code points.
    private let strings: Set<String>
    let onlyStrings: Bool

    init(_ values: [Value]) {
        self.values = values
        var set = Set<String>()
        var only = true
        for v in values {
            if case .string(let s) = v { set.insert(s) } else { only = false }
        }
        strings = set
        onlyStrings = only
    }

    /// Whether the string `s` is a member (for an all-strings enum).
    func containsString(_ s: String) -> Bool {
        guard strings.contains(s) else { return false }
        return values.contains { $0.stringValue?.utf8.elementsEqual(s.utf8) == true }
    }
}

/// A numeric bound of `minimum`/`maximum` and their exclusive forms, kept as written.
struct NumberBound {
    let value: Value
}

/// `contains` with its 2020-12 `minContains`/`maxContains` companions.
struct ContainsRule {
    let node: NodeID
    let min: Int
    let max: Int?
}

/// `properties`: names in schema order with their subschemas; a dictionary once there are many.
final class PropertyTable {
    let names: [String]
    let nodes: [NodeID]
    let index: [String: Int]?

    init(_ entries: [(String, NodeID)]) {
        names = entries.map(\.0)
        nodes = entries.map(\.1)
        if entries.count > 8 {
            var idx: [String: Int] = [:]
            for (i, n) in names.enumerated() where idx[n] == nil { idx[n] = i }
            index = idx
        } else {
            index = nil
        }
    }

    @inline(__always)
    func position(of name: String) -> Int? {
        if let index { return index[name] }
        return names.firstIndex(of: name)
    }
}

/// `additionalProperties`: its subschema and what its siblings `properties`/`patternProperties` cover.
final class AdditionalProperties {
    let node: NodeID
    let covered: PropertyTable?
    let patterns: [CompiledPattern]
    /// The subschema is `false`: any extra property fails (and gets an "unknown property" message).
    let forbids: Bool

    init(node: NodeID, covered: PropertyTable?, patterns: [CompiledPattern], forbids: Bool) {
        self.node = node
        self.covered = covered
        self.patterns = patterns
        self.forbids = forbids
    }

    @inline(__always)
    func covers(_ name: String) -> Bool {
        if let covered, covered.position(of: name) != nil { return true }
        for p in patterns where p.matches(name) { return true }
        return false
    }
}

/// `if` with its optional `then` and `else`.
struct IfThenElse {
    let condition: NodeID
    let then: NodeID?
    let otherwise: NodeID?
}

/// `$dynamicRef` (or 2019-09 `$recursiveRef`): the node it resolves to statically, and the anchor name
/// that makes it dynamic (nil when the initial target does not start with a matching `$dynamicAnchor`,
/// or `$recursiveAnchor: true`).
struct DynamicReference {
    let target: NodeID
    let anchor: Int32?
    /// `$recursiveRef`: the target is the outermost resource of the innermost run of resources in the
    /// dynamic scope whose roots have `$recursiveAnchor: true`, rather than the outermost of all.
    let recursive: Bool
}
