import DistlangCore

/// One step into a value: an object member or a list element.
public enum PathStep: Sendable, Equatable, Hashable {
    case key(String)
    /// An element of a list of objects, matched by identity: `Sid=Logs`, `name=UPLOADS`.
    case element(String)
    /// An element of a list whose elements have no identity, by position.
    case index(Int)
    /// An element of a list of plain values (strings, numbers): the value is the change.
    case member
}

/// One value that is added, removed or changed, at a path into a resource's attributes or a model
/// element (`MemorySize`, `Policies[PolicyName=access].PolicyDocument.Statement[Sid=Logs]`).
public struct FieldChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed }
    public var steps: [PathStep]
    public var old: Value?
    public var new: Value?
    public var kind: Kind

    public init(steps: [PathStep], old: Value?, new: Value?) {
        self.steps = steps
        self.old = old
        self.new = new
        kind = old == nil ? .added : new == nil ? .removed : .changed
    }

    /// The path as text: keys joined with `.`, elements in brackets (`statement[sid=Logs].actions`).
    /// A member of a plain list has its list's path (the value says which member).
    public var path: String { Self.path(steps) }

    static func path<S: Sequence>(_ steps: S) -> String where S.Element == PathStep {
        var out = ""
        for step in steps {
            switch step {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .element(let label): out += "[\(label)]"
            case .index(let i): out += "[\(i)]"
            case .member: break
            }
        }
        return out
    }
}

/// Differences between two values, element by element: objects key by key in any key order, lists
/// of objects matched by an identity key (`ListDiff`), lists of plain values member by member. A
/// CloudFormation intrinsic function (`{"Ref": ...}`, `{"Fn::GetAtt": ...}`) is one value: a
/// reference that changes is shown whole, not as the pieces of its spelling.
enum AttributeDiff {
    static func changes(_ old: Value?, _ new: Value?, at steps: [PathStep] = []) -> [FieldChange] {
        if old == new { return [] }
        switch (old, new) {
        case (.object(let a)?, .object(let b)?) where !isIntrinsic(a) && !isIntrinsic(b):
            var keys = Set(a.keys)
            keys.formUnion(b.keys)
            return keys.sorted(by: Self.byteOrder).flatMap { changes(a[$0], b[$0], at: steps + [.key($0)]) }
        case (.array(let a)?, .array(let b)?):
            return ListDiff.changes(a, b, at: steps)
        default:
            return [FieldChange(steps: steps, old: old, new: new)]
        }
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// `{"Ref": ...}`, `{"Fn::...": ...}`, `{"Condition": ...}`: one key naming a function.
    static func isIntrinsic(_ o: JSONObject) -> Bool {
        o.count == 1 && (o.keys[0] == "Ref" || o.keys[0] == "Condition" || o.keys[0].hasPrefix("Fn::"))
    }
}
