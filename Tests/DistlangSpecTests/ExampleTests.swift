import DistlangCore
import DistlangModel
import DistlangSpec
import Foundation
import Testing
import TestSupport

/// The bundled examples: each is valid, and an independent validator (python jsonschema) accepts it
/// against the schema distlang prints.
struct ExampleTests {
    static var examples: [String] {
        let root = RepositoryPaths.path("examples")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted().compactMap { dir in
            for name in ["distlang.yaml", "distlang.json"] where FileManager.default.fileExists(atPath: "\(root)/\(dir)/\(name)") {
                return "examples/\(dir)/\(name)"
            }
            return nil
        }
    }

    @Test func atLeastFourExamplesOneInJSON() {
        #expect(Self.examples.count >= 4)
        #expect(Self.examples.contains { $0.hasSuffix(".json") })
    }

    @Test(arguments: examples)
    func exampleIsValid(_ path: String) {
        let compiled = SpecCompiler.checked.compile(file: RepositoryPaths.path(path))
        #expect(!compiled.hasErrors, "\(path): \(compiled.diagnostics.map(\.message))")
        #expect(compiled.diagnostics.filter { $0.severity == .warning }.isEmpty, "\(path) has warnings: \(compiled.diagnostics.map(\.message))")
        #expect(!compiled.models.isEmpty)
    }

    @Test func pythonJSONSchemaAcceptsEveryExample() throws {
        let dir = RepositoryPaths.temporaryDirectory()
        let schemaPath = dir.appendingPathComponent("distlang.schema.json").path
        try SpecSchema.text.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, yaml
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1]))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            bad = 0
            for path in sys.argv[2:]:
                with open(path) as f:
                    doc = json.load(f) if path.endswith(".json") else yaml.safe_load(f)
                for e in validator.iter_errors(doc):
                    bad += 1
                    print(path, list(e.absolute_path), e.message)
            print("checked", len(sys.argv) - 2)
            sys.exit(1 if bad else 0)
            """
        let result = try ExternalTool.python(script, [schemaPath] + Self.examples.map(RepositoryPaths.path))
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("checked \(Self.examples.count)"))
    }

    @Test func embeddedSchemaMatchesTheSchemaFile() throws {
        let file = try String(contentsOfFile: RepositoryPaths.path("schemas/distlang.schema.json"), encoding: .utf8)
        #expect(SpecSchema.text == file, "run scripts/embed-text.py (see its header) after editing schemas/distlang.schema.json")
    }
}

/// The embedded schema is compiled without its meta-schema check at run time; this checks it once.
struct EmbeddedSchemaTests {
    @Test func specSchemaIsAValidDraft2020Schema() throws {
        _ = try SpecSchemaValidator.compile(checkingMetaschema: true)
    }
}
