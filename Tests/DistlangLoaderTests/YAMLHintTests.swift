import DistlangCore
import DistlangLoader
import Testing

/// libyaml's block-structure errors become the probable mistake, at the line that caused it.
struct YAMLHintTests {
    private func hinted(_ text: String) -> (code: String, at: String, hint: String)? {
        guard let d = yaml(text).diagnostics.first(where: { $0.severity == .error }), let l = d.location else { return nil }
        return (d.code, "\(l.line):\(l.column)", d.hint ?? "")
    }

    @Test func aLineIndentedIntoTheValueAbove() {
        let h = hinted("a:\n  source: x.js\n   memory: 256\n")
        #expect(h?.code == "yaml.indentation")
        #expect(h?.at == "3:4")
        #expect(h?.hint == "indent it 2 spaces to line it up with \"source\" on line 2")
    }

    @Test func aLineBetweenTwoLevels() {
        let h = hinted("a:\n  b:\n    c: 1\n   d: 2\n")
        #expect(h?.code == "yaml.indentation")
        #expect(h?.at == "4:4")
        #expect(h?.hint == "indent it 4 spaces to line it up with \"c\" on line 3, or 2 spaces to line it up with \"b\" on line 2")
    }

    @Test func aListItemOffItsList() {
        let h = hinted("a:\n  - x\n - y\nb: 1\n")
        #expect(h?.code == "yaml.indentation")
        #expect(h?.at == "3:2")
    }

    @Test func aMissingSpaceAfterTheColonIsFoundOnTheLineAbove() {
        let h = hinted("a:\n  source:x.js\n  memory: 256\n")
        #expect(h?.code == "yaml.colon-space")
        #expect(h?.at == "2:9")
        #expect(h?.hint == "write \"source: x.js\"")
    }

    @Test func aKeyWithoutItsColon() {
        let h = hinted("a: 1\nmemory 256\nb: 2\n")
        #expect(h?.code == "yaml.missing-colon")
        #expect(h?.at == "2:1")
        #expect(h?.hint == "write \"memory: 256\"")
    }

    @Test func aColonInAPlainValue() {
        let h = hinted("description: Note: it works\n")
        #expect(h?.code == "yaml.unquoted-colon")
        #expect(h?.hint == "put the value in quotes: description: \"Note: it works\"")
    }

    @Test func aTabInTheIndentation() {
        #expect(hinted("a:\n  b: 1\n\t  c: 2\n")?.code == "yaml.tab")
    }

    @Test func theParserSaysWhereItStopped() {
        let d = yaml("a:\n  source: x.js\n   memory: 256\n").diagnostics.first
        #expect(d?.notes.map(\.message) == ["the YAML parser stopped at 3:10: mapping values are not allowed in this context"])
    }
}
