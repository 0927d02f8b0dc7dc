import DistlangCore
import DistlangLoader
import Foundation

/// Where `distlang diff` finds the previous build's manifest: an output folder, or a git revision
/// (read from git's objects with `git show`, no checkout).
public enum PreviousBuild {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        public var description: String { if case .unreadable(let m) = self { return m } else { return "" } }
    }

    /// The manifest in `directory`; nil when there is none (a first build).
    public static func fromDirectory(_ directory: String) throws -> Manifest? {
        let path = joinManifest(directory)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try decode(Loader.load(file: path, options: Manifest.loadOptions), what: path)
    }

    /// The manifest at `outputDirectory` as committed in `revision`; nil when that revision has none.
    public static func fromGit(revision: String, outputDirectory: String) throws -> Manifest? {
        let absolute = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let probe = absolute.deletingLastPathComponent().path
        let top = try git(["rev-parse", "--show-toplevel"], in: FileManager.default.fileExists(atPath: absolute.path) ? absolute.path : probe)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let topURL = URL(fileURLWithPath: top).resolvingSymlinksInPath()
        let manifestURL = absolute.appendingPathComponent(Manifest.fileName).resolvingSymlinksInPath()
        guard manifestURL.path.hasPrefix(topURL.path + "/") else {
            throw Failure.unreadable("\(manifestURL.path) is not inside the git repository at \(top)")
        }
        let relative = String(manifestURL.path.dropFirst(topURL.path.count + 1))
        _ = try git(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"], in: top)
        guard let text = try? git(["show", "\(revision):\(relative)"], in: top) else { return nil }
        return try decode(
            Loader.load(text: text, file: "\(revision):\(relative)", format: .json, options: Manifest.loadOptions),
            what: "\(revision):\(relative)")
    }

    private static func decode(_ loaded: LoadResult, what: String) throws -> Manifest {
        guard let doc = loaded.document else {
            throw Failure.unreadable("\(what) cannot be read: \(loaded.diagnostics.first?.message ?? "unknown error")")
        }
        switch ManifestCoding.decode(doc.value) {
        case .success(let m): return m
        case .failure(let e): throw Failure.unreadable("\(what): \(e)")
        }
    }

    private static func joinManifest(_ directory: String) -> String {
        (directory as NSString).appendingPathComponent(Manifest.fileName)
    }

    /// Runs git; its standard output, or an error with its message.
    private static func git(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw Failure.unreadable("cannot run git: \(error.localizedDescription)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure.unreadable("git \(arguments.first ?? ""): \(message.isEmpty ? "failed" : message)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
