import DistlangCore
import DistlangSchema
import Foundation
import Testing
import TestSupport

/// distlang against python-jsonschema (4.x, the reference check-jsonschema uses) on seeded random
/// schemas and instances of every draft (`SchemaGenerator`): both must give the same verdict on
/// every pair, in-process and through the CLI.
@Suite struct DifferentialTests {
    static let schemasPerDraft = 60
    static let instancesPerSchema = 3

    struct Case {
        var draft: Draft
        var schema: Value
        var instance: Value
    }

    static func cases() -> [Case] {
        var out: [Case] = []
        for (i, draft) in Draft.allCases.enumerated() {
            var generator = SchemaGenerator(random: SeededRandom(seed: 18_000 + UInt64(i)), draft: draft)
            for _ in 0..<schemasPerDraft {
                let schema = generator.schema()
                for _ in 0..<instancesPerSchema { out.append(Case(draft: draft, schema: schema, instance: generator.instance())) }
            }
        }
        return out
    }

    /// Python's verdict for each case, in order: "1" valid, "0" invalid.
    static let script = """
        import json, sys, jsonschema.validators as v
        classes = {"draft-04": v.Draft4Validator, "draft-06": v.Draft6Validator, "draft-07": v.Draft7Validator,
                   "2019-09": v.Draft201909Validator, "2020-12": v.Draft202012Validator}
        out = []
        for c in json.load(open(sys.argv[1])):
            cls = classes[c["draft"]]
            cls.check_schema(c["schema"])
            out.append("1" if cls(c["schema"]).is_valid(c["instance"]) else "0")
        print("".join(out))
        """

    @Test func agreesWithPythonJSONSchema() throws {
        guard ExternalTool.shouldRun(needing: ExternalTool.find("python3")) else { return }
        let cases = Self.cases()
        let dir = RepositoryPaths.temporaryDirectory("distlang-differential")
        let file = dir.appendingPathComponent("cases.json")
        let list = Value.array(cases.map { ["draft": .string($0.draft.rawValue), "schema": $0.schema, "instance": $0.instance] })
        try JSONWriter().string(list).write(to: file, atomically: true, encoding: .utf8)
        let python = try ExternalTool.python(Self.script, [file.path])
        try #require(python.exitCode == 0, "python-jsonschema failed: \(python.stderr.suffix(800))")
        let expected = Array(python.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        try #require(expected.count == cases.count)

        var mismatches: [String] = []
        var invalid = 0
        for (i, c) in cases.enumerated() {
            let schema = try JSONSchema.compile(value: c.schema, uri: "https://differential.invalid/s.json")
            let ours = schema.isValid(c.instance) && schema.validate(c.instance).isEmpty
            if !ours { invalid += 1 }
            if ours != (expected[i] == "1") {
                mismatches.append("\(c.draft.rawValue) \(JSONWriter(indent: 0).string(c.schema)) on \(JSONWriter(indent: 0).string(c.instance)): python says \(expected[i] == "1" ? "valid" : "invalid")")
            }
        }
        print("differential: \(cases.count) cases, \(invalid) invalid, \(mismatches.count) disagreements")
        #expect(invalid > cases.count / 5 && invalid < cases.count * 4 / 5, "the generated cases should mix valid and invalid")
        for m in mismatches.prefix(20) { Issue.record(Comment(rawValue: m)) }
        #expect(mismatches.isEmpty)
        try checkThroughTheCLI(cases, expected, in: dir)
    }

    /// A sample through the binary: one schema file and one instance per case, in draft-04 and 2019-09.
    private func checkThroughTheCLI(_ cases: [Case], _ expected: [Character], in dir: URL) throws {
        var catalog: [Value] = []
        var files: [(String, Bool)] = []
        for (i, c) in cases.enumerated() where c.draft == .draft4 || c.draft == .draft2019_09 {
            try JSONWriter().string(c.schema).write(to: dir.appendingPathComponent("s\(i).json"), atomically: true, encoding: .utf8)
            try JSONWriter().string(c.instance).write(to: dir.appendingPathComponent("i\(i).json"), atomically: true, encoding: .utf8)
            catalog.append(["fileMatch": [.string("i\(i).json")], "url": .string("s\(i).json")])
            files.append(("i\(i).json", expected[i] == "1"))
        }
        try JSONWriter().string(["schemas": .array(catalog)]).write(to: dir.appendingPathComponent("catalog.json"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["validate", "--catalog", "catalog.json", "--format", "json", "--max-errors", "100000"] + files.map(\.0), in: dir)
        let report = try SuiteJSON.parse(r.stdout)
        let failing = Set((report["diagnostics"]?.arrayValue ?? []).compactMap { $0["file"]?.stringValue })
        for (file, valid) in files where failing.contains(file) == valid {
            Issue.record("CLI: \(file) should be \(valid ? "valid" : "invalid") as python says")
        }
    }
}
