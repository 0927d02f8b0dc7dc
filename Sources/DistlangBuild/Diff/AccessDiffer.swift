import DistlangCore
import DistlangModel

/// Per function, the access it gains or loses ("api: + write on bucket uploads").
struct AccessDiffer {
    let actions: (ResourceKind, String) -> [String]

    func changes(old: Value?, new: Value?) -> [AccessChange] {
        let kinds = resourceKinds(new).merging(resourceKinds(old)) { a, _ in a }
        let before = accesses(old), after = accesses(new)
        var out: [AccessChange] = []
        for key in Set(before.keys).union(after.keys).sorted(by: { ($0.function, $0.resource) < ($1.function, $1.resource) }) {
            let a = before[key] ?? [], b = after[key] ?? []
            let gained = b.subtracting(a).sorted(), lost = a.subtracting(b).sorted()
            guard !gained.isEmpty || !lost.isEmpty else { continue }
            let kind = kinds[key.resource].flatMap(ResourceKind.init(rawValue:))
            out.append(AccessChange(
                function: key.function, resource: key.resource, resourceKind: kinds[key.resource] ?? "resource", added: gained, removed: lost,
                actionsAdded: kind.map { k in actionsFor(k, gained) } ?? [], actionsRemoved: kind.map { k in actionsFor(k, lost) } ?? []))
        }
        return out
    }

    /// (function, resource) -> access words: `read`, `write`, `send`, `consume`.
    private func accesses(_ model: Value?) -> [Pair: Set<String>] {
        var out: [Pair: Set<String>] = [:]
        for f in model?["functions"]?.arrayValue ?? [] {
            guard let name = f["name"]?.stringValue else { continue }
            for (resource, access) in f["uses"]?.objectValue?.entries.map({ ($0, $1) }) ?? [] {
                switch access.stringValue {
                case "readwrite": out[Pair(name, resource), default: []].formUnion(["read", "write"])
                case let a?: out[Pair(name, resource), default: []].insert(a)
                default: break
                }
            }
            if let queue = f["consumes"]?["queue"]?.stringValue { out[Pair(name, queue), default: []].insert("consume") }
        }
        return out
    }

    private func resourceKinds(_ model: Value?) -> [String: String] {
        var out: [String: String] = [:]
        for r in model?["resources"]?.arrayValue ?? [] {
            if let n = r["name"]?.stringValue, let t = r["type"]?.stringValue { out[n] = t }
        }
        return out
    }

    private func actionsFor(_ kind: ResourceKind, _ words: [String]) -> [String] {
        var result: [String] = []
        for w in words {
            for a in actions(kind, w) where !result.contains(a) { result.append(a) }
        }
        return result
    }
}

/// A (function, resource) pair as a dictionary key.
struct Pair: Hashable {
    let function: String
    let resource: String

    init(_ function: String, _ resource: String) {
        self.function = function
        self.resource = resource
    }
}
