import DistlangCore
import Foundation
import TestSupport
import Testing

/// CloudFormation JSON is written by `DistlangCore.JSONWriter`; Python's json module must read
/// it back exactly: strings byte for byte, integers as integers, doubles bit for bit.
@Suite(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("python3"))), .timeLimit(.minutes(2)))
struct JSONWriterRoundTripTests {
    @Test(arguments: [JSONWriter(indent: 2), JSONWriter(indent: 0), JSONWriter(indent: 2, sortKeys: true)])
    func pythonReadsBackExactly(writer: JSONWriter) throws {
        var documents: [Value] = HardStrings.corpus(seed: 3, randomCount: 200).map { text in
            .object(JSONObject([("value", .string(text)), (text, [.string(text)]), ("after", "sentinel")]))
        }
        var random = RandomValues(seed: 77)
        documents += (0..<200).map { _ in .object(random.object(depth: 4)) }

        let (dir, files) = try TypedForm.writeFiles(documents.map(writer.string), ext: "json", prefix: "json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = try TypedForm.load(files, imports: "", loader: "json.loads(data.decode('utf-8'))")
        try #require(results.count == documents.count)
        for (i, (document, result)) in zip(documents, results).enumerated() {
            switch result {
            case .success(let value):
                #expect(value.isIdentical(to: TypedForm.of(document)), "document \(i)")
            case .failure(let error):
                Issue.record("document \(i): \(error)")
            }
        }
    }
}
