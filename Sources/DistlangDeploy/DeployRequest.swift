import DistlangModel

/// How a target is deployed: the tool that reads the build's files.
public enum DeployVia: String, Sendable, CaseIterable {
    case cloudformation, terraform, wrangler

    /// The default for a target: CloudFormation for AWS, wrangler for Cloudflare.
    public static func `default`(for target: TargetKind) -> DeployVia {
        target == .aws ? .cloudformation : .wrangler
    }

    /// The output format the deploy reads (`targets.<provider>.outputs` must build it).
    public var format: OutputFormat {
        switch self {
        case .cloudformation: return .cloudformation
        case .terraform: return .terraform
        case .wrangler: return .wrangler
        }
    }
}

/// What `distlang deploy` was asked: one environment of one target, through one tool.
public struct DeployRequest: Sendable {
    public var environment: String
    public var target: TargetKind
    public var via: DeployVia
    /// `--code-bucket`: overrides `targets.aws.code_bucket` (CloudFormation only).
    public var codeBucket: String?
    /// `--yes`: `terraform apply -auto-approve` (otherwise Terraform asks).
    public var autoApprove: Bool

    public init(environment: String, target: TargetKind, via: DeployVia? = nil, codeBucket: String? = nil, autoApprove: Bool = false) {
        self.environment = environment
        self.target = target
        self.via = via ?? .default(for: target)
        self.codeBucket = codeBucket
        self.autoApprove = autoApprove
    }
}

/// A request the spec or the environment cannot satisfy, found before anything runs.
public struct DeployPlanError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
