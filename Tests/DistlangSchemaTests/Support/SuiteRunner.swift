import DistlangCore
import DistlangSchema
import Foundation

/// Runs JSON-Schema-Test-Suite files through the engine: every group's schema is compiled (checked
/// against its meta-schema on the way), every test's data validated, in both the quiet mode
/// (`isValid`) and the collecting mode (`validate`), which must agree with the expected answer.
enum SuiteRunner {
    struct Outcome {
        var passed = 0
        var failures: [String] = []
        var skipped = 0
    }

    /// The suite's `remotes/` folder as URI -> value, served under `http://localhost:1234/`.
    static let remotes: [(uri: String, value: Value)] = {
        let root = SuitePaths.suite.appendingPathComponent("remotes")
        var out: [(String, Value)] = []
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let rel = walker?.nextObject() as? String {
            guard rel.hasSuffix(".json"), let text = try? String(contentsOf: root.appendingPathComponent(rel), encoding: .utf8),
                let value = try? SuiteJSON.parse(text)
            else { continue }
            out.append(("http://localhost:1234/" + rel, value))
        }
        return out
    }()

    static func registry() -> SchemaRegistry {
        let r = SchemaRegistry(allowsFileURIs: false)
        for (uri, value) in remotes { r.add(value: value, uri: uri) }
        return r
    }

    /// Runs one suite file (`file` relative to `tests/<draft>/`); `skips` maps "file::group::test" to a reason.
    static func run(draft: String, file: String, assertFormats: Bool, skips: [String: String] = [:]) -> Outcome {
        var outcome = Outcome()
        let url = SuitePaths.suite.appendingPathComponent("tests/\(draft)/\(file)")
        guard let text = try? String(contentsOf: url, encoding: .utf8), let groups = try? SuiteJSON.parse(text).arrayValue else {
            outcome.failures.append("\(file): cannot read the suite file")
            return outcome
        }
        let options = SchemaCompileOptions(
            assertFormats: assertFormats, defaultDraft: SuitePaths.draft(of: draft),
            baseURI: "https://suite.invalid/root.json")
        for group in groups {
            let groupName = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            let schema: JSONSchema
            do {
                schema = try JSONSchema.compile(value: group["schema"] ?? .null, uri: options.baseURI!, registry: registry(), options: options)
            } catch {
                for t in tests {
                    let name = "\(file)::\(groupName)::\(t["description"]?.stringValue ?? "?")"
                    if skips[name] != nil { outcome.skipped += 1; continue }
                    outcome.failures.append("\(name): schema did not compile: \(error.diagnostics.map(\.message).joined(separator: "; "))")
                }
                continue
            }
            for t in tests {
                let name = "\(file)::\(groupName)::\(t["description"]?.stringValue ?? "?")"
                if skips[name] != nil {
                    outcome.skipped += 1
                    continue
                }
                let data = t["data"] ?? .null
                let expected = t["valid"]?.boolValue ?? false
                let quiet = schema.isValid(data)
                let diagnostics = schema.validate(data)
                if quiet == expected && diagnostics.isEmpty == expected {
                    outcome.passed += 1
                } else {
                    let detail = diagnostics.prefix(3).map { "\($0.pointer?.description ?? ""): \($0.message)" }.joined(separator: "; ")
                    outcome.failures.append(
                        "\(name): expected \(expected ? "valid" : "invalid"), isValid=\(quiet), validate gave \(diagnostics.count) errors \(detail)")
                }
            }
        }
        return outcome
    }
}
