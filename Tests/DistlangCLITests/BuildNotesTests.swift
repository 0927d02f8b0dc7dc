import Foundation
import Testing
import TestSupport

/// The build's notes on every example: only what the user must still do, each said once (not once
/// per environment), never a chore the build or `distlang deploy` does (zipping, uploading, editing a
/// generated file); `--quiet` hides them.
@Suite struct BuildNotesTests {
    static let examples = ["d1-catalog", "guestbook", "http-api", "links-ts", "queue-pipeline", "scheduled-job", "staged-app"]

    @Test(arguments: examples) func notesAreChoresLeftEachOnce(_ example: String) throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-notes")
        let app = dir.appendingPathComponent(example)
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("examples/\(example)"), toPath: app.path)
        try? FileManager.default.removeItem(at: app.appendingPathComponent("dist"))
        let build = CommandRunner.distlang(["build"], in: app.path, timeout: 120)
        #expect(build.exitCode == 0, "\(build.stderr)")
        let notes = build.stdout.split(separator: "\n").filter { $0.hasPrefix("  note: ") }.map(String.init)
        #expect(Set(notes).count == notes.count, "a note said twice: \(notes)")
        for note in notes {
            let lower = note.lowercased()
            for chore in ["zip", "upload", "edit", "add its id to", "codebucket", "code_key_prefix", "capability_named_iam"] {
                #expect(!lower.contains(chore), "\(example): \(note)")
            }
        }
        // Not once per environment: no two notes are the same chore in two environments.
        let perEnvironment = notes.map { note in
            ["production", "staging", "prod", "test"].reduce(note) { $0.replacingOccurrences(of: $1, with: "<env>") }
        }
        #expect(Set(perEnvironment).count == notes.count, "\(notes)")
        let quiet = CommandRunner.distlang(["build", "--quiet"], in: app.path, timeout: 120)
        #expect(quiet.exitCode == 0 && quiet.stdout.isEmpty)
    }
}
