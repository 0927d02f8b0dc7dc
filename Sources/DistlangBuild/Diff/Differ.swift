import DistlangCore
import DistlangModel

/// Compares a previous manifest with the current build plan's manifest.
public struct Differ {
    /// The AWS IAM actions behind an access word (`read`, `write`, `send`, `consume`) on a kind of resource.
    public var actions: (ResourceKind, String) -> [String]

    public init(actions: @escaping (ResourceKind, String) -> [String] = { _, _ in [] }) {
        self.actions = actions
    }

    public func diff(previous: Manifest?, current: Manifest) -> BuildDiff {
        let envs = Set(current.models.keys).union(previous?.models.keys ?? [:].keys)
        var result: [EnvironmentDiff] = []
        for env in envs.sorted() {
            let old = previous?.models[env], new = current.models[env]
            let status: EnvironmentDiff.Status = old == nil ? .added : new == nil ? .removed : .present
            var modelDiff = ModelDiffer(old: old ?? .object(JSONObject()), new: new ?? .object(JSONObject()))
            let model = modelDiff.changes()
            let access = AccessDiffer(actions: actions).changes(old: old, new: new)
            let resources = ResourceDiffer.changes(
                old: previous?.resources.filter { $0.environment == env } ?? [],
                new: current.resources.filter { $0.environment == env },
                renames: modelDiff.renamedResources)
            result.append(EnvironmentDiff(name: env, status: status, model: model, access: access, resources: resources))
        }
        return BuildDiff(environments: result)
    }
}

/// Field-by-field differences between two values, as dotted paths.
enum ValueDiff {
    static func fields(_ old: Value?, _ new: Value?, path: String = "") -> [FieldChange] {
        if old == new { return [] }
        if case .object(let a)? = old, case .object(let b)? = new {
            var out: [FieldChange] = []
            var keys = a.keys
            for k in b.keys where !a.contains(k) { keys.append(k) }
            for k in keys { out += fields(a[k], b[k], path: path.isEmpty ? k : "\(path).\(k)") }
            return out
        }
        // Lists of the same length: element by element, so one changed statement reads as one change.
        if case .array(let a)? = old, case .array(let b)? = new, a.count == b.count {
            return zip(a, b).enumerated().flatMap { i, pair in fields(pair.0, pair.1, path: "\(path)[\(i)]") }
        }
        return [FieldChange(path: path, old: old, new: new)]
    }
}
