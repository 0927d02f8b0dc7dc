import DistlangCore
import DistlangModel

/// One environment's complete spec: the base with that environment's overlay merged in.
struct EnvironmentDocument {
    var name: String
    var document: Document
    /// Where the overlay is written (nil for the implicit `default` environment), to tell for each
    /// value whether it came from the base or the overlay.
    var overlaySpan: SourceSpan?
    /// The overlay itself (null for `default`).
    var overlay: Value = .null
}

/// Splits a spec into its environments: `default` when there is no `environments` map, otherwise one
/// per named overlay, sorted by name.
enum EnvironmentExpander {
    static func expand(_ spec: Document) -> [EnvironmentDocument] {
        guard case .object(let root) = spec.value else { return [] }
        let base = removingEnvironments(spec)
        guard case .object(let overlays)? = root["environments"], !overlays.isEmpty,
            let overlaysNode = spec.sourceMap.root.child("environments")
        else {
            return [EnvironmentDocument(name: AppModel.defaultEnvironment, document: base, overlaySpan: nil)]
        }
        var result: [EnvironmentDocument] = []
        for (name, overlay) in overlays.entries {
            guard let overlayNode = overlaysNode.child(name) else { continue }
            let mergeInput: Value = overlay.isNull ? .object(JSONObject()) : overlay
            let merged = OverlayMerger.merge(base: (base.value, base.sourceMap.root), overlay: (mergeInput, overlayNode))
                ?? (base.value, base.sourceMap.root)
            result.append(EnvironmentDocument(
                name: name, document: Document(value: merged.0, sourceMap: SourceMap(file: spec.file, root: merged.1)),
                overlaySpan: overlayNode.span, overlay: overlay))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The spec without its `environments` key.
    static func removingEnvironments(_ spec: Document) -> Document {
        guard case .object(var root) = spec.value, root.contains("environments") else { return spec }
        root["environments"] = nil
        var node = spec.sourceMap.root
        if let i = node.keys.firstIndex(of: "environments") {
            var keys = node.keys, children = node.children
            keys.remove(at: i)
            children.remove(at: i)
            node = node.replacingMembers(children: children, keys: keys)
        }
        return Document(value: .object(root), sourceMap: SourceMap(file: spec.file, root: node))
    }
}
