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
        var addedInOrder = renames.isEmpty ? [] : added.sorted()
        for key in renames.isEmpty ? [] : removed.sorted() {
            let r = before[key]!
            guard let source = r.source, source.kind == .resource, let newName = renames[source.name] else { continue }
            guard let match = addedInOrder.first(where: { k in
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
            addedInOrder.removeAll { $0 == match }
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
        return ordered(out)
    }

    /// Changes sorted by (target, format, type, logical name). A first build of a large app has
    /// some 200,000 changes in a few dozen (target, format, type) groups: the groups are sorted, then
    /// each by logical name, comparing one string instead of four.
    static func ordered(_ changes: [ResourceChange]) -> [ResourceChange] {
        struct Group: Hashable { var target: String, format: String, type: String }
        var members: [Group: [Int]] = [:]
        for (i, c) in changes.enumerated() { members[Group(target: c.target.rawValue, format: c.format, type: c.type), default: []].append(i) }
        var out: [ResourceChange] = []
        out.reserveCapacity(changes.count)
        for group in members.keys.sorted(by: { ($0.target, $0.format, $0.type) < ($1.target, $1.format, $1.type) }) {
            let indices = members[group]!
            let names = indices.map { changes[$0].logicalName }
            let order = names.indices.sorted { a, b in
                if names[a] < names[b] { return true }
                if names[b] < names[a] { return false }
                return a < b
            }
            for i in order { out.append(changes[indices[i]]) }
        }
        return out
    }
}
