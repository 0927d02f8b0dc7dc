import DistlangCore

/// Finds the `node_modules` packages a function needs: those its modules import by bare name, then
/// (breadth first) the installed packages they depend on.
struct PackageCollector {
    private struct Found {
        var folder: PackageFolder
        /// The folder with symbolic links resolved: where Node looks for the package's own dependencies.
        var realPath: String
    }

    let fs: FileSystemView
    let limit: Int
    private var found: [String: Found] = [:]
    private var order: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var overLimit = false

    init(fs: FileSystemView, limit: Int) {
        self.fs = fs
        self.limit = limit
    }

    /// The packages, sorted by name.
    var folders: [PackageFolder] { PathNames.sorted(order).map { found[$0]!.folder } }

    /// Node's lookup of `name` from a module in `folder` (absolute): `node_modules/<name>` in that
    /// folder and every folder above it up to `/`, skipping folders that are themselves called
    /// `node_modules`. The names must be spelled exactly.
    func locate(_ name: String, from folder: String) -> String? {
        var dir = folder
        while true {
            if PathNames.lastComponent(dir) != "node_modules" {
                var path = (dir == "/" ? "" : dir) + "/node_modules"
                var exact = true
                for part in name.split(separator: "/") {
                    guard fs.containsExactly(String(part), in: path) else { exact = false; break }
                    path += "/" + part
                }
                if exact && fs.kind(path) == .directory { return path }
            }
            if dir == "/" { return nil }
            dir = PathNames.parent(dir)
        }
    }

    /// Records the package `name` imported from a module in `folder`; false when it is not installed.
    mutating func add(_ name: String, from folder: String, at location: SourceLocation) -> Bool {
        guard let path = locate(name, from: folder) else { return false }
        record(name, path, at: location)
        return true
    }

    private mutating func record(_ name: String, _ path: String, at location: SourceLocation) {
        let real = fs.realPath(path)
        if let existing = found[name] {
            if existing.realPath != real {
                diagnostics.append(PackageDiagnostics.packageConflict(name, kept: existing.folder.directory, other: path, at: location))
            }
            return
        }
        guard order.count < limit else {
            overLimit = true
            return
        }
        found[name] = Found(folder: PackageFolder(name: name, directory: path), realPath: real)
        order.append(name)
    }

    /// Adds the dependencies of every package found, and theirs, breadth first. A dependency installed
    /// inside the package's own folder (`node_modules/a/node_modules/b`) comes with it; a missing
    /// `dependencies` entry is a warning; missing optional and peer dependencies are skipped.
    mutating func addDependencies() {
        var next = 0
        while next < order.count && !overLimit {
            let package = found[order[next]]!
            next += 1
            let manifestPath = package.realPath + "/package.json"
            guard fs.kind(manifestPath) == .file, let size = fs.size(manifestPath), size <= Self.maxManifestBytes,
                  let text = fs.text(manifestPath) else { continue }
            let shown = package.folder.directory + "/package.json"
            for dependency in PackageManifest(text: text).dependencies {
                let location = SourceLocation(file: shown, span: SourceSpan(start: dependency.position, end: dependency.position))
                guard let name = Specifier.packageName(dependency.name), name == dependency.name else { continue }
                guard let path = locate(name, from: package.realPath) else {
                    if dependency.kind == .required {
                        diagnostics.append(PackageDiagnostics.dependencyMissing(name, of: package.folder.name, at: location))
                    }
                    continue
                }
                if path.hasPrefix(package.realPath + "/") { continue }
                record(name, path, at: location)
            }
        }
    }

    /// The largest package.json read for dependencies.
    static let maxManifestBytes: Int64 = 16 << 20
}
