import Foundation
import Testing
import TestSupport

/// `distlang diff --against-git REF` in a temporary repository whose dist/ is ignored, as most are:
/// the old spec is built from git's objects (no checkout, no committed dist/); a committed manifest
/// is used when there is one; the report says which.
struct GitBaselineTests {
    /// A repository with the base spec committed (dist/ ignored), built in the working tree, then
    /// `scenario`'s spec in its place; `folder` puts the spec in a subfolder.
    static func repository(_ scenario: String, folder: String = ".") throws -> (root: URL, app: URL) {
        let root = RepositoryPaths.temporaryDirectory("distlang-git")
        let app = root.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        try GitRepositoryFixture.initialise(root)
        try "dist/\n".write(to: root.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        let spec = app.appendingPathComponent("distlang.yaml")
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("\(DiffScenarioTests.fixtures)/base.yaml"), toPath: spec.path)
        try HandlerStubs.write(forSpecAt: spec.path)
        try GitRepositoryFixture.commit(root, "base", files: [".gitignore", folder == "." ? "." : folder])
        try FileManager.default.removeItem(at: spec)
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("\(DiffScenarioTests.fixtures)/\(scenario).yaml"), toPath: spec.path)
        try HandlerStubs.write(forSpecAt: spec.path)
        // dist/ holds a build of the working tree's spec: comparing with it would show nothing.
        #expect(CommandRunner.distlang(["build", spec.path]).exitCode == 0)
        return (root, app)
    }

    @Test func theOldSpecIsBuiltFromGitObjects() throws {
        let (root, _) = try Self.repository("remove-bucket")
        let head = try GitRepositoryFixture.git(["rev-parse", "HEAD"], in: root).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(CommandRunner.distlang(["diff", "--exit-code"], in: root.path).exitCode == 0, "dist/ is the working tree's build")

        let text = CommandRunner.distlang(["diff", "--against-git", "HEAD", "--fail-on", "data-loss"], in: root.path)
        #expect(text.exitCode == 1, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("distlang diff against the spec at HEAD (\(head.prefix(12))): distlang.yaml, built with distlang"))
        #expect(text.stdout.contains("- aws_s3_bucket uploads (shop-production-uploads)   DATA LOSS (deleted)"), "\(text.stdout)")
        #expect(text.stdout.contains("- cloudflare_r2_bucket uploads (shop-production-uploads)   DATA LOSS (deleted)"))
        #expect(text.stdout.contains("- AWS::S3::Bucket UploadsBucket (shop-production-uploads)   orphaned (retained with its data)"))

        let json = CommandRunner.distlang(["diff", "--against-git", "HEAD", "--format", "json"], in: root.path)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let baseline = try #require(report["baseline"] as? [String: Any])
        #expect(baseline["kind"] as? String == "git-spec")
        #expect(baseline["revision"] as? String == "HEAD")
        #expect(baseline["commit"] as? String == head)
        #expect(baseline["path"] as? String == "distlang.yaml")
        #expect(report["data_loss"] as? Bool == true)

        let markdown = CommandRunner.distlang(["diff", "--against-git", "HEAD", "--format", "markdown"], in: root.path)
        #expect(markdown.stdout.contains("Against the spec at HEAD (\(head.prefix(12))): distlang.yaml, built with distlang"))

        // Nothing was checked out or written: the working tree still has only the edited spec.
        #expect(try GitRepositoryFixture.git(["status", "--porcelain"], in: root) == " M distlang.yaml\n")
        #expect(try GitRepositoryFixture.git(["rev-parse", "HEAD"], in: root).hasPrefix(head))
    }

    @Test func aCommittedManifestIsUsedWhenThereIsOne() throws {
        let (root, _) = try Self.repository("remove-bucket")
        // Commit dist/ as built from the base spec.
        let spec = root.appendingPathComponent("distlang.yaml")
        let edited = try String(contentsOf: spec, encoding: .utf8)
        try GitRepositoryFixture.git(["checkout", "-q", "--", "distlang.yaml"], in: root)
        #expect(CommandRunner.distlang(["build"], in: root.path).exitCode == 0)
        try GitRepositoryFixture.commit(root, "dist", files: ["dist"], force: true)
        try edited.write(to: spec, atomically: true, encoding: .utf8)

        let r = CommandRunner.distlang(["diff", "--against-git", "HEAD", "--fail-on", "data-loss"], in: root.path)
        #expect(r.exitCode == 1, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("distlang diff against the build committed at HEAD ("), "\(r.stdout.prefix(200))")
        #expect(r.stdout.contains(": dist/distlang-manifest.json"))
        #expect(r.stdout.contains("aws_s3_bucket uploads (shop-production-uploads)   DATA LOSS (deleted)"))
    }

    @Test func aSpecInASubfolderFromAnyWorkingDirectory() throws {
        let (root, app) = try Self.repository("add-write-access", folder: "services/shop")
        let spec = app.appendingPathComponent("distlang.yaml").path
        for cwd in [root.path, app.path, "/"] {
            let r = CommandRunner.distlang(["diff", spec, "--against-git", "main", "--exit-code"], in: cwd)
            #expect(r.exitCode == 1, "\(cwd): \(r.stderr)")
            #expect(r.stdout.contains("against the spec at main ("), "\(cwd): \(r.stdout.prefix(200))")
            #expect(r.stdout.contains(": services/shop/distlang.yaml, built with distlang"))
            #expect(r.stdout.contains("api: + write on bucket uploads (s3:PutObject, s3:DeleteObject)"))
        }
    }

    /// The unchanged spec at REF gives no changes: the old build is made exactly as the new one.
    @Test func theSameSpecAtTheRevisionIsNoChange() throws {
        let (root, _) = try Self.repository("comment-only")
        let r = CommandRunner.distlang(["diff", "--against-git", "HEAD", "--exit-code"], in: root.path)
        #expect(r.exitCode == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasSuffix("no changes\n"))
    }
}
