/// Where the build's files are, relative to its output folder (`dist/`): the same layout the
/// emitters write (README "Build"; a test builds every example and finds each path a plan names).
public enum DeployLayout {
    public static func cloudFormationTemplate(environment: String) -> String { "aws/cloudformation/\(environment).yaml" }

    /// Where `aws cloudformation package` writes the template that names the uploaded code, beside
    /// the template (the folder exists: the AWS CLI does not create one). Not a build output: the
    /// build never writes or removes it.
    public static func packagedTemplate(environment: String) -> String { "aws/cloudformation/\(environment).packaged.yaml" }

    public static func awsTerraformRoot(environment: String) -> String { "aws/terraform/\(environment)" }

    public static func cloudflareTerraformRoot(environment: String) -> String { "cloudflare/terraform/\(environment)" }

    /// The one-file Worker Cloudflare's Terraform uploads (the build makes it with esbuild).
    public static func workerBundle(environment: String, function: String) -> String { "cloudflare/bundle/\(environment)/\(function).mjs" }

    /// The folder of a function's wrangler.toml.
    public static func wranglerFolder(function: String) -> String { "cloudflare/wrangler/\(function)" }

    /// Where wrangler's account-level commands run (creating queues, KV namespaces, D1 databases):
    /// a folder with no wrangler.toml in it or above it inside the build, so that wrangler names a
    /// KV namespace exactly as asked (wrangler 3 prefixes the Worker name of a config it finds).
    public static let wranglerAccountFolder = "cloudflare"
}
