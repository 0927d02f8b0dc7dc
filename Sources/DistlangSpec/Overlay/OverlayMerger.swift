import DistlangCore

/// Merges an environment overlay onto the base spec, value and source map together, following the
/// brief's rules: maps merge key by key, lists and scalars replace, `null` removes a key. Merged values
/// keep the positions of whichever layer they came from, so an error in the result points at the
/// line that caused it (in the base or in the overlay).
enum OverlayMerger {
    /// The merged value and its source node; nil when the overlay removes the value.
    static func merge(base: (Value, SourceNode), overlay: (Value, SourceNode)) -> (Value, SourceNode)? {
        let (overlayValue, overlayNode) = overlay
        if overlayValue.isNull { return nil }
        guard case .object(let baseObject) = base.0, case .object(let overlayObject) = overlayValue else {
            return overlay
        }
        var keys = baseObject.keys
        var values = baseObject.values
        var nodes = base.1.children
        for (i, (key, value)) in overlayObject.entries.enumerated() {
            let childNode = overlayNode.children.indices.contains(i) ? overlayNode.children[i] : overlayNode
            if let at = keys.firstIndex(of: key) {
                if let merged = merge(base: (values[at], nodes[at]), overlay: (value, childNode)) {
                    var node = merged.1
                    node.keySpan = merged.1.keySpan ?? nodes[at].keySpan
                    values[at] = merged.0
                    nodes[at] = node
                } else {
                    keys.remove(at: at)
                    values.remove(at: at)
                    nodes.remove(at: at)
                }
            } else if !value.isNull {
                keys.append(key)
                values.append(value)
                nodes.append(childNode)
            }
        }
        return (.object(JSONObject(uniqueKeys: keys, values: values)), base.1.replacingMembers(children: nodes, keys: keys))
    }
}
