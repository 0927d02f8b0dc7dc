import DistlangCore

/// Which property names a compiled schema declares at a place, for did-you-mean hints.
///
/// The answer is static (it does not look at the instance): the `properties` of every schema that
/// can apply there through `$ref`, `$dynamicRef` (its static target), `allOf`, `anyOf`, `oneOf`,
/// `if`/`then`/`else` and `dependentSchemas`.
enum AllowedProperties {
    /// Every node that applies in place at the same instance location as `start`.
    static func closure(_ start: [NodeID], in program: SchemaProgram) -> [NodeID] {
        var seen = Set<NodeID>()
        var order: [NodeID] = []
        var stack = start.reversed() as [NodeID]
        while let n = stack.popLast() {
            guard seen.insert(n).inserted else { continue }
            order.append(n)
            var next: [NodeID] = []
            for k in program.nodes[Int(n)].keywords {
                switch k {
                case .ref(let t): next.append(t)
                case .dynamicRef(let d): next.append(d.target)
                case .allOf(let ids), .anyOf(let ids), .oneOf(let ids): next += ids
                case .ifThenElse(let r): next += [r.condition] + [r.then, r.otherwise].compactMap { $0 }
                case .dependentSchemas(let list): next += list.map(\.1)
                default: break
                }
            }
            stack += next.reversed()
        }
        return order
    }

    /// The names declared by `properties` in the closure of `nodes`, in schema order, without repeats.
    static func names(_ nodes: [NodeID], in program: SchemaProgram) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for n in closure(nodes, in: program) {
            for k in program.nodes[Int(n)].keywords {
                if case .properties(let table) = k {
                    for name in table.names where seen.insert(name).inserted { out.append(name) }
                }
            }
        }
        return out
    }

    /// The nodes that apply to the member or element `token` of a value validated by `nodes`.
    static func step(_ nodes: [NodeID], _ token: String, in program: SchemaProgram) -> [NodeID] {
        var out: [NodeID] = []
        let index = Int(token)
        for n in closure(nodes, in: program) {
            for k in program.nodes[Int(n)].keywords {
                switch k {
                case .properties(let table):
                    if let p = table.position(of: token) { out.append(table.nodes[p]) }
                case .patternProperties(let list):
                    for (pattern, node) in list where pattern.matches(token) { out.append(node) }
                case .additionalProperties(let rule):
                    if !rule.covers(token) { out.append(rule.node) }
                case .unevaluatedProperties(let node):
                    out.append(node)
                case .prefixItems(let ids):
                    if let index, index >= 0, index < ids.count { out.append(ids[index]) }
                case .items(let node, let from):
                    if let index, index >= from { out.append(node) }
                case .unevaluatedItems(let node):
                    if index != nil { out.append(node) }
                default:
                    break
                }
            }
        }
        return out
    }
}
