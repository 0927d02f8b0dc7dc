import DistlangCore

/// YAML merge keys (`<<: *base` or `<<: [*a, *b]`): the named mappings' members are added where
/// the `<<` appears, unless the mapping sets the key itself; earlier sources win over later ones.
enum MergeKeys {
    /// Records the value of a `<<` key; it must be a mapping or a list of mappings.
    static func record(
        _ value: Value, _ node: SourceNode, in mapping: ContainerFrame, file: String, diagnostics: inout [Diagnostic]
    ) -> Bool {
        var sources: [(object: JSONObject, node: SourceNode)] = []
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
        if mapping.mergeInsertionIndex == nil { mapping.mergeInsertionIndex = mapping.keys.count }
        mapping.mergeSources.append(contentsOf: sources)
        return true
    }

    /// The mapping's final members (keys, values, source nodes): its own keys, with merged keys
    /// inserted where `<<` appeared.
    static func apply(_ frame: ContainerFrame) -> ([String], [Value], [SourceNode]) {
        guard let insertAt = frame.mergeInsertionIndex else {
            return (Array(frame.keys), Array(frame.items), Array(frame.nodes))
        }
        var keys = Array(frame.keys[..<insertAt])
        var values = Array(frame.items[..<insertAt])
        var nodes = Array(frame.nodes[..<insertAt])
        var seen = Set(frame.keys)
        for source in frame.mergeSources {
            for (i, (k, v)) in source.object.entries.enumerated() where !seen.contains(k) {
                seen.insert(k)
                let childIndex = source.node.keys.lastIndex(of: k) ?? i
                keys.append(k)
                values.append(v)
                nodes.append(childIndex < source.node.children.count ? source.node.children[childIndex] : source.node)
            }
        }
        keys += frame.keys[insertAt...]
        values += frame.items[insertAt...]
        nodes += frame.nodes[insertAt...]
        return (keys, values, nodes)
    }

    private static func invalid(_ file: String, _ span: SourceSpan) -> Diagnostic {
        .error(
            "yaml.invalid-merge", "the value of a merge key (<<) must be a mapping or a list of mappings",
            at: SourceLocation(file: file, span: span))
    }
}
