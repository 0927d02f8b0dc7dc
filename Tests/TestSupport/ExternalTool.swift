import Foundation

/// Finds the external checkers that tests use (terraform, python3, tools/hclcheck) and decides
/// whether a test needing one runs.
public enum ExternalTool {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Set (CI sets it, so does scripts/test.sh): a missing checker fails its tests instead of
    /// skipping them.
    public static var checkersRequired: Bool {
        let value = ProcessInfo.processInfo.environment["DISTLANG_REQUIRE_CHECKERS"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// The full path of an executable found on PATH, or nil.
    public static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The hclcheck binary built by tools/hclcheck/build.sh, or nil when it has not been built.
    public static var hclcheck: String? {
        let path = RepositoryPaths.path(".tools/bin/hclcheck")
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// A Node.js with node:sqlite (22.13 or later) for the `distlang dev` tests: the one
    /// tools/node/build.sh installs, else nil (the machine's node may be older).
    public static var nodeWithSqlite: String? {
        let path = RepositoryPaths.path(".tools/node/bin/node")
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Whether a test needing `tool` should run: when the tool exists, or when checkers are
    /// required (then the test runs and fails on the missing tool instead of being skipped).
    public static func shouldRun(needing tool: String?) -> Bool { tool != nil || checkersRequired }

    /// Runs a python3 script given as text, with `arguments`, under a time limit.
    public static func python(_ script: String, _ arguments: [String] = [], timeout: TimeInterval = 120) throws
        -> CommandResult
    {
        guard let python = find("python3") else { throw Failure(description: "python3 is not on PATH") }
        return CommandRunner.run(python, ["-c", script] + arguments, timeout: timeout)
    }
}
