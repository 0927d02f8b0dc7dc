import DistlangCloudflare
import DistlangModel

/// The target emitters distlang ships.
public enum TargetEmitters {
    public static var all: [TargetEmitter] { [CloudflareEmitter()] }

    /// The AWS IAM actions behind an access (for `distlang diff`).
    public static func iamActions(_ kind: ResourceKind, _ access: Access) -> [String] { [] }
}
