import DistlangCore
import DistlangRender
import Foundation
import TestSupport
import Testing

/// Rendered TOML read back by Python's tomllib: values and structure exactly as in the tree.
@Suite(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("python3"))), .timeLimit(.minutes(3)))
struct TOMLRoundTripTests {
    static func readBack(_ documents: [TOMLDocument]) throws -> [Result<Value, ExternalTool.Failure>] {
        let renderer = TOMLRenderer()
        let (dir, files) = try TypedForm.writeFiles(documents.map(renderer.render), ext: "toml", prefix: "toml")
        defer { try? FileManager.default.removeItem(at: dir) }
        return try TypedForm.load(files, imports: "import tomllib", loader: "tomllib.loads(data.decode('utf-8'))")
    }

    /// Each string as a value, a key, an array item, an inline-table key and value, and a header
    /// key, with a sentinel key after each place it could leak into.
    static func document(for text: String) -> TOMLDocument {
        let section: TOMLTable = [
            "value": .string(text), text: "as key", "array": [.string(text), .string(text)],
            "inline": .inlineTable([text: .string(text)]), "after": "sentinel",
        ]
        return TOMLDocument(
            headerComment: text,
            [
                "top": .string(text), "section": .table(section),
                "env": .table([text: .table(["queues": .table(["producers": .arrayOfTables([section, section])])])]),
            ])
    }

    @Test func hardStringsReadBackExactly() throws {
        let strings = HardStrings.corpus(seed: 17, randomCount: 400)
        let documents = strings.map(Self.document)
        let results = try Self.readBack(documents)
        try #require(results.count == documents.count)
        for ((text, document), result) in zip(zip(strings, documents), results) {
            switch result {
            case .success(let value):
                #expect(value.isIdentical(to: TypedForm.of(document.root)), "string \(text.debugDescription)")
            case .failure(let error):
                Issue.record("string \(text.debugDescription): \(error)")
            }
        }
    }

    @Test func randomTreesReadBackExactly() throws {
        var trees = TOMLRandomTrees(seed: 99)
        let documents = (0..<300).map { _ in TOMLDocument(headerComment: "x", trees.table(depth: 3)) }
        let results = try Self.readBack(documents)
        try #require(results.count == documents.count)
        for (i, (document, result)) in zip(documents, results).enumerated() {
            switch result {
            case .success(let value):
                let text = TOMLRenderer().render(document)
                #expect(value.isIdentical(to: TypedForm.of(document.root)), "document \(i):\n\(text)")
            case .failure(let error):
                Issue.record("document \(i): \(error)\n\(TOMLRenderer().render(document))")
            }
        }
    }

    @Test func specialFloatsReadBackAsFloats() throws {
        let doc = TOMLDocument(["a": .float(.infinity), "b": .float(-.infinity), "c": .float(.nan)])
        let result = try ExternalTool.python(
            "import tomllib, math, sys; d = tomllib.loads(sys.argv[1]); "
                + "print(d['a'] == math.inf and d['b'] == -math.inf and math.isnan(d['c']))",
            [TOMLRenderer().render(doc)])
        #expect(result.stdout == "True\n", "\(result.stderr)")
    }
}

/// Random TOML trees: every kind of value and section, nested, with hard keys and strings.
struct TOMLRandomTrees {
    var rng: SeededRandom

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func table(depth: Int) -> TOMLTable {
        var table = TOMLTable()
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            table[key()] = value(depth: depth)
        }
        return table
    }

    mutating func key() -> String {
        rng.chance(0.5)
            ? rng.pick(["name", "main", "vars", "env", "queues", "a-b", "x_1", "9"])
            : HardStrings.random(using: &rng, maxPieces: 3)
    }

    mutating func value(depth: Int) -> TOMLValue {
        switch Int.random(in: 0..<(depth > 0 ? 11 : 6), using: &rng) {
        case 0: return .string(HardStrings.random(using: &rng))
        case 1: return .integer(rng.pick([0, -1, 7, Int64.max, Int64.min]))
        case 2: return .float(rng.pick([0.5, -0.0, 1e20, .leastNonzeroMagnitude, 1.0, -123.25]))
        case 3: return .bool(rng.chance(0.5))
        case 4: return .string(rng.pick(HardStrings.fixed))
        case 5: return .array([])
        case 6: return .array((0..<Int.random(in: 1...3, using: &rng)).map { _ in value(depth: depth - 1) })
        case 7: return .inlineTable(table(depth: depth - 1))
        case 8, 9: return .table(table(depth: depth - 1))
        default: return .arrayOfTables((0..<Int.random(in: 0...2, using: &rng)).map { _ in table(depth: depth - 1) })
        }
    }
}
