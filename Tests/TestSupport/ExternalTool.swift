import Foundation

/// Runs external programs (terraform, python3, hclcheck) from tests, with a time limit.
public enum ExternalTool {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var timedOut: Bool
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The environment variable that turns a missing checker from a skip into a failure (CI sets it).
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
        let path = RepoPaths.toolBinary("hclcheck").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Whether a test needing `tool` should run: when the tool exists, or when checkers are
    /// required (then the test runs and fails on the missing tool instead of being skipped).
    public static func shouldRun(needing tool: String?) -> Bool { tool != nil || checkersRequired }

    /// Runs `executable` with `arguments`, feeding `input` on standard input, and kills it after
    /// `timeout` seconds.
    public static func run(
        _ executable: String, _ arguments: [String], input: String? = nil,
        environment extra: [String: String] = [:], directory: URL? = nil, timeout: TimeInterval = 120
    ) throws -> Result {
        let scratch = try RepoPaths.makeTemporaryDirectory("run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try Data((input ?? "").utf8).write(to: inURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in extra { environment[k] = v }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
            try? inHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle

        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        var timedOut = false
        if done.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if done.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                done.wait()
            }
        }
        let stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    /// Runs a python3 script given as text (with `arguments`), under the same time limit.
    public static func python(_ script: String, _ arguments: [String] = [], timeout: TimeInterval = 120) throws
        -> Result
    {
        guard let python = find("python3") else { throw Failure(description: "python3 is not on PATH") }
        return try run(python, ["-c", script] + arguments, timeout: timeout)
    }
}
