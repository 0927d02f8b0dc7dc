import DistlangCore

/// Lists compared element by element, as `terraform plan` shows them:
///
/// - plain values (actions, flags, crons, references): the members added and removed; the same
///   members in another order are one change of the whole list;
/// - objects with an identity (an IAM statement's `Sid`, a binding's `name`, a policy's
///   `PolicyName`, a route's `pattern` or `domain`, ...): matched by it, in any order; an element
///   whose identity changed but that keeps more than half of its other values is shown as that
///   element changed (the identity among its changes), the rest as added or removed;
/// - other lists: position by position when the lengths agree, otherwise the whole list.
enum ListDiff {
    /// Keys that name an element, tried in this order: an element's identity is the first of them
    /// it has as a string (`Sid=Logs`, `pattern=shop.example.com/*`, `domain=api.example.com`). A list
    /// is matched by identity when every element of both lists has one, unique within its list.
    static let identityKeys = [
        "Sid", "sid", "PolicyName", "name", "Name", "binding", "Key", "key", "pattern", "domain", "hostname", "Id", "id",
    ]

    static func changes(_ old: [Value], _ new: [Value], at steps: [PathStep]) -> [FieldChange] {
        if old.allSatisfy(isPlain) && new.allSatisfy(isPlain) { return members(old, new, at: steps) }
        if let oldIDs = identities(old), let newIDs = identities(new) { return byIdentity(old, oldIDs, new, newIDs, at: steps) }
        if old.count == new.count {
            return zip(old, new).enumerated().flatMap { i, pair in AttributeDiff.changes(pair.0, pair.1, at: steps + [.index(i)]) }
        }
        return [FieldChange(steps: steps, old: .array(old), new: .array(new))]
    }

    /// A scalar, or a CloudFormation intrinsic function (one value, see `AttributeDiff`).
    private static func isPlain(_ v: Value) -> Bool {
        switch v {
        case .array: return false
        case .object(let o): return AttributeDiff.isIntrinsic(o)
        default: return true
        }
    }

    /// Members removed (in the old order), then added (in the new order); counted, so a duplicate
    /// that goes away is a removal.
    private static func members(_ old: [Value], _ new: [Value], at steps: [PathStep]) -> [FieldChange] {
        let removed = unmatched(old, against: new), added = unmatched(new, against: old)
        if removed.isEmpty && added.isEmpty { return [FieldChange(steps: steps, old: .array(old), new: .array(new))] }
        return removed.map { FieldChange(steps: steps + [.member], old: $0, new: nil) }
            + added.map { FieldChange(steps: steps + [.member], old: nil, new: $0) }
    }

    /// The members of `list` that `other` does not have (as many times as `list` has them more).
    private static func unmatched(_ list: [Value], against other: [Value]) -> [Value] {
        let writer = JSONWriter(indent: 0)
        var available: [String: Int] = [:]
        for v in other { available[writer.string(v), default: 0] += 1 }
        return list.filter { v in
            let k = writer.string(v)
            guard let n = available[k], n > 0 else { return true }
            available[k] = n - 1
            return false
        }
    }

    /// Each element's identity (`key=value`), or nil when one has none or two share one.
    static func identities(_ list: [Value]) -> [String]? {
        var seen = Set<String>()
        var out: [String] = []
        for item in list {
            guard case .object(let o) = item,
                let key = identityKeys.first(where: { o[$0]?.stringValue != nil }),
                seen.insert("\(key)=\(o[key]!.stringValue!)").inserted
            else { return nil }
            out.append("\(key)=\(o[key]!.stringValue!)")
        }
        return out
    }

    private static func byIdentity(_ old: [Value], _ oldIDs: [String], _ new: [Value], _ newIDs: [String], at steps: [PathStep]) -> [FieldChange] {
        let newSet = Set(newIDs)
        let oldByID = Dictionary(zip(oldIDs, old), uniquingKeysWith: { a, _ in a })
        var removed = zip(oldIDs, old).filter { !newSet.contains($0.0) }
        var pairs: [String: Value] = [:]  // new identity -> the old element it continues
        for (id, candidate) in zip(newIDs, new) where oldByID[id] == nil {
            let key = String(id.prefix { $0 != "=" })
            guard let best = mostSimilar(to: candidate, in: removed.map(\.1), ignoring: key) else { continue }
            pairs[id] = removed[best].1
            removed.remove(at: best)
        }
        var out = removed.map { FieldChange(steps: steps + [.element($0.0)], old: $0.1, new: nil) }
        for (id, element) in zip(newIDs, new) {
            let step = PathStep.element(id)
            let before = oldByID[id] ?? pairs[id]
            out += before.map { AttributeDiff.changes($0, element, at: steps + [step]) }
                ?? [FieldChange(steps: steps + [step], old: nil, new: element)]
        }
        return out
    }

    /// The removed element sharing more than half of `element`'s values (identity aside), the one
    /// sharing most, the first on a tie.
    private static func mostSimilar(to element: Value, in candidates: [Value], ignoring key: String) -> Int? {
        guard case .object(let b) = element else { return nil }
        var best: (index: Int, score: Double)?
        for (i, candidate) in candidates.enumerated() {
            guard case .object(let a) = candidate else { continue }
            let keys = Set(a.keys).union(b.keys).subtracting([key])
            guard !keys.isEmpty else { continue }
            let same = keys.filter { a[$0] == b[$0] }.count
            let score = Double(same) / Double(keys.count)
            if score > 0.5, score > (best?.score ?? 0) { best = (i, score) }
        }
        return best?.index
    }
}
