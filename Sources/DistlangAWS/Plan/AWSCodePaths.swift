/// Where each function's code goes in the output folder, and how the templates reach it.
///
/// `aws/code/<function>/` is the Lambda code root (the generated `index.mjs`, the runtime under
/// `_distlang/runtime/`, the user's modules as they sit next to the spec, `package.json`), and
/// `aws/code/<function>.zip` the deterministic zip of it that CloudFormation's `Code` and
/// Terraform's `filename` name.
public enum AWSCodePaths {
    /// `aws/code/<function>`
    public static func root(_ function: String) -> String { "aws/code/\(function)" }

    /// `aws/code/<function>.zip`
    public static func zip(_ function: String) -> String { "aws/code/\(function).zip" }

    /// Folders between the output folder and a CloudFormation template (`aws/cloudformation`).
    static let cloudFormationFolder = 2
    /// ... and a Terraform root (`aws/terraform/<env>`).
    static let terraformFolder = 3

    /// The zip's path seen from a folder `depth` levels inside the output folder under `aws/`.
    static func zip(_ function: String, from depth: Int) -> String {
        String(repeating: "../", count: depth - 1) + "code/\(function).zip"
    }

    /// The Lambda handler of every function: the generated entry's export.
    static let handler = "index.handler"
}
