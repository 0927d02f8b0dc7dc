import Foundation
import Testing
import TestSupport

/// `distlang diff` after a build, for the scenarios reviewers meet most, in every format; and the
/// exit codes CI scripts rely on.
struct DiffScenarioTests {
    static let fixtures = "Tests/DistlangCLITests/Fixtures/diff"

    /// A folder with the base spec built into dist/, then the scenario's spec in its place.
    private func prepared(_ scenario: String) throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-diff")
        let spec = dir.appendingPathComponent("distlang.yaml")
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("\(Self.fixtures)/base.yaml"), toPath: spec.path)
        let build = CommandRunner.distlang(["build", spec.path])
        #expect(build.exitCode == 0, "\(build.stderr)")
        try FileManager.default.removeItem(at: spec)
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("\(Self.fixtures)/\(scenario).yaml"), toPath: spec.path)
        return dir
    }

    static let scenarios = [
        "add-function", "memory-in-one-environment", "rename-bucket", "remove-queue", "add-write-access", "comment-only",
    ]

    @Test(arguments: scenarios)
    func reportMatchesTheGoldens(_ scenario: String) throws {
        let dir = try prepared(scenario)
        for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md")] {
            let r = CommandRunner.distlang(["diff", "distlang.yaml", "--format", format], in: dir.path)
            #expect(r.exitCode == 0, "\(scenario) \(format): \(r.stderr)")
            let golden = "Tests/DistlangCLITests/Goldens/diff/\(scenario).\(ext)"
            #expect(Golden.mismatch(r.stdout, goldenPath: golden) == nil, "\(Golden.mismatch(r.stdout, goldenPath: golden) ?? "")")
        }
    }

    @Test(arguments: [
        ("add-function", 1, 0), ("memory-in-one-environment", 1, 0), ("rename-bucket", 1, 1), ("remove-queue", 1, 1),
        ("add-write-access", 1, 0), ("comment-only", 0, 0),
    ])
    func exitCodes(_ scenario: String, _ withExitCode: Int32, _ failOnDataLoss: Int32) throws {
        let dir = try prepared(scenario)
        #expect(CommandRunner.distlang(["diff", "--exit-code"], in: dir.path).exitCode == withExitCode)
        #expect(CommandRunner.distlang(["diff", "--fail-on", "data-loss"], in: dir.path).exitCode == failOnDataLoss)
    }

    @Test func dataLossIsFlaggedInJSON() throws {
        let dir = try prepared("rename-bucket")
        let r = CommandRunner.distlang(["diff", "--format", "json"], in: dir.path)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["data_loss"] as? Bool == true)
        #expect(json["changed"] as? Bool == true)
    }

    @Test func againstAGitRevision() throws {
        let dir = try prepared("memory-in-one-environment")
        // Commit the base spec and its build; the working tree then holds the edited spec.
        try FileManager.default.copyItem(
            atPath: dir.appendingPathComponent("distlang.yaml").path, toPath: dir.appendingPathComponent("edited.yaml").path)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("distlang.yaml"))
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.path("\(Self.fixtures)/base.yaml"), toPath: dir.appendingPathComponent("distlang.yaml").path)
        for args in [["init", "-q"], ["add", "distlang.yaml", "dist"], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base"]] {
            let r = CommandRunner.run("git", args, in: dir.path)
            #expect(r.exitCode == 0, "git \(args): \(r.stderr)")
        }
        // dist/ is gone from the working tree: the manifest must come from git's objects.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("dist"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("distlang.yaml"))
        try FileManager.default.moveItem(at: dir.appendingPathComponent("edited.yaml"), to: dir.appendingPathComponent("distlang.yaml"))
        let r = CommandRunner.distlang(["diff", "--against-git", "HEAD", "--exit-code"], in: dir.path)
        #expect(r.exitCode == 1, "\(r.stderr)")
        #expect(r.stdout.contains("function api: memory 512 -> 1024"))
        let bad = CommandRunner.distlang(["diff", "--against-git", "no-such-revision"], in: dir.path)
        #expect(bad.exitCode == 2)
    }
}
