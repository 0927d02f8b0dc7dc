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

/// The targets and environments a build covers. Without `--env`/`--target` a build covers every
/// environment and target, including ones the spec no longer has (so their old files are removed).
public struct BuildScope: Sendable, Equatable {
    /// The targets built; `allTargets` when no `--target` was given.
    public var targets: Set<TargetKind>
    public var allTargets: Bool
    /// The environments built; `allEnvironments` when no `--env` was given.
    public var environments: Set<String>
    public var allEnvironments: Bool

    /// Whether a file or resource of `target` in `environment` (nil: every environment) is covered.
    public func covers(target: TargetKind, environment: String?) -> Bool {
        (allTargets || targets.contains(target)) && (allEnvironments || environment.map { environments.contains($0) } ?? true)
    }

    public func covers(environment: String) -> Bool { allEnvironments || environments.contains(environment) }
}
