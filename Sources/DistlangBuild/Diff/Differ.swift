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
            let oldResources = previous?.resources.filter { $0.environment == env } ?? []
            let newResources = current.resources.filter { $0.environment == env }
            var resources = ResourceDiffer.changes(old: oldResources, new: newResources, renames: modelDiff.renamedResources)
            ComparisonKeys.assignSignatures(&resources, old: oldResources, new: newResources)
            result.append(EnvironmentDiff(name: env, status: status, model: model, access: access, resources: resources))
        }
        return BuildDiff(environments: result, code: CodeDiffer.changes(old: previous?.code, new: current.code))
    }
}
