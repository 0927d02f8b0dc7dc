import DistlangModel
import Foundation
import TestSupport

/// Writes emitted files into a fresh folder and runs the external checkers on all of them at once.
enum Checkers {
    /// Writes every file of `outputs` under `<dir>/<index>/<path>`; returns the folder and, per
    /// output, its files' absolute paths keyed by their output path.
    static func write(_ outputs: [TargetOutput], prefix: String) throws -> (URL, [[String: String]]) {
        let dir = RepositoryPaths.temporaryDirectory("distlang-cf-\(prefix)")
        var paths: [[String: String]] = []
        for (i, output) in outputs.enumerated() {
            var map: [String: String] = [:]
            for file in output.files {
                let url = dir.appendingPathComponent("\(i)").appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
                map[file.path] = url.path
            }
            paths.append(map)
        }
        return (dir, paths)
    }

    /// The vendored wrangler config schema (v4.70.0).
    static var wranglerSchemaPath: String {
        RepositoryPaths.path("Tests/DistlangCloudflareTests/Vendor/wrangler-config-schema.v4.70.0.json")
    }

    /// One python3 run over every file: each is parsed with tomllib and validated with jsonschema's
    /// Draft7Validator against the vendored schema. Result per file: the parsed document (as JSON,
    /// non-ASCII escaped so strings come back exactly), the parse error, the schema errors.
    static func wrangler(_ files: [String]) throws -> [String: (document: JSONTree?, errors: [String])] {
        let script = """
            import json, sys, tomllib
            from jsonschema import Draft7Validator
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            Draft7Validator.check_schema(schema)
            validator = Draft7Validator(schema)
            out = {}
            for path in sys.argv[2:]:
                try:
                    with open(path, "rb") as f:
                        doc = tomllib.load(f)
                except Exception as e:
                    out[path] = {"document": None, "errors": ["TOML: " + str(e)]}
                    continue
                errors = ["/".join(map(str, e.path)) + ": " + e.message for e in validator.iter_errors(doc)]
                out[path] = {"document": doc, "errors": sorted(errors)}
            print(json.dumps(out, ensure_ascii=True))
            """
        let result = try ExternalTool.python(script, [wranglerSchemaPath] + files)
        guard result.exitCode == 0, !result.timedOut else {
            throw ExternalTool.Failure(description: "python3 failed (\(result.exitCode)): \(result.stderr)")
        }
        guard case .object(let all) = try JSONTree.parse(result.stdout) else {
            throw ExternalTool.Failure(description: "unexpected output: \(result.stdout.prefix(500))")
        }
        var reports: [String: (JSONTree?, [String])] = [:]
        for (path, report) in all {
            let document = report["document"].flatMap { $0 == .null ? nil : $0 }
            reports[path] = (document, report["errors"]?.strings ?? ["no errors list"])
        }
        return reports
    }

    /// One hclcheck --json run over every file.
    static func hcl(_ files: [String]) throws -> (status: Int32, reports: [String: HCLCheckReport]) {
        let (status, reports) = try HCLCheckReport.run(files)
        return (status, Dictionary(uniqueKeysWithValues: reports.map { ($0.file, $0) }))
    }
}

/// hclcheck reports with attribute values as `JSONTree`.
typealias HCLCheckReport = TestSupport.HCLCheckReport<JSONTree>
