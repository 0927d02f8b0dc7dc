import Foundation
import Testing
import TestSupport

/// One-character paths (`distlang validate a`, `build --out x`) used to crash: Foundation's
/// `NSString.deletingLastPathComponent` traps on them on Linux. Found while comparing build
/// outputs for the scale work (docs/fuzzing.md).
struct ShortPathTests {
    static func workspace() throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-short-path")
        let example = RepositoryPaths.path("examples/http-api")
        try FileManager.default.copyItem(atPath: example + "/distlang.yaml", toPath: dir.appendingPathComponent("a").path)
        try FileManager.default.copyItem(atPath: example + "/src", toPath: dir.appendingPathComponent("src").path)
        return dir
    }

    @Test(arguments: [["validate", "a"], ["explain", "a"], ["build", "a", "--out", "x"], ["build", "a", "--out", "y/"],
                      ["build", "a"]])
    func oneCharacterPaths(_ arguments: [String]) throws {
        let dir = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = CommandRunner.distlang(arguments, in: dir.path, timeout: 60)
        #expect(result.exitCode == 0, "\(arguments.joined(separator: " ")): exit \(result.exitCode)\n\(result.stderr.suffix(2_000))")
        if arguments[0] == "build" {
            let out = arguments.count > 3 ? arguments[3] : "dist"
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(out).appendingPathComponent("distlang-manifest.json").path))
        }
    }
}
