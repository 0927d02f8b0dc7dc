import DistlangCore
import DistlangModel

/// Resource-by-resource changes of one environment, across targets and formats.
enum ResourceDiffer {
    /// `renames` maps old resource names to new ones (from the model), so a renamed resource's outputs
    /// read as one replacement rather than an unrelated removal and addition. A removed and an added
    /// stateful resource of one type and format with the same physical name are paired too: the same
    /// store under a new name in the output.
    static func changes(old: [EmittedResource], new: [EmittedResource], renames: [String: String]) -> [ResourceChange] {
        var before: [ResourceKey: EmittedResource] = [:]
        for r in old { before[ResourceKey(r)] = r }
        var after: [ResourceKey: EmittedResource] = [:]
        for r in new { after[ResourceKey(r)] = r }
        var out: [ResourceChange] = []
        var removed = Set(before.keys.filter { after[$0] == nil })
        var added = Set(after.keys.filter { before[$0] == nil })

        for (oldKey, newKey) in pairs(removed: removed, added: added, before: before, after: after, renames: renames) {
            out.append(change(from: before[oldKey]!, to: after[newKey]!, renamed: true))
            removed.remove(oldKey)
            added.remove(newKey)
        }
        for key in removed { out.append(removal(before[key]!)) }
        for key in added {
            let a = after[key]!
            var c = ResourceChange(
                kind: .added, target: a.target, format: a.format, type: a.type, logicalName: a.logicalName,
                physicalName: a.physicalName, source: a.source)
            c.isStateful = a.isStateful
            out.append(c)
        }
        for (key, a) in after {
            // Most resources of a large build are unchanged: compare before building anything.
            guard let r = before[key], r.attributes != a.attributes || r.physicalName != a.physicalName else { continue }
            // Elements of a list in another order are no change.
            let c = change(from: r, to: a, renamed: false)
            if c.kind != .changed || !c.attributes.isEmpty { out.append(c) }
        }
        return ordered(out)
    }

    /// Removed and added resources that are one resource under a new logical name: the outputs of a
    /// renamed model resource, or a resource with the same physical name.
    private static func pairs(
        removed: Set<ResourceKey>, added: Set<ResourceKey>, before: [ResourceKey: EmittedResource],
        after: [ResourceKey: EmittedResource], renames: [String: String]
    ) -> [(ResourceKey, ResourceKey)] {
        guard !removed.isEmpty, !added.isEmpty else { return [] }
        struct Slot: Hashable { var format: String, type: String, target: TargetKind, identity: String }
        func slot(_ r: EmittedResource, identity: String) -> Slot { Slot(format: r.format, type: r.type, target: r.target, identity: identity) }
        var candidates: [Slot: [ResourceKey]] = [:]
        for key in added.sorted() {
            let a = after[key]!
            if let source = a.source, source.kind == .resource { candidates[slot(a, identity: "model " + source.name), default: []].append(key) }
            if let p = a.physicalName, a.isStateful { candidates[slot(a, identity: "physical " + p), default: []].append(key) }
        }
        var taken = Set<ResourceKey>()
        var out: [(ResourceKey, ResourceKey)] = []
        for key in removed.sorted() {
            let r = before[key]!
            var identities: [String] = []
            if let source = r.source, source.kind == .resource, let newName = renames[source.name] { identities.append("model " + newName) }
            if let p = r.physicalName, r.isStateful { identities.append("physical " + p) }
            for identity in identities {
                guard let match = candidates[slot(r, identity: identity)]?.first(where: { !taken.contains($0) }) else { continue }
                taken.insert(match)
                out.append((key, match))
                break
            }
        }
        return out
    }

    /// A resource in both builds: changed, or replaced when its logical name, physical name or a
    /// replacing attribute changes.
    private static func change(from r: EmittedResource, to a: EmittedResource, renamed: Bool) -> ResourceChange {
        let fields = AttributeDiff.changes(.object(r.attributes), .object(a.attributes))
        var reasons: [String] = []
        if renamed { reasons.append("logical name") }
        if r.physicalName != a.physicalName { reasons.append("physical name") }
        // A replacing attribute that only carries the new physical name is not a reason of its own.
        for attribute in a.replacingAttributes.sorted() where fields.contains(where: {
            $0.steps.first == .key(attribute) && !(r.physicalName != a.physicalName && $0.new == a.physicalName.map(Value.string))
        }) {
            reasons.append(attribute)
        }
        var c = ResourceChange(
            kind: reasons.isEmpty ? .changed : .replaced, target: a.target, format: a.format, type: a.type,
            logicalName: a.logicalName, oldLogicalName: renamed ? r.logicalName : nil, physicalName: a.physicalName,
            oldPhysicalName: r.physicalName, source: a.source, attributes: fields, replacedBecause: reasons)
        c.isStateful = r.isStateful || a.isStateful
        if !reasons.isEmpty && (r.isStateful || a.isStateful) {
            c.dataFate = .replaced
            c.hints = DataLossHints.replaced(old: r, new: a, renamed: renamed)
        }
        return c
    }

    private static func removal(_ r: EmittedResource) -> ResourceChange {
        var c = ResourceChange(
            kind: .removed, target: r.target, format: r.format, type: r.type, logicalName: r.logicalName,
            physicalName: r.physicalName, source: r.source)
        c.isStateful = r.isStateful
        if r.isStateful {
            c.dataFate = r.isRetained ? .orphaned : .deleted
            c.hints = DataLossHints.removed(r)
        }
        return c
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
