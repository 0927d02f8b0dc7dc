import DistlangCore
import DistlangLoader
import Foundation
import Testing

/// Duplicate keys, syntax errors, encodings, anchors and limits in YAML.
struct YAMLStructureTests {
    @Test func duplicateKeyNamesBothPositions() {
        let r = yaml("a: 1\nb:\n  c: 1\n  c: 2\n")
        #expect(firstError(r) == "4:3: duplicate key \"c\"")
        #expect(firstErrorNotes(r) == ["3:3: \"c\" is first defined here"])
        #expect(r.diagnostics.first?.pointer?.description == "/b/c")
    }

    @Test func tabInIndentation() {
        #expect(firstError(yaml("a:\n\tb: 1\n")) == "2:1: a tab character is not allowed here: YAML indentation must use spaces")
    }

    @Test func unclosedQuote() {
        let r = yaml("a: 1\nb: \"abc\nc: 2\n")
        #expect(firstError(r) == "2:4: this quoted string is never closed")
    }

    @Test func unclosedBracket() {
        let r = yaml("a: [1, 2\nb: 3\n")
        #expect(firstError(r) == "1:4: this '[' is never closed")
        #expect(firstErrorNotes(r) == ["2:2: expected ',' or ']' here (did not find expected ',' or ']')"])
    }

    @Test func invalidUTF8() {
        let r = Loader.load(bytes: Array("a: 1\nb: x".utf8) + [0xC3, 0x28] + [0x0A], file: "t.yaml", format: .yaml)
        #expect(firstError(r) == "2:5: invalid UTF-8: byte 0xC3 at byte offset 9 is not part of a valid character")
    }

    @Test func nulByte() {
        let r = Loader.load(bytes: Array("a: 1\nbb: ".utf8) + [0x00], file: "t.yaml", format: .yaml)
        #expect(firstError(r) == "2:5: the file contains a NUL byte (U+0000), which is not allowed in text")
    }

    @Test func byteOrderMarkIsAccepted() {
        let r = Loader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\nb: x\n".utf8), file: "t.yaml", format: .yaml)
        #expect(value(r) == ["a": .integer(1), "b": "x"])
        #expect(r.document?.sourceMap.location(of: JSONPointer("/b")!).description == "t.yaml:2:4")
    }

    @Test func crlfKeepsPositions() {
        let r = yaml("a: 1\r\nb:\r\n  c: x\r\n")
        #expect(r.document?.sourceMap.location(of: JSONPointer("/b/c")!).description == "t.yaml:3:6")
        #expect(firstError(yaml("a: 1\r\nb: 2\r\nb: 3\r\n")) == "3:1: duplicate key \"b\"")
    }

    @Test func emptyFile() {
        #expect(firstError(yaml("")) == "1:1: the file is empty: it holds no YAML document")
        #expect(firstError(yaml("# only a comment\n")) == "1:1: the file is empty: it holds no YAML document")
    }

    @Test func multiDocumentStreamIsAnErrorInASpec() {
        let r = yaml("a: 1\n---\nb: 2\n")
        #expect(firstError(r) == "2:1: the file holds more than one YAML document; a spec must be a single document")
    }

    @Test func multiDocumentStreamLoadsEachDocumentWhenAllowed() {
        let r = yaml("a: 1\n---\nb: 2\n", multi: true)
        #expect(r.documents.map(\.value) == [["a": .integer(1)], ["b": .integer(2)]])
        #expect(r.documents[1].sourceMap.location(of: JSONPointer("/b")!).description == "t.yaml:3:4")
    }

    @Test func mergeKeysMergeWithoutOverriding() {
        let r = yaml("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3\n")
        #expect(value(r)?["d"] == ["x": .integer(1), "y": .integer(3)])
        #expect(value(r)?["d"]?.objectValue?.keys == ["x", "y"])
    }

    @Test func mergeKeyListEarlierWins() {
        let r = yaml("a: &a {k: 1}\nb: &b {k: 2, m: 2}\nc:\n  <<: [*a, *b]\n")
        #expect(value(r)?["c"] == ["k": .integer(1), "m": .integer(2)])
    }

    @Test func mergeKeyOfAScalarIsAnError() {
        #expect(firstError(yaml("a:\n  <<: 3\n")) == "2:7: the value of a merge key (<<) must be a mapping or a list of mappings")
    }

    @Test func anchorsAndAliasesCopyValues() {
        #expect(value(yaml("a: &x [1, 2]\nb: *x\n")) == ["a": [1, 2], "b": [1, 2]])
    }

    @Test func undefinedAlias() {
        #expect(firstError(yaml("a: *nope\n"))?.hasPrefix("1:4: the alias *nope refers to an anchor") == true)
    }

    @Test func nonScalarKey() {
        #expect(firstError(yaml("? [1, 2]\n: x\n")) == "1:3: a mapping key must be a scalar")
    }

    @Test func thousandLevelsAreAccepted() {
        let text = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000) + "\n"
        #expect(yaml(text).document != nil)
    }

    @Test func hundredThousandLevelsAreAnError() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(firstError(yaml(text)) == "1:2001: the document nests deeper than the limit of 2000 levels")
    }

    @Test func billionLaughsIsAnErrorQuickly() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefghij")
        for i in 1..<10 {
            text += "\(names[i]): &\(names[i]) [" + Array(repeating: "*\(names[i - 1])", count: 9).joined(separator: ",") + "]\n"
        }
        let start = Date()
        let r = yaml(text)
        // A hang guard, not a speed goal: the budget stops expansion long before this.
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(firstError(r) == "7:8: aliases expand this document to more than 1000000 values (a \"billion laughs\" document?)")
    }

    @Test func positionsOfValuesAndKeys() {
        let r = yaml("name: shop\nfunctions:\n  api:\n    memory: 128\n")
        let map = r.document!.sourceMap
        #expect(map.location(of: JSONPointer("/functions/api/memory")!).description == "t.yaml:4:13")
        #expect(map.keyLocation(of: JSONPointer("/functions/api/memory")!).description == "t.yaml:4:5")
        // A missing key points at its nearest existing ancestor.
        #expect(map.location(of: JSONPointer("/functions/api/timeout")!).description == "t.yaml:4:5")
    }

    @Test func columnsCountCharactersNotBytes() {
        let r = yaml("é: ü\nk: [é, x]\n")
        #expect(r.document!.sourceMap.location(of: JSONPointer("/k/1")!).description == "t.yaml:2:8")
    }
}
