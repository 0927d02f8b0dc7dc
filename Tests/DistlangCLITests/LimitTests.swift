import Foundation
import Testing
import TestSupport

/// Every limit of docs/limits.md, hit through the CLI: a clear error at a place in the file (or,
/// for the error count, a bounded report that says how many more there are) and exit code 1,
/// quickly and without reading more than the limit allows.
struct LimitTests {
    /// Runs `distlang validate --format json` on `contents` written to a file named `name`.
    private func validate(_ name: String, _ contents: Data, _ extra: [String] = []) throws -> (CommandResult, [String: Any]) {
        let dir = RepositoryPaths.temporaryDirectory("distlang-limits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try contents.write(to: file)
        let result = CommandRunner.distlang(["validate", "--format", "json"] + extra + [file.path], timeout: 60)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return (result, report)
    }

    private func codes(_ report: [String: Any]) -> [String] {
        (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    private func firstLocation(_ report: [String: Any]) -> (Int, Int)? {
        guard let d = (report["diagnostics"] as? [[String: Any]])?.first, let line = d["line"] as? Int, let column = d["column"] as? Int
        else { return nil }
        return (line, column)
    }

    @Test func inputSizeIsCheckedBeforeReading() throws {
        // A 3 GB file (sparse: it takes no disk space) is rejected from its size, at once.
        let dir = RepositoryPaths.temporaryDirectory("distlang-limits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("huge.yaml")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 3 << 30)
        try handle.close()
        let result = CommandRunner.distlang(["validate", file.path], timeout: 30)
        #expect(!result.timedOut)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("huge.yaml:1:1: error: the file is 3221225472 bytes, more than the limit of 67108864 bytes"))
    }

    @Test func inputSizeJustOverTheLimit() throws {
        let (result, report) = try validate("big.yaml", Data(repeating: UInt8(ascii: " "), count: (64 << 20) + 1))
        #expect(result.exitCode == 1)
        #expect(codes(report) == ["input.too-large"])
        #expect(firstLocation(report)! == (1, 1))
    }

    @Test(arguments: ["yaml", "json"])
    func nestingDepth(_ format: String) throws {
        let text = String(repeating: "[", count: 2_001) + String(repeating: "]", count: 2_001)
        let (result, report) = try validate("deep.\(format)", Data(text.utf8))
        #expect(result.exitCode == 1)
        #expect(codes(report) == ["input.too-deep"])
        #expect(firstLocation(report)! == (1, 2_001))
    }

    @Test func aliasExpansion() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...7 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let (result, report) = try validate("laughs.yaml", Data(text.utf8))
        #expect(result.exitCode == 1)
        #expect(codes(report) == ["yaml.alias-budget"])
        #expect(firstLocation(report) != nil)
    }

    @Test(arguments: ["yaml", "json"])
    func stringLength(_ format: String) throws {
        let long = String(repeating: "x", count: (16 << 20) + 1)
        let text = format == "json" ? "{\"name\": \"\(long)\"}" : "name: \(long)\n"
        let (result, report) = try validate("long.\(format)", Data(text.utf8))
        #expect(result.exitCode == 1)
        #expect(codes(report) == ["input.string-too-long"])
        #expect(firstLocation(report)?.0 == 1)
    }

    /// A spec with 3,000 errors and 3,000 warnings.
    static let manyErrors: Data = {
        var lines = ["distlang: 1", "name: many", "functions:"]
        for i in 0..<3_000 { lines += ["  f\(i):", "    source: src/f\(i).js", "    memory: 1", "    schedule: \"0 3 * * *\""] }
        lines += ["targets:", "  cloudflare:", "    compatibility_date: \"2025-06-01\""]
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }()

    @Test func errorCountIsCappedInText() throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-limits")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.manyErrors.write(to: dir.appendingPathComponent("distlang.yaml"))
        let result = CommandRunner.distlang(["validate"], in: dir.path, timeout: 60)
        #expect(result.exitCode == 1)
        let shownErrors = result.stderr.components(separatedBy: ": error: ").count - 1
        #expect(shownErrors == 100)
        #expect(result.stderr.contains("note: 2,900 more errors and 2,900 more warnings not shown (at most 100 of each; raise the limit with --max-errors)"))
        #expect(result.stderr.hasSuffix("3000 errors, 3000 warnings\n"))

        let five = CommandRunner.distlang(["validate", "--max-errors", "5"], in: dir.path, timeout: 60)
        #expect(five.stderr.components(separatedBy: ": error: ").count - 1 == 5)
        #expect(five.stderr.contains("2,995 more errors"))

        // build (and diff, explain) report the same way
        let build = CommandRunner.distlang(["build"], in: dir.path, timeout: 60)
        #expect(build.exitCode == 1)
        #expect(build.stderr.components(separatedBy: ": error: ").count - 1 == 100)
        #expect(build.stderr.contains("note: 2,900 more errors"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist").path))
    }

    @Test(arguments: ["json", "github", "sarif"])
    func errorCountIsCappedInMachineFormats(_ format: String) throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-limits")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.manyErrors.write(to: dir.appendingPathComponent("distlang.yaml"))
        let result = CommandRunner.distlang(["validate", "--format", format], in: dir.path, timeout: 60)
        #expect(result.exitCode == 1)
        switch format {
        case "json":
            let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
            #expect(report["errors"] as? Int == 3_000)
            #expect(report["warnings"] as? Int == 3_000)
            #expect((report["diagnostics"] as? [Any])?.count == 200)
            #expect(report["omitted"] as? [String: Int] == ["errors": 2_900, "warnings": 2_900])
        case "github":
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.filter { $0.hasPrefix("::error ") }.count == 100)
            #expect(lines.last == "::notice title=distlang::2,900 more errors and 2,900 more warnings not shown (raise the limit with --max-errors)")
        default:
            let log = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
            let run = (log["runs"] as? [[String: Any]])?.first ?? [:]
            #expect((run["results"] as? [Any])?.count == 200)
            #expect(run["properties"] as? [String: Int] == ["omittedErrors": 2_900, "omittedWarnings": 2_900])
        }
    }

    @Test func integerOverflow() throws {
        let (result, report) = try validate("big.yaml", Data("n: 9223372036854775808\n".utf8))
        #expect(result.exitCode == 1)
        #expect(codes(report) == ["input.integer-overflow"])
        #expect(firstLocation(report)! == (1, 4))
    }
}
