import DistlangModel

/// One change as a report shows it: a resource change, together with the same change in the
/// provider's other output formats (`ComparisonKeys`), shown once.
struct ShownChange {
    /// One per format, in format order.
    var members: [ResourceChange]
    var first: ResourceChange { members[0] }
    var formats: [String] { members.map(\.format) }
    /// The member whose attribute changes are shown: Terraform's when it is one (the plainest
    /// spelling of references), otherwise the first.
    var detailed: ResourceChange { members.first { $0.format == "terraform" } ?? first }
}

/// A provider's changes that touch the same output formats: `aws (cloudformation, terraform)`.
struct ChangeGroup {
    var target: TargetKind
    var formats: [String]
    var changes: [ShownChange]

    var title: String { "\(target.rawValue) (\(formats.joined(separator: ", ")))" }
}

enum ChangeGroups {
    /// `verbose`: one group per format, each change on its own. Otherwise the same change in several
    /// formats of a provider is one, in a group naming those formats. Groups come by provider, those
    /// touching more formats first; changes in the order of the first format's resources.
    static func groups(_ changes: [ResourceChange], verbose: Bool) -> [ChangeGroup] {
        let shown = verbose ? changes.map { ShownChange(members: [$0]) } : merged(changes)
        var index: [String: Int] = [:]
        var out: [ChangeGroup] = []
        for change in shown {
            let key = "\(change.first.target.rawValue) \(change.formats.joined(separator: ","))"
            if let i = index[key] {
                out[i].changes.append(change)
            } else {
                index[key] = out.count
                out.append(ChangeGroup(target: change.first.target, formats: change.formats, changes: [change]))
            }
        }
        return out.sorted { a, b in
            if a.target != b.target { return a.target < b.target }
            if a.formats.count != b.formats.count { return a.formats.count > b.formats.count }
            return a.formats.lexicographicallyPrecedes(b.formats)
        }
    }

    /// Changes with the same comparison key, one per format, as one; the rest alone.
    private static func merged(_ changes: [ResourceChange]) -> [ShownChange] {
        var families: [String: String] = [:]
        let keys = changes.map { ComparisonKeys.key($0, families: &families) }
        var byKey: [String: [Int]] = [:]
        for (i, key) in keys.enumerated() { byKey[key, default: []].append(i) }
        var out: [ShownChange] = []
        var done = Set<Int>()
        for (i, c) in changes.enumerated() where !done.contains(i) {
            let same = byKey[keys[i]] ?? [i]
            let formats = same.map { changes[$0].format }
            if same.count > 1, Set(formats).count == same.count {
                let members = same.map { changes[$0] }.sorted { $0.format < $1.format }
                out.append(ShownChange(members: members))
                done.formUnion(same)
            } else {
                out.append(ShownChange(members: [c]))
                done.insert(i)
            }
        }
        // `changes` come sorted by (target, format, type, logical name), and a merged change comes
        // at its first member's place, whose format is the first: so in that order too.
        return out
    }
}
