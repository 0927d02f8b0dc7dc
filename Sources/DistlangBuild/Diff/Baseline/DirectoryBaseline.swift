import DistlangCore
import DistlangModel
import DistlangLoader
import Foundation

/// A baseline read from an output folder's `distlang-manifest.json`.
public enum DirectoryBaseline {
    /// The output folder next to the spec (or `--out`): its manifest, or a first build when there
    /// is none. A manifest that is there but cannot be read is an error, not a first build.
    public static func implicit(_ directory: String) throws -> Baseline {
        let path = joinPath(directory, Manifest.fileName)
        guard FileManager.default.fileExists(atPath: path) else { return Baseline(manifest: nil, origin: .firstBuild(path: directory)) }
        return Baseline(manifest: try read(path, option: nil), origin: .directory(path: directory, implicit: true))
    }

    /// `--against DIR`: the manifest must be there.
    public static func explicit(_ directory: String) throws -> Baseline {
        let path = joinPath(directory, Manifest.fileName)
        var isDirectory: ObjCBool = false
        let folderExists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
        guard FileManager.default.fileExists(atPath: path) else {
            throw BaselineError(
                "--against \(directory): \(folderExists ? "no \(Manifest.fileName) in that folder" : "no such folder"), so there is no previous build to compare with",
                lookedFor: [path],
                hint: "pass the output folder of the build to compare with (build the base spec into one first: `distlang build BASE-SPEC --out \(directory)`), or use --against-git REF")
        }
        return Baseline(manifest: try read(path, option: "--against \(directory)"), origin: .directory(path: directory, implicit: false))
    }

    /// The manifest at `path`; nil when there is no file.
    public static func manifest(at path: String) throws -> Manifest? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try read(path, option: nil)
    }

    private static func read(_ path: String, option: String?) throws -> Manifest {
        try decode(Loader.load(file: path, options: Manifest.loadOptions), what: path, option: option)
    }

    /// A loaded manifest, or the error that says why it is not one.
    static func decode(_ loaded: LoadResult, what: String, option: String?) throws -> Manifest {
        let prefix = option.map { "\($0): " } ?? ""
        let hint = "rebuild the baseline with this distlang (`distlang build`), or compare with another one"
        guard let doc = loaded.document else {
            throw BaselineError(
                "\(prefix)\(what) cannot be read: \(loaded.diagnostics.first?.message ?? "unknown error")", lookedFor: [what], hint: hint)
        }
        switch ManifestCoding.decode(doc.value) {
        case .success(let m): return m
        case .failure(let e): throw BaselineError("\(prefix)\(what): \(e)", lookedFor: [what], hint: hint)
        }
    }
}
