/// The programs a deploy runs, and how to install each one (a missing tool is a clear error).
public enum DeployTool: String, Sendable, CaseIterable, Comparable {
    case aws, terraform, wrangler

    public static func < (a: DeployTool, b: DeployTool) -> Bool { a.rawValue < b.rawValue }

    /// The executable's name on PATH.
    public var executable: String { rawValue }

    /// What to run to get the tool.
    public var installHint: String {
        switch self {
        case .aws: return "install the AWS CLI: `pip install awscli` (or AWS's own installer)"
        case .terraform:
            return "install Terraform from HashiCorp's apt repository (`apt-get install terraform` after adding apt.releases.hashicorp.com) or its release zip (releases.hashicorp.com/terraform)"
        case .wrangler: return "install wrangler: `npm install -g wrangler`"
        }
    }
}
