import DistlangCore
import DistlangModel

/// The previous build `distlang diff` compares with, and where it came from. The only baseline
/// that may be missing is the implicit one (the output folder next to the spec, before a first
/// build); any other that cannot be had is a `BaselineError` (exit code 2), never an empty diff.
public struct Baseline: Sendable {
    /// Nil only for `Origin.firstBuild`.
    public var manifest: Manifest?
    public var origin: Origin

    public init(manifest: Manifest?, origin: Origin) {
        self.manifest = manifest
        self.origin = origin
    }

    public enum Origin: Sendable, Equatable {
        /// A build's output folder: the default next to the spec (`implicit`), or `--against DIR`.
        case directory(path: String, implicit: Bool)
        /// The manifest committed in a git revision.
        case gitManifest(revision: String, commit: String, path: String)
        /// No manifest committed in the revision: its spec, built from git's objects by this distlang.
        case gitSpec(revision: String, commit: String, spec: String, toolVersion: String)
        /// The implicit output folder has no manifest yet.
        case firstBuild(path: String)

        /// `directory`, `git-manifest`, `git-spec` or `none` (the JSON report's `baseline.kind`).
        public var kind: String {
            switch self {
            case .directory: return "directory"
            case .gitManifest: return "git-manifest"
            case .gitSpec: return "git-spec"
            case .firstBuild: return "none"
            }
        }

        /// The folder, manifest or spec it was read from, as the user named it.
        public var path: String {
            switch self {
            case .directory(let p, _), .gitManifest(_, _, let p), .gitSpec(_, _, let p, _), .firstBuild(let p): return p
            }
        }

        public var revision: String? {
            switch self {
            case .gitManifest(let r, _, _), .gitSpec(let r, _, _, _): return r
            default: return nil
            }
        }

        public var commit: String? {
            switch self {
            case .gitManifest(_, let c, _), .gitSpec(_, let c, _, _): return c
            default: return nil
            }
        }

        /// What the diff is against, for report headers: "the previous build in dist".
        public var sentence: String {
            switch self {
            case .directory(let p, let implicit):
                return "\(implicit ? "the previous build" : "the build") in \(p) (\(joinPath(p, Manifest.fileName)))"
            case .gitManifest(let r, let c, let p):
                return "the build committed at \(r) (\(c.prefix(12))): \(p)"
            case .gitSpec(let r, let c, let s, let v):
                return "the spec at \(r) (\(c.prefix(12))): \(s), built with distlang \(v) from git's objects (no manifest committed there)"
            case .firstBuild(let p):
                return "nothing: no previous build in \(p) (first build)"
            }
        }
    }
}

/// A baseline that cannot be had: what was looked for and how to fix it (exit code 2).
public struct BaselineError: Error, CustomStringConvertible {
    public var message: String
    public var lookedFor: [String]
    public var hint: String?
    /// The spec at a revision that does not build, with its diagnostics and text (for source lines).
    public var diagnostics: [Diagnostic] = []
    public var source: (file: String, text: String)?

    public init(_ message: String, lookedFor: [String] = [], hint: String? = nil) {
        self.message = message
        self.lookedFor = lookedFor
        self.hint = hint
    }

    /// The message, what was looked for and the hint, one per line.
    public var description: String {
        var out = message
        if !lookedFor.isEmpty { out += "\n  = looked for: " + lookedFor.joined(separator: ", ") }
        if let hint { out += "\n  = hint: " + hint }
        return out
    }
}
