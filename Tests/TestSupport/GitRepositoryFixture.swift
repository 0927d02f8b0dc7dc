import Foundation

/// Temporary git repositories for tests of `distlang diff --against-git`: a fixed identity and
/// fixed dates, so commits are the same on every run.
public enum GitRepositoryFixture {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let environment = [
        "GIT_AUTHOR_NAME": "distlang tests", "GIT_AUTHOR_EMAIL": "tests@example.com",
        "GIT_COMMITTER_NAME": "distlang tests", "GIT_COMMITTER_EMAIL": "tests@example.com",
        "GIT_AUTHOR_DATE": "2025-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2025-01-01T00:00:00Z",
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    ]

    /// Runs git in `dir`; its standard output, or a failure with its message.
    @discardableResult
    public static func git(_ arguments: [String], in dir: URL) throws -> String {
        let r = CommandRunner.run("git", arguments, in: dir.path, environment: environment)
        guard r.exitCode == 0 else { throw Failure(description: "git \(arguments.joined(separator: " ")): \(r.stderr)") }
        return r.stdout
    }

    /// `git init` with `main` as the branch.
    public static func initialise(_ dir: URL) throws {
        try git(["init", "-q", "-b", "main"], in: dir)
    }

    /// Adds `files` (paths relative to `dir`; `force` adds ignored ones) and commits them.
    public static func commit(_ dir: URL, _ message: String, files: [String], force: Bool = false) throws {
        try git(["add"] + (force ? ["-f"] : []) + ["--"] + files, in: dir)
        try git(["commit", "-q", "-m", message], in: dir)
    }
}
