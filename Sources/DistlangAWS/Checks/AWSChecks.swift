import DistlangCore
import DistlangModel

/// Identifiers that must be unique in one output. The model-level rules are `AWSChecker`'s.
enum AWSChecks {
    /// Names that must be unique in one output but are not: each is an error naming the
    /// identifier (two model names that map onto the same logical ID or Terraform name).
    static func duplicates(_ names: [String], what: String, env: String) -> [Diagnostic] {
        var seen = Set<String>(), reported = Set<String>()
        var out: [Diagnostic] = []
        for name in names where !seen.insert(name).inserted && reported.insert(name).inserted {
            out.append(.error(
                "aws.duplicate-name",
                "environment \(env): two parts of the app map onto the same \(what) \(name); rename one of the functions, resources or secrets"))
        }
        return out
    }
}
