import DistlangCore
import DistlangLoader
import DistlangModel

/// `distlang-manifest.json`: what a build wrote. The tool version, the spec's digest, each
/// environment's model (its stable JSON form), and per target the resources emitted and each file's
/// SHA-256. `distlang diff` compares against it; `distlang build` uses it to remove the files an
/// earlier build wrote and this one does not. Format documented in docs/manifest.md.
public struct Manifest: Sendable, Equatable {
    public static let fileName = "distlang-manifest.json"
    public static let formatVersion = 1

    /// How a previous build's manifest is read: distlang's own output, not a user's file, so past
    /// the 64 MiB input limit (a 10,000-function build writes a manifest of some 200 MB, and a
    /// limit there made the next build and `diff` unable to read it), and with the NUL characters
    /// a spec's strings may hold (`"\0"` in YAML), which it writes as `\u0000`.
    public static let loadOptions: LoadOptions = {
        var options = LoadOptions()
        options.maxInputBytes = 2_000_000_000
        options.maxStringBytes = 2_000_000_000
        options.allowsNULInJSONStrings = true
        return options
    }()

    public var toolVersion: String
    /// The spec file's name (no folder: outputs do not depend on where the spec is).
    public var specFile: String
    public var specSHA256: String
    /// Model JSON by environment name.
    public var models: [String: Value]
    public var resources: [EmittedResource]
    public var files: [FileEntry]
    /// Each function's code, sorted by function (empty when the build did not package code).
    public var code: [FunctionCode]

    /// A written file.
    public struct FileEntry: Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var target: TargetKind
        /// Nil for files that hold every environment (wrangler.toml).
        public var environment: String?

        public init(path: String, sha256: String, target: TargetKind, environment: String?) {
            self.path = path
            self.sha256 = sha256
            self.target = target
            self.environment = environment
        }
    }

    public init(
        toolVersion: String = DistlangTool.version, specFile: String, specSHA256: String, models: [String: Value],
        resources: [EmittedResource], files: [FileEntry], code: [FunctionCode] = []
    ) {
        self.toolVersion = toolVersion
        self.specFile = specFile
        self.specSHA256 = specSHA256
        self.models = models
        self.resources = resources
        self.files = files
        self.code = code.sorted { $0.function < $1.function }
    }

    /// The environments and targets present.
    public var environments: [String] { models.keys.sorted() }
}
