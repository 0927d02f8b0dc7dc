import Foundation
import Testing
import TestSupport

/// `distlang validate` on files that do or do not load: exit codes and every output format.
struct ValidateLoadTests {
    static let fixtures = "Tests/DistlangCLITests/Fixtures"

    private func run(_ args: [String]) -> CommandResult {
        CommandRunner.distlang(args, in: RepositoryPaths.root.path)
    }

    @Test func validFileExitsZero() {
        let r = run(["validate", "\(Self.fixtures)/ok.yaml"])
        #expect(r.exitCode == 0)
    }

    @Test func missingFileIsAnIOError() {
        let r = run(["validate", "\(Self.fixtures)/nope.yaml"])
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("does not exist"))
    }

    @Test func unknownOptionIsAUsageError() {
        let r = run(["validate", "--no-such-flag"])
        #expect(r.exitCode == 2)
    }

    @Test func versionAndHelp() {
        #expect(run(["--version"]).stdout == "0.1.0\n")
        let help = run(["--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("validate"))
    }

    @Test(arguments: ["text", "json", "github", "sarif"])
    func duplicateKeyInEveryFormat(_ format: String) {
        let r = run(["validate", "--format", format, "\(Self.fixtures)/duplicate.yaml", "\(Self.fixtures)/trailing.json"])
        #expect(r.exitCode == 1)
        let output = format == "text" ? r.stderr : r.stdout
        Golden.assert(output, path: "Tests/DistlangCLITests/Goldens/load-errors.\(format)")
    }
}
