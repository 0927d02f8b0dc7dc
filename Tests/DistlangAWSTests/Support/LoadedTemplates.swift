import Foundation
import TestSupport

/// Every template of the corpus as the readers see it (Fixtures/load_templates.py): PyYAML and
/// cfn-lint for YAML, Python's json and cfn-lint for JSON.
struct LoadedTemplate {
    var entry: String
    var path: String
    /// Reader name -> document (or `["error": message]`).
    var documents: [String: Any]
}

enum LoadedTemplates {
    /// Nil when python3 (with PyYAML and cfn-lint) is absent and checkers are not required.
    static func load() throws -> [LoadedTemplate]? {
        if ExternalTool.find("python3") == nil {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "python3 is not on PATH") }
            return nil
        }
        let corpus = try AWSCorpus.writeAll()
        var files: [(String, String, String)] = []
        for (entry, dir) in corpus.entries {
            for file in AWSOutputs.templates(entry.output, "yaml") + AWSOutputs.templates(entry.output, "json") {
                files.append((entry.name, file.path, dir + "/" + file.path))
            }
        }
        let (result, json) = try Checkers.python("load_templates.py", files.map(\.2), timeout: 180)
        guard result.exitCode == 0, let all = json as? [String: [String: Any]] else {
            throw ExternalTool.Failure(description: "load_templates.py failed: \(result.stderr)")
        }
        return files.map { LoadedTemplate(entry: $0.0, path: $0.1, documents: all[$0.2] ?? [:]) }
    }
}
