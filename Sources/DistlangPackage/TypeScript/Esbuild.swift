import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `esbuild` executable (Debian's package `esbuild`, 0.17 or later) and one run of it.
public struct Esbuild: Sendable {
    /// The executable's path.
    public var path: String

    public init(path: String) { self.path = path }

    /// The variable naming the executable to use instead of the one on PATH.
    public static let pathVariable = "DISTLANG_ESBUILD"

    /// `$DISTLANG_ESBUILD` when set (nil when it names no executable), else `esbuild` on PATH.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> Esbuild? {
        if let given = environment[pathVariable], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? Esbuild(path: given) : nil
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/esbuild"
            if FileManager.default.isExecutableFile(atPath: candidate) { return Esbuild(path: candidate) }
        }
        return nil
    }

    /// How a run ended: its exit status (nil when it could not start or was stopped after `timeout`)
    /// and what it logged to standard error.
    public struct Run: Sendable {
        public var status: Int32?
        public var log: String
        public var failure: String?
    }

    /// Runs esbuild with `arguments` in `directory`, its standard error captured in a file (so a long
    /// log never blocks it), stopped after `timeout` seconds.
    public func run(_ arguments: [String], in directory: String, logFile: String, timeout: TimeInterval = 120) -> Run {
        guard FileManager.default.createFile(atPath: logFile, contents: nil),
            let log = FileHandle(forWritingAtPath: logFile)
        else {
            return Run(status: nil, log: "", failure: "cannot create \(logFile)")
        }
        defer { try? log.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = log
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            return Run(status: nil, log: "", failure: "cannot run \(path): \(error.localizedDescription)")
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            return Run(
                status: nil, log: Self.read(logFile), failure: "\(path) did not finish in \(Int(timeout)) seconds")
        }
        return Run(status: process.terminationStatus, log: Self.read(logFile), failure: nil)
    }

    private static func read(_ file: String) -> String {
        FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
