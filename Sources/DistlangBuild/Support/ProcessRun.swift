import Foundation

/// Runs a tool to completion, capturing its standard output and error (read on separate threads, so
/// neither pipe can fill up and stall it), with no standard input.
struct ProcessRun {
    var status: Int32
    var output: [UInt8]
    var error: [UInt8]

    /// Standard error as text, trimmed; "failed" when the tool said nothing.
    var errorText: String {
        let text = String(decoding: error, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "failed" : text
    }

    struct LaunchFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// `executable` is a path, or a name looked up on PATH. A tool that cannot be started gives
    /// status 127 and the reason in `error`.
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:])
        -> ProcessRun
    {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, mine in mine }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return ProcessRun(status: 127, output: [], error: Array("cannot run \(executable): \(error.localizedDescription)".utf8))
        }
        let errorData = PipeReader(err.fileHandleForReading)
        let output = [UInt8](out.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        return ProcessRun(status: process.terminationStatus, output: output, error: errorData.finish())
    }

    /// The full path of an executable on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
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
