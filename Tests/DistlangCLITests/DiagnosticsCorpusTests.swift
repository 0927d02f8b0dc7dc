import Foundation
import Testing
import TestSupport

/// The diagnostics corpus (Tests/Corpus/diagnostics): each spec's full `distlang validate` output
/// (exit code, standard error, standard output) against its golden, and the JSON and SARIF forms of
/// a few. The day is fixed so runtime lifecycles do not move the goldens.
struct DiagnosticsCorpusTests {
    static let corpus = "Tests/Corpus/diagnostics"
    static let goldens = "Tests/DistlangCLITests/Goldens/diagnostics"

    static var cases: [String] {
        let dir = RepositoryPaths.path(corpus)
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
    }

    /// Cases also checked in the machine formats.
    static let machineCases = ["overlay-removed-resource.yaml", "names.yaml", "yaml-missing-space.yaml"]

    private static func run(_ arguments: [String]) -> CommandResult {
        CommandRunner.distlang(arguments, in: RepositoryPaths.path(corpus), environment: ["DISTLANG_TODAY": "2026-12-01"])
    }

    @Test func theCorpusCoversEachKindOfMistake() {
        #expect(Self.cases.count >= 20)
        #expect(Self.cases.contains { $0.hasSuffix(".json") && $0.hasPrefix("overlay-") })
    }

    @Test(arguments: cases)
    func textOutput(_ name: String) {
        let result = Self.run(["validate", name])
        #expect(!result.timedOut)
        let text = "$ distlang validate \(name)\nexit \(result.exitCode)\n" + result.stderr + result.stdout
        let golden = "\(Self.goldens)/\(name).txt"
        Golden.assert(text, path: golden)
        // Acceptance: no message shows schema internals.
        for leak in ["must not match the schema", "$ref", "oneOf", "anyOf", "does not match the pattern", "/properties/"] {
            #expect(!text.contains(leak), "\(name) shows \(leak)")
        }
    }

    @Test(arguments: machineCases, ["json", "sarif"])
    func machineOutput(_ name: String, _ format: String) {
        let result = Self.run(["validate", "--format", format, name])
        #expect(result.exitCode == 1)
        let golden = "\(Self.goldens)/\(name).\(format)"
        Golden.assert(result.stdout, path: golden)
    }

    /// Every error and warning in the corpus has a location and words; every golden belongs to a case.
    @Test func everyDiagnosticIsLocated() throws {
        for name in Self.cases {
            let result = Self.run(["validate", "--format", "json", name])
            let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            for d in report?["diagnostics"] as? [[String: Any]] ?? [] {
                #expect((d["line"] as? Int ?? 0) >= 1, "\(name): \(d)")
                #expect(!(d["message"] as? String ?? "").isEmpty)
            }
        }
        let goldens = (try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.path(Self.goldens))) ?? []
        for golden in goldens {
            // `<case>.txt`, `<case>.json`, `<case>.sarif`: the case is the name without its last extension.
            #expect(Self.cases.contains((golden as NSString).deletingPathExtension), "stale golden \(golden)")
        }
    }
}
