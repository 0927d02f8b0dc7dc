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
        guard result.status == 0 else { throw Failure(description: "git cat-file: \(result.message)") }
        return result.output
    }

    /// The files under `folder` (relative to the top folder) in `commit`, recursively, relative to
    /// the top folder and sorted.
    func files(under folder: String, at commit: String) throws -> [String] {
        let result = try Self.run(["ls-tree", "-r", "-z", "--name-only", commit, "--", folder], in: top.path)
        guard result.status == 0 else { throw Failure(description: "git ls-tree: \(result.message)") }
        return result.output.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.sorted()
    }

    private struct Result {
        var status: Int32
        var output: [UInt8]
        var error: [UInt8]
        var message: String {
            let text = String(decoding: error, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? "failed" : text
        }
    }

    /// Runs git in `directory` with a fixed, non-interactive environment.
    private static func run(_ arguments: [String], in directory: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory, "-c", "core.quotepath=off"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(description: "cannot run git: \(error.localizedDescription)") }
        // Standard error is read on another thread so that neither pipe can fill up and stall git.
        let errorData = PipeReader(err.fileHandleForReading)
        let output = [UInt8](out.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        if process.terminationReason == .exit && process.terminationStatus == 127 {
            throw Failure(description: "cannot run git: it is not installed (or not on PATH)")
        }
        return Result(status: process.terminationStatus, output: output, error: errorData.finish())
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> [UInt8] {
        done.wait()
        return [UInt8](data)
    }
}
