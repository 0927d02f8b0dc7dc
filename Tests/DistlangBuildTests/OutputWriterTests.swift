import DistlangBuild
import DistlangCore
import DistlangModel
import Foundation
import Testing
import TestSupport

/// All-or-nothing writing of the output folder.
struct OutputWriterTests {
    private func plan(_ models: [AppModel] = SampleModels.shopEnvironments(), environments: Set<String>? = nil) throws -> BuildPlan {
        try Builder(emitters: [FakeEmitter()]).plan(
            models: models, specFile: "/somewhere/distlang.yaml", specText: "spec", request: BuildRequest(environments: environments))
    }

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

    @Test func writesFilesAndManifest() throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        let report = try OutputWriter().write(try plan(), to: out.path)
        #expect(report.written.sorted() == ["distlang-manifest.json", "fake/all.txt", "fake/production/main.txt", "fake/staging/main.txt"])
        let manifest = try #require(OutputWriter().previousManifest(in: out.path))
        #expect(manifest.files.map(\.path) == ["fake/all.txt", "fake/production/main.txt", "fake/staging/main.txt"])
        #expect(manifest.files.first { $0.path == "fake/all.txt" }?.sha256 == SHA256.hex("production,staging\n"))
        #expect(manifest.specFile == "distlang.yaml")
        #expect(manifest.environments == ["production", "staging"])
    }

    @Test func secondBuildIsByteIdenticalAndWritesNothing() throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        try OutputWriter().write(try plan(), to: out.path)
        let first = snapshot(out)
        let report = try OutputWriter().write(try plan(), to: out.path)
        #expect(report.written.isEmpty)
        #expect(snapshot(out) == first)
    }

    @Test func userFilesSurviveAndStaleFilesGo() throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        try OutputWriter().write(try plan(), to: out.path)
        try "mine\n".write(to: out.appendingPathComponent("fake/NOTES.md"), atomically: true, encoding: .utf8)
        // Staging disappears from the spec: its file goes, the user's file stays.
        let report = try OutputWriter().write(try plan([SampleModels.shop(environment: "production")]), to: out.path)
        #expect(report.removed == ["fake/staging/main.txt"])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("fake/staging").path))
        #expect(try String(contentsOf: out.appendingPathComponent("fake/NOTES.md"), encoding: .utf8) == "mine\n")
    }

    @Test func editedStaleFileIsKept() throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        try OutputWriter().write(try plan(), to: out.path)
        try "edited by hand\n".write(to: out.appendingPathComponent("fake/staging/main.txt"), atomically: true, encoding: .utf8)
        let report = try OutputWriter().write(try plan([SampleModels.shop(environment: "production")]), to: out.path)
        #expect(report.keptEdited == ["fake/staging/main.txt"])
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("fake/staging/main.txt").path))
    }

    @Test func buildingOneEnvironmentKeepsTheOthers() throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        try OutputWriter().write(try plan(), to: out.path)
        var models = SampleModels.shopEnvironments()
        models[1].functions[0].memory = 1024  // staging api
        let report = try OutputWriter().write(try plan(models, environments: ["staging"]), to: out.path)
        #expect(report.removed.isEmpty)
        #expect(Set(report.written) == ["fake/staging/main.txt", "distlang-manifest.json"])
        let manifest = try #require(OutputWriter().previousManifest(in: out.path))
        #expect(manifest.environments == ["production", "staging"])
        #expect(manifest.files.count == 3)
    }

    @Test(arguments: [FailingFileSystem.Step.write(2), .move(1), .move(3), .move(5)])
    func failureLeavesTheFolderAsItWas(_ failure: FailingFileSystem.Step) throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        try OutputWriter().write(try plan(), to: out.path)
        try "mine\n".write(to: out.appendingPathComponent("user.txt"), atomically: true, encoding: .utf8)
        let before = snapshot(out)
        var models = SampleModels.shopEnvironments()
        models[0].functions[0].memory = 2048
        models[1].functions[0].memory = 1024
        models[1].environment = "qa"
        let failing = FailingFileSystem(failAt: failure)
        #expect(throws: OutputWriteError.self) { try OutputWriter(fileSystem: failing).write(try plan(models), to: out.path) }
        #expect(snapshot(out) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path).filter { $0.contains("distlang-") }
        #expect(leftovers.isEmpty)
    }

    /// A first build writes a staging folder and renames it into place (one move).
    @Test(arguments: [FailingFileSystem.Step.write(1), .write(3), .move(1)])
    func failureOnAFreshFolderLeavesNoFolder(_ failure: FailingFileSystem.Step) throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        #expect(throws: OutputWriteError.self) { try OutputWriter(fileSystem: FailingFileSystem(failAt: failure)).write(try plan(), to: out.path) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// A large app's manifest is bigger than the 64 MiB limit on input files; the next build and
    /// `distlang diff` still read it (at 10,000 functions it is some 200 MB).
    @Test func manifestOverTheInputLimitIsReadBack() throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        var models = SampleModels.shopEnvironments()
        let big = String(repeating: "x", count: 40 << 20)
        for i in models.indices { models[i].description = big }
        try OutputWriter().write(try plan(models), to: out.path)
        let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("distlang-manifest.json").path)[.size] as? Int
        #expect((size ?? 0) > 64 << 20)
        let previous = try #require(OutputWriter().previousManifest(in: out.path))
        #expect(previous.environments == ["production", "staging"])
        #expect(try DirectoryBaseline.manifest(at: out.appendingPathComponent("distlang-manifest.json").path) == previous)
        // A second build finds it: nothing changed.
        let report = try OutputWriter().write(try plan(models), to: out.path)
        #expect(report.written.isEmpty)
    }

    /// A spec string may hold a NUL character (`"\0"` in YAML); the manifest writes it as `\u0000`
    /// and the next build reads it back, so it sees no change (it used to see a first build).
    @Test func manifestWithNULCharactersIsReadBack() throws {
        let out = RepositoryPaths.temporaryDirectory().appendingPathComponent("dist")
        var models = SampleModels.shopEnvironments()
        for i in models.indices { models[i].description = "a\u{0}b" }
        try OutputWriter().write(try plan(models), to: out.path)
        let previous = try #require(OutputWriter().previousManifest(in: out.path))
        #expect(try DirectoryBaseline.manifest(at: out.appendingPathComponent("distlang-manifest.json").path) == previous)
        let report = try OutputWriter().write(try plan(models), to: out.path)
        #expect(report.written.isEmpty)
    }

    @Test func freshFolderUnderMissingParents() throws {
        let root = RepositoryPaths.temporaryDirectory()
        let out = root.appendingPathComponent("a/b/dist")
        let report = try OutputWriter().write(try plan(), to: out.path)
        #expect(report.written.count == 4)
        #expect(snapshot(out).keys.sorted() == ["/distlang-manifest.json", "/fake/all.txt", "/fake/production/main.txt", "/fake/staging/main.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("a/b").path) == ["dist"])
    }
}

/// The local file system, failing on purpose at the n-th write or move.
final class FailingFileSystem: BuildFileSystem, @unchecked Sendable {
    enum Step: Sendable, CustomTestStringConvertible {
        case write(Int), move(Int)
        var testDescription: String {
            switch self {
            case .write(let n): return "write #\(n)"
            case .move(let n): return "move #\(n)"
            }
        }
    }

    let real = LocalFileSystem()
    let failAt: Step
    var writes = 0, moves = 0
    var failed = false

    init(failAt: Step) { self.failAt = failAt }

    struct Injected: Error {}

    func contents(of path: String) -> Data? { real.contents(of: path) }
    func write(_ data: Data, to path: String) throws {
        writes += 1
        if case .write(let n) = failAt, n == writes { throw Injected() }
        try real.write(data, to: path)
    }
    func createDirectory(_ path: String) throws { try real.createDirectory(path) }
    func move(_ from: String, to: String) throws {
        moves += 1
        if case .move(let n) = failAt, n == moves, !failed {
            failed = true
            throw Injected()
        }
        try real.move(from, to: to)
    }
    func remove(_ path: String) throws { try real.remove(path) }
    func exists(_ path: String) -> Bool { real.exists(path) }
    func isDirectory(_ path: String) -> Bool { real.isDirectory(path) }
    func contentsOfDirectory(_ path: String) -> [String] { real.contentsOfDirectory(path) }
}
