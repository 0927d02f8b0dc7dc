import DistlangCore
import Testing

@testable import DistlangLoader

/// TOML through toml++: values, document key order, positions of values and keys, and the errors.
@Suite struct TOMLLoaderTests {
    func load(_ text: String) -> LoadResult { Loader.load(text: text, file: "t.toml", format: .toml) }

    @Test func valuesKeyOrderAndPositions() throws {
        let doc = try #require(load("""
            zeta = 1
            alpha = [1.5, true, "s"]
            when = 1979-05-27T07:32:00Z
            day = 1979-05-27
            [server]
            host.name = "é.example"
            [[items]]
            id = 9223372036854775807
            """).document)
        #expect(doc.value["zeta"] == 1)
        #expect(doc.value["alpha"] == [1.5, true, "s"])
        #expect(doc.value["when"] == "1979-05-27T07:32:00Z")
        #expect(doc.value["day"] == "1979-05-27")
        #expect(doc.value["server"]?["host"]?["name"] == "é.example")
        #expect(doc.value["items"] == [["id": .integer(Int64.max)]])
        #expect(doc.value.objectValue?.keys == ["zeta", "alpha", "when", "day", "server", "items"])
        let map = doc.sourceMap
        #expect(map.location(of: JSONPointer("/alpha/2")!).description == "t.toml:2:21")
        #expect(map.keyLocation(of: JSONPointer("/server/host/name")!).description == "t.toml:6:6")
        #expect(map.location(of: JSONPointer("/server/host/name")!).description == "t.toml:6:13")
        #expect(map.location(of: JSONPointer("/items/0/id")!).description == "t.toml:8:6")
    }

    @Test func errorsHavePositions() {
        let syntax = load("a = 1\nb = [1,\n")
        #expect(syntax.diagnostics.first?.code == "toml.syntax")
        #expect(syntax.diagnostics.first?.location?.line == 2)
        let inf = load("x = 1\ny = inf\n")
        #expect(inf.diagnostics.first?.code == "toml.non-finite-number")
        #expect(inf.diagnostics.first?.location?.description == "t.toml:2:5")
        #expect(load("").document?.value == .object(JSONObject()))
    }

    @Test func deepDottedKeysAreRefusedBeforeTheParser() {
        let deep = load("x = 1\n[" + Array(repeating: "a", count: 2_000_000).joined(separator: ".") + "]\n")
        #expect(deep.diagnostics.first?.code == "input.too-deep")
        #expect(deep.diagnostics.first?.location?.description == "t.toml:2:1")
        // An array spread over lines counts as one line.
        let key = Array(repeating: "a", count: 300).joined(separator: ".")
        let spread = load("x = [\n" + Array(repeating: "{\(key) = 1},", count: 10).joined(separator: "\n") + "\n]\n")
        #expect(spread.diagnostics.first?.code == "input.too-deep")
        // Dots in strings, comments, floats and multi-line strings do not count.
        let dots = String(repeating: ".", count: 3_000)
        let floats = Array(repeating: "1.5", count: 2_500).joined(separator: ",")
        let fine = load("s = \"\(dots)\" # \(dots)\nm = '''\n\(dots)\n'''\nf = [\(floats)]\n")
        #expect(fine.diagnostics.isEmpty)
    }

    @Test func theFormatFollowsTheFileName() {
        #expect(InputFormat.forPath("pyproject.toml") == .toml)
        #expect(InputFormat.forPath("a/B.TOML") == .toml)
        #expect(InputFormat.forPath("a.yml") == .yaml)
    }
}
