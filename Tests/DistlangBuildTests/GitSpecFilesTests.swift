@testable import DistlangBuild
import DistlangCore
import DistlangModel
import Foundation
import Testing
import TestSupport

/// `--against-git` builds the old spec with the files it references as committed in the revision
/// (migrations, sources), never the working tree's.
struct GitSpecFilesTests {
    /// Records the bytes of every file under `migrations` that the build can read, as an attribute.
    struct MigrationReader: TargetEmitter {
        var target: TargetKind { .cloudflare }

        func emit(_ models: [AppModel], options: EmitOptions) -> TargetOutput {
            let files = options.specFiles?.files(under: "migrations") ?? []
            let read: [(String, Value)] = files.map { path in
                (path, .string(options.specFiles?.contents(of: path).map { String(decoding: $0, as: UTF8.self) } ?? "(unreadable)"))
            }
            return TargetOutput(resources: models.map { m in
                EmittedResource(
                    target: .cloudflare, format: "fake", environment: m.environment, type: "migrations", logicalName: "all",
                    file: "fake", attributes: JSONObject(read))
            })
        }
    }

    static let spec = """
        distlang: 1
        name: shop
        functions:
          api: { source: src/api.js, uses: { db: readwrite } }
        resources:
          db: { type: database, migrations: migrations }
        targets:
          cloudflare: { compatibility_date: "2025-06-01" }

        """

    @Test func theBuildReadsTheRevisionsFiles() throws {
        let root = RepositoryPaths.temporaryDirectory("distlang-gitfiles")
        let app = root.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: app.appendingPathComponent("migrations"), withIntermediateDirectories: true)
        try Self.spec.write(to: app.appendingPathComponent("distlang.yaml"), atomically: true, encoding: .utf8)
        try "create table a;\n".write(to: app.appendingPathComponent("migrations/0001.sql"), atomically: true, encoding: .utf8)
        try GitRepositoryFixture.initialise(root)
        try GitRepositoryFixture.commit(root, "base", files: ["app"])
        // The working tree moves on: an edited migration and a new one.
        try "create table b;\n".write(to: app.appendingPathComponent("migrations/0001.sql"), atomically: true, encoding: .utf8)
        try "create table c;\n".write(to: app.appendingPathComponent("migrations/0002.sql"), atomically: true, encoding: .utf8)

        let baseline = try GitBaseline.find(
            revision: "HEAD", spec: app.appendingPathComponent("distlang.yaml").path, outDirectory: app.appendingPathComponent("dist").path,
            request: BuildRequest(), emitters: [MigrationReader()])
        guard case .gitSpec(let revision, _, let path, _) = baseline.origin else {
            Issue.record("expected a build of the spec at HEAD, got \(baseline.origin)")
            return
        }
        #expect(revision == "HEAD" && path == "app/distlang.yaml")
        let read = try #require(baseline.manifest?.resources.first?.attributes)
        #expect(read == ["migrations/0001.sql": "create table a;\n"])

        // The reader on its own, and the folder's listing.
        let repository = try #require(try GitRepository(containing: app.path))
        let commit = try #require(try repository.commit("HEAD"))
        let files = GitSpecFiles(repository: repository, commit: commit, folder: "app")
        #expect(files.files(under: "migrations") == ["migrations/0001.sql"])
        #expect(files.contents(of: "migrations/0002.sql") == nil)
        #expect(files.contents(of: "distlang.yaml").map { String(decoding: $0, as: UTF8.self) } == Self.spec)
    }

    /// The working tree's files, for the spec being built now.
    @Test func theDirectoryReaderReadsTheWorkingTree() throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-dirfiles")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("migrations/sub"), withIntermediateDirectories: true)
        try "a".write(to: dir.appendingPathComponent("migrations/0001.sql"), atomically: true, encoding: .utf8)
        try "b".write(to: dir.appendingPathComponent("migrations/sub/0002.sql"), atomically: true, encoding: .utf8)
        let files = DirectorySpecFiles(dir.path)
        #expect(files.files(under: "migrations") == ["migrations/0001.sql", "migrations/sub/0002.sql"])
        #expect(files.contents(of: "migrations/0001.sql") == Array("a".utf8))
        #expect(files.contents(of: "nope") == nil)
    }
}
