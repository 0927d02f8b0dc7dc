/// The files a spec references (function sources, migrations), by path relative to the spec's
/// folder with `/` separators. A build reads them through this, never from the disk directly, so
/// that `distlang diff --against-git REF` can build the spec as committed in REF from git's
/// objects (the referenced files as committed there too), without a checkout.
public protocol SpecFiles: Sendable {
    /// The file's bytes; nil when there is no such file.
    func contents(of path: String) -> [UInt8]?
    /// The files under `folder`, recursively, relative to the spec's folder, sorted.
    func files(under folder: String) -> [String]
}
