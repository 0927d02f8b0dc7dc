import DistlangCore
import Foundation

/// Reads a git repository's objects with the `git` command: revisions, and files as committed in
/// them, never the working tree and without a checkout.
struct GitRepository: Sendable {
    /// The working tree's top folder, symbolic links resolved.
    let top: URL

    /// A git command that failed, with git's message.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository holding `path` (a file or folder, which need not exist: its nearest existing
    /// parent decides); nil when that is not inside a git working tree.
    init?(containing path: String) throws {
        var probe = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        while !(FileManager.default.fileExists(atPath: probe.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            let parent = probe.deletingLastPathComponent()
            if parent.path == probe.path { return nil }
            probe = parent
        }
        let result = try Self.run(["rev-parse", "--show-toplevel"], in: probe.path)
        guard result.status == 0 else { return nil }
        let text = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        top = URL(fileURLWithPath: text).resolvingSymlinksInPath()
    }

    /// The commit `revision` names (its full hash); nil when git knows no such revision.
    func commit(_ revision: String) throws -> String? {
        // `--end-of-options` keeps a revision such as `--all` from reading as an option.
        let result = try Self.run(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"], in: top.path)
        guard result.status == 0 else { return nil }
        return String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `path` (absolute) relative to the top folder, with `/` separators; nil when it is outside.
    func relativePath(_ path: String) -> String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        // Resolve symbolic links in the part that exists (a /tmp that is /private/tmp).
        var existing = absolute, rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let resolved = (existing.resolvingSymlinksInPath().pathComponents + rest).filter { $0 != "/" }
        let topParts = top.pathComponents.filter { $0 != "/" }
        guard resolved.count >= topParts.count, Array(resolved.prefix(topParts.count)) == topParts else { return nil }
        let relative = resolved.dropFirst(topParts.count).joined(separator: "/")
        return relative.isEmpty ? "." : relative
    }

    /// The bytes of `path` (relative to the top folder) as committed in `commit`; nil when the
    /// commit has no such file.
    func file(_ path: String, at commit: String) throws -> [UInt8]? {
        let exists = try Self.run(["cat-file", "-e", "\(commit):\(path)"], in: top.path)
        guard exists.status == 0 else { return nil }
        let result = try Self.run(["cat-file", "blob", "\(commit):\(path)"], in: top.path)
        guard result.status == 0 else { throw Failure(description: "git cat-file: \(result.errorText)") }
        return result.output
    }

    /// The files under `folder` (relative to the top folder) in `commit`, recursively, relative to
    /// the top folder and sorted.
    func files(under folder: String, at commit: String) throws -> [String] {
        let result = try Self.run(["ls-tree", "-r", "-z", "--name-only", commit, "--", folder], in: top.path)
        guard result.status == 0 else { throw Failure(description: "git ls-tree: \(result.errorText)") }
        return result.output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.sorted()
    }

    /// Runs git in `directory` with a fixed, non-interactive environment.
    private static func run(_ arguments: [String], in directory: String) throws -> ProcessRun {
        let result = ProcessRun.run(
            "git", ["-C", directory, "-c", "core.quotepath=off"] + arguments,
            environment: ["GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"])
        if result.status == 127 { throw Failure(description: "cannot run git: it is not installed (or not on PATH)") }
        return result
    }
}
