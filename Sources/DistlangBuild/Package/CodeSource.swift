import DistlangCore
import DistlangModel
import DistlangPackage

/// Where the package stage finds a function's code: the spec's folder on disk (the import graph with
/// node_modules packages: `CodeGraphBuilder`), or any other `SpecFiles` (a git revision for
/// `diff --against-git`: relative imports only, since installed packages are not committed).
protocol CodeSource: Sendable {
    /// The entry's files and packages, or why they cannot be found.
    func graph(entry: String) -> CodeGraph
    /// A file's bytes, by path relative to the spec's folder.
    func contents(of path: String) -> [UInt8]?
    /// A package folder's files: (path under the folder, bytes), sorted.
    func packageFiles(_ package: PackageFolder) -> [(path: String, bytes: [UInt8])]
    /// The spec's folder on disk, when there is one (esbuild needs it).
    var directory: String? { get }
    /// A TypeScript entry compiled into the module a code root holds (docs/typescript.md); nil where
    /// there is no folder to compile in.
    func compile(entry: String, output: String, target: String?) -> CompiledModule?
}

/// The spec's folder on disk.
struct DirectoryCodeSource: CodeSource {
    let files: DirectorySpecFiles
    var directory: String? { files.directory }

    func graph(entry: String) -> CodeGraph { CodeGraphBuilder.build(entry: entry, root: files.directory) }

    func compile(entry: String, output: String, target: String?) -> CompiledModule? {
        TypeScriptCompiler().compile(entry: entry, root: files.directory, output: output, target: target)
    }

    func contents(of path: String) -> [UInt8]? { files.contents(of: path) }

    func packageFiles(_ package: PackageFolder) -> [(path: String, bytes: [UInt8])] {
        FolderListing.regularFiles(under: package.directory).files.compactMap { path in
            DirectorySpecFiles(package.directory).contents(of: path).map { (path, $0) }
        }
    }
}

/// Any other source of the spec's files: follows relative static and literal dynamic imports of
/// `.js`/`.mjs`/`.cjs` modules; bare imports are not followed (packages are installed, not stored).
/// Used to build an old revision as a baseline, so a source missing there is a warning (that build
/// recorded no code for the function), not a reason to have no baseline.
struct SpecFilesCodeSource: CodeSource {
    let files: any SpecFiles
    var directory: String? { nil }

    func graph(entry: String) -> CodeGraph {
        guard files.contents(of: entry) != nil else {
            return CodeGraph(diagnostics: [.warning("package.source-missing", "the source file \(entry) does not exist")])
        }
        var found: Set<String> = [entry], queue = [entry]
        while let file = queue.popLast() {
            guard [".js", ".mjs", ".cjs"].contains(where: file.hasSuffix), let bytes = files.contents(of: file) else { continue }
            let folder = file.split(separator: "/").dropLast().joined(separator: "/")
            for reference in ImportScanner.scan(String(decoding: bytes, as: UTF8.self)).imports
            where reference.specifier.hasPrefix("./") || reference.specifier.hasPrefix("../") {
                let path = joinPath(folder, reference.specifier)
                guard !path.hasPrefix(".."), files.contents(of: path) != nil, found.insert(path).inserted else { continue }
                queue.append(path)
            }
        }
        return CodeGraph(files: found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    func contents(of path: String) -> [UInt8]? { files.contents(of: path) }

    func packageFiles(_ package: PackageFolder) -> [(path: String, bytes: [UInt8])] { [] }

    func compile(entry: String, output: String, target: String?) -> CompiledModule? { nil }
}
