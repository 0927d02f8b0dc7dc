import DistlangCore
import DistlangModel

/// Resource-by-resource changes of one environment, across targets and formats.
enum ResourceDiffer {
    /// `renames` maps old resource names to new ones (from the model), so a renamed resource's outputs
    /// read as one replacement rather than an unrelated removal and addition.
    static func changes(old: [EmittedResource], new: [EmittedResource], renames: [String: String]) -> [ResourceChange] {
        var before: [ResourceKey: EmittedResource] = [:]
        for r in old { before[ResourceKey(r)] = r }
        var after: [ResourceKey: EmittedResource] = [:]
        for r in new { after[ResourceKey(r)] = r }
        var out: [ResourceChange] = []
        var removed = before.keys.filter { after[$0] == nil }
        var added = after.keys.filter { before[$0] == nil }

        // Pair the outputs of renamed model elements.
        for key in removed.sorted() {
            let r = before[key]!
            guard let source = r.source, source.kind == .resource, let newName = renames[source.name] else { continue }
            guard let match = added.sorted().first(where: { k in
                let a = after[k]!
                return a.target == r.target && a.format == r.format && a.type == r.type && a.source == ModelElement(.resource, newName)
            }) else { continue }
            let a = after[match]!
            out.append(ResourceChange(
                kind: .replaced, target: a.target, format: a.format, type: a.type, logicalName: a.logicalName,
                oldLogicalName: r.logicalName, physicalName: a.physicalName, oldPhysicalName: r.physicalName,
                attributes: ValueDiff.fields(.object(r.attributes), .object(a.attributes)), isDataLoss: r.isStateful))
            removed.removeAll { $0 == key }
            added.removeAll { $0 == match }
        }
        for key in removed {
            let r = before[key]!
            out.append(ResourceChange(
                kind: .removed, target: r.target, format: r.format, type: r.type, logicalName: r.logicalName,
                physicalName: r.physicalName, attributes: [], isDataLoss: r.isStateful))
        }
        for key in added {
            let a = after[key]!
            out.append(ResourceChange(
                kind: .added, target: a.target, format: a.format, type: a.type, logicalName: a.logicalName,
                physicalName: a.physicalName, attributes: [], isDataLoss: false))
        }
        for (key, a) in after {
            guard let r = before[key] else { continue }
            var fields = ValueDiff.fields(.object(r.attributes), .object(a.attributes))
            if r.physicalName != a.physicalName {
                fields.insert(FieldChange(path: "(physical name)", old: r.physicalName.map(Value.string), new: a.physicalName.map(Value.string)), at: 0)
            }
            guard !fields.isEmpty else { continue }
            let replacing = r.physicalName != a.physicalName || fields.contains { f in
                a.replacingAttributes.contains { f.path == $0 || f.path.hasPrefix($0 + ".") }
            }
            out.append(ResourceChange(
                kind: replacing ? .replaced : .changed, target: a.target, format: a.format, type: a.type, logicalName: a.logicalName,
                physicalName: a.physicalName, oldPhysicalName: r.physicalName, attributes: fields,
                isDataLoss: replacing && (r.isStateful || a.isStateful)))
        }
        return out.sorted { ($0.target.rawValue, $0.format, $0.type, $0.logicalName) < ($1.target.rawValue, $1.format, $1.type, $1.logicalName) }
    }
}
