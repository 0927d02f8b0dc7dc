import DistlangCore

/// The part of a merged environment that its overlay can have made invalid.
///
/// The base is validated in full. A merged environment differs from it only where the overlay wrote
/// something, and the spec schema checks each function and resource on its own, so it is enough to
/// validate the merged document cut down to the top-level keys the overlay touches, with `functions`
/// and `resources` cut down to the entries it touches. The required top-level keys stay (with one
/// function, when the overlay touched none), so the cut-down document is still checked as a whole
/// spec. Every value kept has its merged position, so errors point where they came from.
enum OverlayFocus {
    static let perEntryKeys: Set<String> = ["functions", "resources"]
    static let requiredKeys: Set<String> = ["distlang", "name", "functions", "targets"]

    static func document(merged: Document, overlay: Value) -> Document {
        guard case .object(let root) = merged.value, case .object(let touched) = overlay else { return merged }
        var keys: [String] = [], values: [Value] = [], nodes: [SourceNode] = []
        for (key, value) in root.entries {
            let isTouched = touched.contains(key)
            guard isTouched || requiredKeys.contains(key), let node = merged.sourceMap.root.child(key) else { continue }
            var kept = (value, node)
            if perEntryKeys.contains(key), case .object(let entries) = value, !entries.isEmpty {
                let named = isTouched ? touched[key]?.objectValue : JSONObject()
                if let named {
                    kept = subset(entries, node) { named.contains($0) }
                    if kept.0.objectValue?.isEmpty ?? true {
                        // Nothing left to check here: keep one entry so `minProperties` still holds.
                        let first = entries.keys[0]
                        kept = subset(entries, node) { $0 == first }
                    }
                }
            }
            keys.append(key)
            values.append(kept.0)
            nodes.append(kept.1)
        }
        let focused = merged.sourceMap.root.replacingMembers(children: nodes, keys: keys)
        return Document(value: .object(JSONObject(uniqueKeys: keys, values: values)), sourceMap: SourceMap(file: merged.file, root: focused))
    }

    private static func subset(_ entries: JSONObject, _ node: SourceNode, _ keep: (String) -> Bool) -> (Value, SourceNode) {
        var keys: [String] = [], values: [Value] = [], children: [SourceNode] = []
        for (name, entry) in entries.entries where keep(name) {
            guard let child = node.child(name) else { continue }
            keys.append(name)
            values.append(entry)
            children.append(child)
        }
        return (.object(JSONObject(uniqueKeys: keys, values: values)), node.replacingMembers(children: children, keys: keys))
    }
}
