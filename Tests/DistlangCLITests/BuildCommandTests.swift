import Foundation
import Testing
import TestSupport

/// `distlang build` end to end: determinism, location independence, user files, failed builds.
struct BuildCommandTests {
    /// Every file under `dir` with its bytes.
    private func snapshot(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)
        while let url = e?.nextObject() as? URL {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[String(url.path.dropFirst(dir.path.count))] = FileManager.default.contents(atPath: url.path)
            }
        }
        return out
    }

    /// A copy of an example app in a fresh folder.
    private func example(_ name: String) throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-build").appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("examples/\(name)"), toPath: dir.path)
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("dist"))
        return dir
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let dir = try example("staged-app")
        #expect(CommandRunner.distlang(["build", "--cfn-format", "both"], in: dir.path).exitCode == 0)
        let first = snapshot(dir.appendingPathComponent("dist"))
        #expect(first.count > 20)
        let again = CommandRunner.distlang(["build", "--cfn-format", "both"], in: dir.path)
        #expect(again.exitCode == 0)
        #expect(again.stdout.contains("0 changed"))
        #expect(again.stdout.contains("compared with the previous build: +0 ~0 -0 (0 data loss)"))
        #expect(snapshot(dir.appendingPathComponent("dist")) == first)
    }

    @Test func theSameSpecElsewhereBuildsIdentically() throws {
        let a = try example("queue-pipeline"), b = try example("queue-pipeline")
        #expect(CommandRunner.distlang(["build"], in: a.path).exitCode == 0)
        // Built from another working directory, by path.
        #expect(CommandRunner.distlang(["build", b.appendingPathComponent("distlang.yaml").path], in: "/").exitCode == 0)
        #expect(snapshot(a.appendingPathComponent("dist")) == snapshot(b.appendingPathComponent("dist")))
    }

    @Test func aUserFileInDistSurvives() throws {
        let dir = try example("http-api")
        #expect(CommandRunner.distlang(["build"], in: dir.path).exitCode == 0)
        let mine = dir.appendingPathComponent("dist/aws/NOTES.md")
        try "kept\n".write(to: mine, atomically: true, encoding: .utf8)
        #expect(CommandRunner.distlang(["build", "--target", "aws"], in: dir.path).exitCode == 0)
        #expect(CommandRunner.distlang(["build"], in: dir.path).exitCode == 0)
        #expect(try String(contentsOf: mine, encoding: .utf8) == "kept\n")
    }

    @Test func anInvalidSpecLeavesDistAsItWas() throws {
        let dir = try example("http-api")
        #expect(CommandRunner.distlang(["build"], in: dir.path).exitCode == 0)
        let before = snapshot(dir.appendingPathComponent("dist"))
        let spec = dir.appendingPathComponent("distlang.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8).replacingOccurrences(of: "memory: 256", with: "memory: 64")
        try text.write(to: spec, atomically: true, encoding: .utf8)
        let r = CommandRunner.distlang(["build"], in: dir.path)
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("distlang.yaml:8:11: error: defaults.memory: 64 is less than the minimum of 128"))
        #expect(snapshot(dir.appendingPathComponent("dist")) == before)
    }

    @Test func unknownEnvironmentOrTargetIsAUsageError() throws {
        let dir = try example("http-api")
        #expect(CommandRunner.distlang(["build", "--env", "nope"], in: dir.path).exitCode == 2)
        let d1 = try example("d1-catalog")
        #expect(CommandRunner.distlang(["build", "--target", "aws"], in: d1.path).exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: d1.appendingPathComponent("dist").path))
    }

    @Test func transpileIsBuild() throws {
        let dir = try example("scheduled-job")
        let r = CommandRunner.distlang(["transpile", "distlang.json"], in: dir.path)
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist/aws/cloudformation/default.yaml").path))
    }
}
