import Foundation
import TestSupport

/// Runs the built `distlang` binary in a folder (through TestSupport's `CommandRunner`).
enum CLIRunner {
    static func run(_ arguments: [String], in directory: URL, timeout: TimeInterval = 60) throws -> CommandResult {
        CommandRunner.distlang(arguments, in: directory.path, timeout: timeout)
    }

    /// A fresh temporary folder holding `files` (name -> content).
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-schema")
        for (name, content) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }
}
