import DistlangCore

/// YAML merge keys (`<<: *base` or `<<: [*a, *b]`): the named mappings' members are added where
/// the `<<` appears, unless the mapping sets the key itself; earlier sources win over later ones.
enum MergeKeys {
    /// Records the value of a `<<` key; it must be a mapping or a list of mappings.
    static func record(
        _ value: Value, _ node: SourceNode, in mapping: MappingFrame, file: String, keySpan: SourceSpan,
        diagnostics: inout [Diagnostic]
    ) -> Bool {
        var sources: [(JSONObject, SourceNode)] = []
        switch value {
        case .object(let o):
            sources.append((o, node))
        case .array(let items):
            for (i, item) in items.enumerated() {
                guard case .object(let o) = item else {
                    diagnostics.append(invalid(file, node.children[i].span))
                    return false
                }
                sources.append((o, node.children[i]))
            }
        default:
            diagnostics.append(invalid(file, node.span))
            return false
        }
        if mapping.mergeInsertionIndex == nil { mapping.mergeInsertionIndex = mapping.object.count }
        mapping.mergeSources.append(contentsOf: sources.map { (object: $0.0, node: $0.1) })
        return true
    }

    /// The mapping's final members: its own keys, with merged keys inserted where `<<` appeared.
    static func apply(_ frame: MappingFrame) -> (JSONObject, [SourceNode], [String]) {
        let own = frame.object
        guard let insertAt = frame.mergeInsertionIndex else { return (own, frame.nodes, own.keys) }
        var merged: [(String, Value, SourceNode)] = []
        var seen = Set(own.keys)
        for source in frame.mergeSources {
            for (i, (k, v)) in source.object.entries.enumerated() where !seen.contains(k) {
                seen.insert(k)
                let childIndex = source.node.keys.lastIndex(of: k) ?? i
                let child = childIndex < source.node.children.count ? source.node.children[childIndex] : source.node
                merged.append((k, v, child))
            }
        }
        var object = JSONObject()
        var nodes: [SourceNode] = []
        func add(_ k: String, _ v: Value, _ n: SourceNode) {
            object.appendUnchecked(k, v)
            nodes.append(n)
        }
        let ownEntries = Array(own.entries)
        for i in 0..<insertAt { add(ownEntries[i].0, ownEntries[i].1, frame.nodes[i]) }
        for (k, v, n) in merged { add(k, v, n) }
        for i in insertAt..<ownEntries.count { add(ownEntries[i].0, ownEntries[i].1, frame.nodes[i]) }
        return (object, nodes, object.keys)
    }

    private static func invalid(_ file: String, _ span: SourceSpan) -> Diagnostic {
        .error(
            "yaml.invalid-merge", "the value of a merge key (<<) must be a mapping or a list of mappings",
            at: SourceLocation(file: file, span: span))
    }
}
