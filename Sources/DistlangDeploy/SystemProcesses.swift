import Foundation

/// The real programs: found on PATH, started with the inherited environment plus the step's
/// variables, their output passed through to ours as it comes (and kept when asked).
public struct SystemProcesses: DeployProcesses {
    /// The environment the tools inherit (PATH included).
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func find(_ tool: DeployTool) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(tool.executable)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public func run(_ invocation: DeployInvocation) -> DeployProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: invocation.executable)
        process.arguments = invocation.arguments
        process.currentDirectoryURL = URL(fileURLWithPath: invocation.directory)
        process.environment = environment.merging(invocation.environment) { _, step in step }
        var readers: [StreamCopier] = []
        if invocation.capture {
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            readers = [StreamCopier(out.fileHandleForReading, to: .standardOutput), StreamCopier(err.fileHandleForReading, to: .standardError)]
        }
        let input = invocation.input.map { _ in Pipe() }
        if let input { process.standardInput = input }
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("cannot run \(invocation.executable): \(error.localizedDescription)\n".utf8))
            return DeployProcessResult(status: 127)
        }
        // A tool that exits before reading its input must not end us with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        if let input, let bytes = invocation.input {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        readers.forEach { $0.start() }
        process.waitUntilExit()
        let captured = readers.map { $0.finish() }
        return DeployProcessResult(status: process.terminationStatus, output: captured.first ?? "", errors: captured.last ?? "")
    }

    public func writePrivateFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("distlang-secret-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data(bytes))
        try handle.close()
        return path
    }

    public func removeFile(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Copies a pipe to one of our streams as data arrives, keeping a copy.
private final class StreamCopier: @unchecked Sendable {
    private let source: FileHandle
    private let target: FileHandle
    private var kept = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ source: FileHandle, to target: FileHandle) {
        self.source = source
        self.target = target
    }

    func start() {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = source.availableData
                if chunk.isEmpty { break }
                kept.append(chunk)
                target.write(chunk)
            }
            done.signal()
        }
    }

    func finish() -> String {
        done.wait()
        return String(decoding: kept, as: UTF8.self)
    }
}
