import DistlangCore
import Foundation
import TestSupport

/// Runs JSON-Schema-Test-Suite files through the built `distlang` binary, one process per draft: each
/// group's schema and each test's data are written to files, a catalogue maps every group's data files
/// to its schema (`--catalog`), and the suite's remotes are served with `--ref-dir`. A test passes when
/// its data file has errors exactly when it should (and a valid one's schema compiled).
enum CLISuiteRunner {
    /// One suite test: where its data went and what the suite expects.
    struct Case {
        var name: String
        var dataFile: String
        var schemaFile: String
        var valid: Bool
    }

    struct Outcome {
        var passed: [String] = []
        var failures: [String] = []
    }

    static func run(draft: String, files: [String], assertFormats: Bool) throws -> Outcome {
        let dir = RepositoryPaths.temporaryDirectory("distlang-suite-cli")
        let cases = try write(draft: draft, files: files, into: dir)
        var args = ["validate", "--catalog", "catalog.json", "--ref-dir", "http://localhost:1234/=\(SuitePaths.suite.path)/remotes/",
                    "--format", "json", "--max-errors", "1000000"]
        if assertFormats { args.append("--assert-formats") }
        let result = try CLIRunner.run(args + cases.map(\.dataFile), in: dir, timeout: 300)
        guard let report = try? SuiteJSON.parse(result.stdout), case .array(let diagnostics)? = report["diagnostics"] else {
            return Outcome(failures: ["\(draft): no JSON report (exit \(result.exitCode)): \(result.stderr.prefix(500))"])
        }
        var erroneous: [String: String] = [:]
        for d in diagnostics where d["severity"]?.stringValue == "error" {
            guard let file = d["file"]?.stringValue else { continue }
            erroneous[(file as NSString).lastPathComponent] = erroneous[(file as NSString).lastPathComponent] ?? d["message"]?.stringValue ?? ""
        }
        var outcome = Outcome()
        for c in cases {
            let dataError = erroneous[(c.dataFile as NSString).lastPathComponent]
            let schemaError = erroneous[c.schemaFile]
            let ok = c.valid ? (dataError == nil && schemaError == nil) : dataError != nil
            if ok {
                outcome.passed.append(c.name)
            } else {
                outcome.failures.append("\(c.name): expected \(c.valid ? "valid" : "invalid"); \(schemaError ?? dataError ?? "no error")")
            }
        }
        return outcome
    }

    /// Writes `gN.schema.json`, `gN-tM.json` per group and test, and `catalog.json`.
    private static func write(draft: String, files: [String], into dir: URL) throws -> [Case] {
        var cases: [Case] = []
        var catalog: [Value] = []
        let dialect = SuitePaths.draft(of: draft).metaschemaURI
        var group = 0
        for file in files {
            let text = try String(contentsOf: SuitePaths.suite.appendingPathComponent("tests/\(draft)/\(file)"), encoding: .utf8)
            for g in try SuiteJSON.parse(text).arrayValue ?? [] {
                group += 1
                var schema = g["schema"] ?? .null
                // The folder names the draft; the CLI's default is 2020-12, so say it in the schema.
                if case .object(var o) = schema, o["$schema"] == nil {
                    o["$schema"] = .string(dialect)
                    schema = .object(o)
                }
                let schemaFile = "g\(group).schema.json"
                try JSONWriter().string(schema).write(to: dir.appendingPathComponent(schemaFile), atomically: true, encoding: .utf8)
                catalog.append(["name": .string("g\(group)"), "fileMatch": [.string("g\(group)-t*.json")], "url": .string(schemaFile)])
                for (i, t) in (g["tests"]?.arrayValue ?? []).enumerated() {
                    let dataFile = "g\(group)-t\(i).json"
                    try JSONWriter().string(t["data"] ?? .null).write(to: dir.appendingPathComponent(dataFile), atomically: true, encoding: .utf8)
                    let name = "\(file)::\(g["description"]?.stringValue ?? "?")::\(t["description"]?.stringValue ?? "?")"
                    cases.append(Case(name: name, dataFile: dataFile, schemaFile: schemaFile, valid: t["valid"]?.boolValue ?? false))
                }
            }
        }
        let catalogText = JSONWriter().string(["version": 1, "schemas": .array(catalog)])
        try catalogText.write(to: dir.appendingPathComponent("catalog.json"), atomically: true, encoding: .utf8)
        return cases
    }
}
