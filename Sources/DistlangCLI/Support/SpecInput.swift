import DistlangCore
import DistlangLoader
import DistlangSpec
import Foundation

/// The spec a command reads: the path given, standard input (`-`), or with no argument the first
/// `distlang.yaml`, `distlang.yml` or `distlang.json` in the current folder, then in each parent up
/// to the repository root (the folder holding `.git`), as git and wrangler find their files.
struct SpecInput {
    /// How diagnostics and summaries name it: the path as given or found (`../distlang.yaml`), or `<stdin>`.
    var displayName: String
    /// The file to read; nil for standard input.
    var path: String?

    static let fileNames = ["distlang.yaml", "distlang.yml", "distlang.json"]
    static let standardInputName = "<stdin>"
    /// What the spec argument's help says.
    static let argumentHelp = "The spec: a file, or - for standard input (default: distlang.yaml, .yml or .json here or in a parent folder)."

    var isStandardInput: Bool { path == nil }

    /// The spec's folder: where its sources are, and where `dist/` goes (the current folder for standard input).
    var directory: String { path.map(SpecCompiler.directory(of:)) ?? "." }

    static func resolve(_ argument: String?) throws -> SpecInput {
        if let argument {
            return argument == "-" ? SpecInput(displayName: standardInputName, path: nil) : SpecInput(displayName: argument, path: argument)
        }
        let here = FileManager.default.currentDirectoryPath
        if let found = discover(from: here) { return SpecInput(displayName: found, path: found) }
        throw SpecRun.usage(
            "no spec found: no distlang.yaml, distlang.yml or distlang.json in \(here) or a parent folder up to the repository root; run `distlang init` to create one")
    }

    /// The nearest spec from `directory` up, as a path relative to it (`distlang.yaml`, `../distlang.yml`).
    static func discover(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        var up = ""
        let files = FileManager.default
        while true {
            for name in fileNames {
                var isDirectory: ObjCBool = false
                if files.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return up + name
                }
            }
            if files.fileExists(atPath: folder.appendingPathComponent(".git").path) || folder.path == "/" { return nil }
            folder.deleteLastPathComponent()
            up += "../"
        }
    }

    /// Loads the spec (standard input is read up to the loaders' size limit; JSON when it starts with `{`).
    func load() -> LoadResult {
        guard path == nil else { return Loader.load(file: path!, displayName: displayName) }
        let limit = LoadOptions().maxInputBytes
        var bytes: [UInt8] = []
        while bytes.count <= limit {
            let chunk = FileHandle.standardInput.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            bytes += chunk
        }
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return Loader.load(bytes: bytes, file: displayName, format: first == UInt8(ascii: "{") ? .json : .yaml)
    }
}
