import DistlangCore
import DistlangRender
import Foundation
import TestSupport
import Testing

/// Rendered YAML read back by PyYAML (a YAML 1.1 reader) and by cfn-lint's template loader:
/// every value and key exactly as in the tree, with the same types.
@Suite(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("python3"))), .timeLimit(.minutes(3)))
struct YAMLRoundTripTests {
    static let pyyaml = (imports: "import yaml", loader: "yaml.safe_load(data.decode('utf-8'))")
    static let cfnLint = (
        imports: "from cfnlint.decode import cfn_yaml", loader: "cfn_yaml.loads(data.decode('utf-8'))"
    )

    /// The documents: each hard string as a value, a key and a list item, then random trees.
    static var documents: [Value] {
        var documents: [Value] = HardStrings.corpus(seed: 5, randomCount: 300).map { text in
            .object(
                JSONObject([
                    ("value", .string(text)), (text, "as key"),
                    ("list", [.string(text), .object(JSONObject([(text, .string(text))]))]),
                    ("after", "sentinel"),
                ]))
        }
        var random = RandomValues(seed: 123)
        documents += (0..<300).map { _ in .object(random.object(depth: 4)) }
        documents.append(CloudFormationSample.template)
        let longKey = String(repeating: "k: #", count: 400)
        documents.append(
            .object(
                JSONObject([
                    (longKey, [1, .object(JSONObject([(longKey, "x" as Value), ("b", [] as Value)]))] as Value),
                    ("after", "sentinel" as Value),
                ])))
        return documents
    }

    static func check(with reader: (imports: String, loader: String)) throws {
        let documents = Self.documents
        let renderer = YAMLRenderer()
        let texts = documents.map { renderer.render($0, headerComment: "generated") }
        let (dir, files) = try TypedForm.writeFiles(texts, ext: "yaml", prefix: "yaml")
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try TypedForm.load(files, imports: reader.imports, loader: reader.loader)
        try #require(results.count == documents.count)
        for (i, (document, result)) in zip(documents, results).enumerated() {
            switch result {
            case .success(let value):
                #expect(value.isIdentical(to: TypedForm.of(document)), "document \(i):\n\(texts[i])")
            case .failure(let error):
                Issue.record("document \(i): \(error)\n\(texts[i])")
            }
        }
    }

    @Test func pyyamlReadsBackExactly() throws {
        try Self.check(with: Self.pyyaml)
    }

    @Test func cfnLintLoaderReadsBackExactly() throws {
        try Self.check(with: Self.cfnLint)
    }
}
