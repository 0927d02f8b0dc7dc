import DistlangAWS
import DistlangCloudflare
import DistlangModel

/// The target emitters distlang ships.
public enum TargetEmitters {
    public static var all: [TargetEmitter] { [CloudflareEmitter(), AWSEmitter()] }

    /// The AWS IAM actions behind an access word (`read`, `write`, `send`, `consume`), for `distlang diff`.
    public static func iamActions(_ kind: ResourceKind, _ word: String) -> [String] {
        if word == "consume" { return AWSPermissions.consumeQueue }
        guard let access = Access(rawValue: word) else { return [] }
        return AWSPermissions.actions(for: kind, access: access)
    }
}
