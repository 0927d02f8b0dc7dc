import DistlangAWS
import DistlangCloudflare
import DistlangModel
import DistlangSpec
import Foundation

/// The targets distlang ships: their emitters, and their checkers for the spec compiler.
public enum TargetEmitters {
    public static var all: [TargetEmitter] { [CloudflareEmitter(), AWSEmitter()] }

    /// Every target's checker; `today` (`YYYY-MM-DD`) judges runtime lifecycles. `distlang deploy`
    /// does not require the ids of shared Cloudflare stores: it finds or creates them itself.
    public static func checkers(today: String = TargetEmitters.today, requiresSharedStoreIDs: Bool = true) -> [any TargetChecker] {
        [CloudflareChecker(requiresSharedStoreIDs: requiresSharedStoreIDs), AWSChecker(today: today)]
    }

    /// Today in UTC, or `DISTLANG_TODAY` when set (for reproducible runs and tests).
    public static var today: String {
        if let fixed = ProcessInfo.processInfo.environment["DISTLANG_TODAY"], !fixed.isEmpty { return fixed }
        let seconds = Int(Date().timeIntervalSince1970)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The AWS IAM actions behind an access word (`read`, `write`, `send`, `consume`), for `distlang diff`.
    public static func iamActions(_ kind: ResourceKind, _ word: String) -> [String] {
        if word == "consume" { return AWSPermissions.consumeQueue }
        guard let access = Access(rawValue: word) else { return [] }
        return AWSPermissions.actions(for: kind, access: access)
    }
}

extension SpecCompiler {
    /// The spec compiler with every shipped target's checker: what the CLI validates with.
    public static var shipped: SpecCompiler {
        var compiler = SpecCompiler()
        compiler.targetCheckers = TargetEmitters.checkers()
        return compiler
    }

    /// What `distlang deploy` and `distlang dev` compile with: the shipped checkers, except that a
    /// Cloudflare store several Workers share may lack its id in `targets.cloudflare.ids` (the
    /// wrangler deploy finds or creates it, the other deploy paths and `dev` do not read it).
    public static var withoutStoreIDRule: SpecCompiler {
        var compiler = SpecCompiler()
        compiler.targetCheckers = TargetEmitters.checkers(requiresSharedStoreIDs: false)
        return compiler
    }
}
