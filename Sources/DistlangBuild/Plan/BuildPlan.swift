import DistlangCore
import DistlangModel

/// A build computed in memory, before anything is written: the files, the manifest describing them,
/// the notes for the summary, and any diagnostics that stop the build.
public struct BuildPlan: Sendable {
    /// Files to write (the manifest excluded), with their target.
    public var files: [(file: EmittedFile, target: TargetKind)]
    public var manifest: Manifest
    /// Which (target, environment) pairs this build covers; files of other pairs from an earlier
    /// build are kept as they are.
    public var scope: BuildScope
    public var notes: [TargetKind: [String]]
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// The targets and environments a build covers.
public struct BuildScope: Sendable, Equatable {
    public var targets: Set<TargetKind>
    public var environments: Set<String>

    /// Whether a file or resource of `target` in `environment` (nil: every environment) is covered.
    public func covers(target: TargetKind, environment: String?) -> Bool {
        targets.contains(target) && (environment.map { environments.contains($0) } ?? true)
    }
}
