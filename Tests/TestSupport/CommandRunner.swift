import Foundation

/// The result of running a command.
public struct CommandResult: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    public var timedOut: Bool
}

/// Runs programs from tests with a time limit, capturing their output.
public enum CommandRunner {
    /// The `distlang` binary built next to the test bundle (override with `DISTLANG_BIN`).
    public static var distlangPath: String {
        if let override = ProcessInfo.processInfo.environment["DISTLANG_BIN"] { return override }
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0])
        var dir = testBinary.deletingLastPathComponent()
        // On Linux the test binary is .build/<triple>/debug/<name>.xctest.
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("distlang").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return RepositoryPaths.path(".build/debug/distlang")
    }

    /// Runs `distlang` with `arguments`.
    public static func distlang(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:], timeout: TimeInterval = 60
    ) -> CommandResult {
        run(distlangPath, arguments, in: directory, environment: environment, timeout: timeout)
    }

    /// Runs `executable` (a path, or a name looked up on PATH via /usr/bin/env).
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        stdin: Data? = nil, timeout: TimeInterval = 60
    ) -> CommandResult {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let outData = DataCollector(out.fileHandleForReading)
        let errData = DataCollector(err.fileHandleForReading)
        do {
            try process.run()
        } catch {
            return CommandResult(exitCode: 127, stdout: "", stderr: "cannot run \(executable): \(error)", timedOut: false)
        }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        return CommandResult(
            exitCode: process.terminationStatus, stdout: outData.finish(), stderr: errData.finish(), timedOut: timedOut)
    }
}

/// Reads a pipe on a background thread so a chatty child never blocks on a full pipe.
private final class DataCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
