import DistlangCore
import DistlangModel

/// The model-level summary: functions and resources added, removed, renamed or changed field by field.
struct ModelDiffer {
    let old: Value
    let new: Value
    /// Resources renamed (old name -> new name), so their target resources read as replacements.
    private(set) var renamedResources: [String: String] = [:]

    init(old: Value, new: Value) {
        self.old = old
        self.new = new
    }

    /// Fields that describe where a thing lives or how code sees it, not what it is (a rename changes them).
    private static let identityFields: Set<String> = ["name", "binding", "physical_names", "dead_letter_names"]

    mutating func changes() -> [ModelChange] {
        var out: [ModelChange] = []
        out += elements(.function, key: "functions")
        out += elements(.resource, key: "resources")
        let targetChanges = AttributeDiff.changes(old["targets"], new["targets"], at: [.key("targets")])
        if !targetChanges.isEmpty {
            out.append(ModelChange(element: ModelElement(.resource, "targets"), kind: .changed, fields: targetChanges))
        }
        return out
    }

    private mutating func elements(_ kind: ModelElement.Kind, key: String) -> [ModelChange] {
        let before = byName(old[key]), after = byName(new[key])
        var out: [ModelChange] = []
        var removed = before.keys.filter { after[$0] == nil }.sorted()
        var added = after.keys.filter { before[$0] == nil }.sorted()
        if kind == .resource {
            // A removed and an added resource that are the same apart from their name: a rename.
            for oldName in removed {
                guard let newName = added.first(where: { Self.sameApartFromName(before[oldName]!, after[$0]!) }) else { continue }
                renamedResources[oldName] = newName
                out.append(ModelChange(element: ModelElement(kind, newName), kind: .renamed, oldName: oldName, fields: []))
                added.removeAll { $0 == newName }
                removed.removeAll { $0 == oldName }
            }
        }
        for name in removed { out.append(ModelChange(element: ModelElement(kind, name), kind: .removed, fields: [])) }
        for name in added { out.append(ModelChange(element: ModelElement(kind, name), kind: .added, fields: [])) }
        for name in before.keys.sorted() {
            guard let a = before[name], let b = after[name] else { continue }
            // Access is reported on its own (AccessDiffer).
            let fields = AttributeDiff.changes(strip(a, ["uses"]), strip(b, ["uses"])).filter { $0.path != "name" }
            if !fields.isEmpty { out.append(ModelChange(element: ModelElement(kind, name), kind: .changed, fields: fields)) }
        }
        return out
    }

    private func byName(_ v: Value?) -> [String: Value] {
        var out: [String: Value] = [:]
        for item in v?.arrayValue ?? [] { if let n = item["name"]?.stringValue { out[n] = item } }
        return out
    }

    private func strip(_ v: Value, _ keys: [String]) -> Value {
        guard case .object(var o) = v else { return v }
        for k in keys { o[k] = nil }
        return .object(o)
    }

    private static func sameApartFromName(_ a: Value, _ b: Value) -> Bool {
        guard case .object(var x) = a, case .object(var y) = b else { return false }
        for k in identityFields {
            x[k] = nil
            y[k] = nil
        }
        return x == y
    }
}
