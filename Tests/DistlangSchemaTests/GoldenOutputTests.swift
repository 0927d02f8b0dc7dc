import Foundation
import TestSupport
import Testing

/// The four output formats of `distlang validate --schema` for a failing YAML and a failing JSON
/// instance, compared byte for byte with Goldens/ (re-record with DISTLANG_RECORD=1).
@Suite struct GoldenOutputTests {
    static let fixtures = SuitePaths.testsRoot.appendingPathComponent("Fixtures")

    @Test(arguments: ["invalid.yaml", "invalid.json"], ["text", "json", "github", "sarif"])
    func output(_ instance: String, _ format: String) throws {
        let result = try CLIRunner.run(
            ["validate", "--schema", "service.schema.json", "--format", format, instance], in: Self.fixtures)
        #expect(result.exitCode == 1)
        let text = "exit: \(result.exitCode)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
        Golden.assert(text, path: "Tests/DistlangSchemaTests/Goldens/\(instance).\(format).golden")
    }
}
