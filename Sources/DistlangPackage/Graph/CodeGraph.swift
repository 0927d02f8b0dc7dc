import DistlangCore

/// Every file a function's code root needs, found from its entry module by reading import statements
/// (`CodeGraphBuilder`). `docs/packaging.md` has the rules.
public struct CodeGraph: Sendable, Equatable {
    /// The entry and every file it imports, directly or not, through relative static imports,
    /// re-exports and literal dynamic imports: paths relative to the root with `/` separators, sorted by
    /// their UTF-8 bytes. Modules (`.js`, `.mjs`, `.cjs`) are read for their imports; other files
    /// (`.json`, `.wasm`, `.txt`, `.ts`, …) are included as they are.
    public var files: [String]
    /// The `node_modules` packages imported by bare name, and the installed packages they depend on
    /// through their package.json `dependencies`, `optionalDependencies` and `peerDependencies`, each
    /// once, sorted by name. A code root holds each at `node_modules/<name>/`.
    public var packages: [PackageFolder]
    /// Errors and warnings, at the import's `file:line:col` (the file as `root/file`), sorted for output.
    public var diagnostics: [Diagnostic]

    public init(files: [String] = [], packages: [PackageFolder] = [], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.packages = packages
        self.diagnostics = diagnostics
    }
}

/// One installed package to copy whole into a code root.
public struct PackageFolder: Sendable, Equatable {
    /// The package's name: `lodash`, `@scope/pkg`.
    public var name: String
    /// Its folder as found walking up from the importing file: an absolute path ending in
    /// `node_modules/<name>`, possibly a symbolic link (copy what it points to).
    public var directory: String

    public init(name: String, directory: String) {
        self.name = name
        self.directory = directory
    }

    /// Where the package goes in a code root: `node_modules/<name>`.
    public var pathInCodeRoot: String { "node_modules/" + name }
}
