import Foundation

/// Runs the built `distlang` binary (next to the test bundle in `.build/<config>/`).
enum CLIRunner {
    struct Result {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    static var binary: URL {
        let bundleDir = Bundle.main.bundleURL.deletingLastPathComponent()
        for dir in [bundleDir, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("distlang")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return SuitePaths.packageRoot.appendingPathComponent(".build/debug/distlang")
    }

    /// Runs `distlang` with `arguments` in `directory`; kills it after `timeout` seconds.
    static func run(_ arguments: [String], in directory: URL, timeout: TimeInterval = 60) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = Sink(), errData = Sink()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() > deadline {
                p.terminate()
                timedOut = true
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        p.waitUntilExit()
        group.wait()
        return Result(
            exitCode: p.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
            stderr: String(decoding: errData.data, as: UTF8.self), timedOut: timedOut)
    }

    private final class Sink: @unchecked Sendable {
        var data = Data()
    }

    /// A fresh temporary folder holding `files` (name -> content).
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("distlang-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, content) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }
}
