import DistlangModel

/// Builds the plan of one deploy from an environment's model, without running anything: which
/// commands, in which order, in which folders, with which variables (docs/deploy.md).
public struct DeployPlanner {
    /// The names of the variables set in the environment `distlang deploy` runs in (secret values
    /// are read from it when a step runs, never here).
    public var environmentNames: Set<String>

    public init(environmentNames: Set<String>) {
        self.environmentNames = environmentNames
    }

    public func plan(_ model: AppModel, _ request: DeployRequest) throws -> DeployPlan {
        guard model.targets.kinds.contains(request.target) else {
            throw DeployPlanError("environment \(model.environment) does not build for \(request.target.rawValue) (its targets: \(model.targets.kinds.map(\.rawValue).joined(separator: ", ")))")
        }
        let formats = model.targets.outputs(request.target)
        guard request.target.outputFormats.contains(request.via.format) else {
            let allowed = request.target.outputFormats.map(\.rawValue).joined(separator: " or ")
            throw DeployPlanError("\(request.target.rawValue) is deployed --via \(allowed), not \(request.via.rawValue)")
        }
        guard formats.contains(request.via.format) else {
            throw DeployPlanError(
                "targets.\(request.target.rawValue).outputs does not build \(request.via.rawValue) in environment \(model.environment): deploy --via \(formats.sorted().map(\.rawValue).joined(separator: " or ")), or add \(request.via.rawValue) to outputs")
        }
        let summary = DeployRequest.Summary(
            app: model.app, environment: model.environment, target: request.target.rawValue, via: request.via.rawValue)
        switch (request.target, request.via) {
        case (.aws, .cloudformation):
            return try CloudFormationDeploy(model: model, request: request, environmentNames: environmentNames).plan(summary)
        case (.aws, _):
            return AWSTerraformDeploy(model: model, request: request, environmentNames: environmentNames).plan(summary)
        case (.cloudflare, .terraform):
            return try CloudflareTerraformDeploy(model: model, request: request, environmentNames: environmentNames).plan(summary)
        case (.cloudflare, _):
            return try WranglerDeploy(model: model, request: request, environmentNames: environmentNames).plan(summary)
        }
    }
}

/// `--env` as wrangler takes it: none for the default environment.
func wranglerEnvironmentFlag(_ model: AppModel) -> [DeployArgument] {
    model.isDefaultEnvironment ? [] : ["--env", .text(model.environment)]
}

/// The variables a deploy needs from the environment that are not set, as an error (nil: all set).
func missingVariables(_ names: [String], in environment: Set<String>, for purpose: String) -> DeployPlanError? {
    let missing = names.filter { !environment.contains($0) }
    guard !missing.isEmpty else { return nil }
    let list = missing.joined(separator: ", ")
    return DeployPlanError(
        "\(missing.count == 1 ? "the environment variable" : "the environment variables") \(list) \(missing.count == 1 ? "is" : "are") not set: \(purpose) (values are read from the environment, never from the spec); set \(missing.count == 1 ? "it" : "them") and deploy again")
}
