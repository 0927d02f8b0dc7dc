import DistlangDev
import Foundation
import TestSupport

/// A `distlang dev` running for a test: started with `--port 0` on 127.0.0.1, its output collected,
/// ready once it prints its URL. Every wait is bounded; a run still going when the test ends is
/// killed (the host follows: it stops when distlang dev's pipe closes).
final class DevRun: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var collected = Data()
    private(set) var url = ""
    private(set) var port = 0

    init(app: URL, node: String, arguments: [String] = [], timeout: TimeInterval = 30) throws {
        process.executableURL = URL(fileURLWithPath: CommandRunner.distlangPath)
        process.arguments = ["dev", "--port", "0"] + arguments
        process.currentDirectoryURL = app
        var environment = ProcessInfo.processInfo.environment
        environment["DISTLANG_NODE"] = node
        environment["NO_COLOR"] = "1"
        environment["API_TOKEN"] = nil
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.collected.append(data)
            self.lock.unlock()
        }
        try process.run()
        let line = try waitForOutput(#"ready on http://127\.0\.0\.1:(\d+)"#, regex: true, timeout: timeout)
        url = String(line.drop { $0 != "h" }).components(separatedBy: " ")[0]
        port = Int(url.split(separator: ":").last ?? "") ?? 0
    }

    deinit {
        if process.isRunning {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
        }
    }

    var output: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Waits until the output has `text` (or a match of it as a regular expression); returns the match.
    @discardableResult
    func waitForOutput(_ text: String, regex: Bool = false, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let now = output
            if let range = now.range(of: text, options: regex ? .regularExpression : []) { return String(now[range]) }
            if !process.isRunning && !now.contains(text) {
                throw Failure(
                    description: "distlang dev exited (\(process.terminationStatus)) before printing \(text):\n\(now)")
            }
            if Date() > deadline { throw Failure(description: "no \(text) within \(Int(timeout)) s:\n\(now)") }
            usleep(20_000)
        }
    }

    /// Waits until `check` holds (it may throw while things settle), at most `timeout`.
    func until(_ what: String, timeout: TimeInterval = 15, _ check: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if (try? check()) == true { return }
            if Date() > deadline { throw Failure(description: "\(what): not within \(Int(timeout)) s:\n\(output)") }
            usleep(30_000)
        }
    }

    func request(
        _ method: String, _ path: String, body: String = "", headers: [String: String] = [:]
    ) throws -> LoopbackHTTP.Response {
        try LoopbackHTTP.request(
            method, host: "127.0.0.1", port: port, path: path, headers: headers, body: Data(body.utf8), timeout: 10)
    }

    /// The messages in the dead-letter queue `orders-dlq`.
    func deadLetters() throws -> [[String: Any]] {
        let response = try request("GET", "/__distlang/queues/orders-dlq")
        let json = try JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return json?["messages"] as? [[String: Any]] ?? []
    }

    /// Ctrl-C: SIGINT, then the exit code (bounded).
    func interrupt(timeout: TimeInterval = 15) throws -> Int32 {
        process.interrupt()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                throw Failure(description: "distlang dev did not stop within \(Int(timeout)) s:\n\(output)")
            }
            usleep(20_000)
        }
        return process.terminationStatus
    }
}
