import DistlangCore

/// What a function's code is, for the manifest and `distlang diff`: each file it ships (the user's
/// modules relative to the spec's folder, each `node_modules/<package>` as one entry) with its
/// SHA-256, and a digest of them all. The same in every environment that runs the same source.
public struct FunctionCode: Sendable, Equatable {
    public var function: String
    /// Sorted by path.
    public var files: [(path: String, sha256: String)]

    public init(function: String, files: [(path: String, sha256: String)]) {
        self.function = function
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// SHA-256 over `path NUL sha256 LF` of every file in order.
    public var sha256: String {
        var text = ""
        for file in files { text += file.path + "\u{0}" + file.sha256 + "\n" }
        return SHA256.hex(text)
    }

    public static func == (a: FunctionCode, b: FunctionCode) -> Bool {
        a.function == b.function && a.files.map(\.path) == b.files.map(\.path) && a.files.map(\.sha256) == b.files.map(\.sha256)
    }
}
