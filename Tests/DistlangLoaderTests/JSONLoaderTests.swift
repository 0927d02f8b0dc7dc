import DistlangCore
import DistlangLoader
import Testing

/// Strict JSON through jansson, with positions from the scanner.
struct JSONLoaderTests {
    @Test func valuesAndKeyOrder() {
        let r = json(#"{"z": 1, "a": [true, null, 1.5, "s"], "m": {"k": -3}}"#)
        #expect(value(r) == ["z": .integer(1), "a": [true, nil, 1.5, "s"], "m": ["k": .integer(-3)]])
        #expect(value(r)?.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func positionsOfNestedValues() {
        let text = "{\n  \"name\": \"shop\",\n  \"list\": [1, {\"k\": \"v\"}]\n}\n"
        let map = json(text).document!.sourceMap
        #expect(map.location(of: JSONPointer("/name")!).description == "t.json:2:11")
        #expect(map.keyLocation(of: JSONPointer("/name")!).description == "t.json:2:3")
        #expect(map.location(of: JSONPointer("/list/1/k")!).description == "t.json:3:21")
        #expect(map.location(of: JSONPointer("/list/1")!).span.end == SourcePosition(line: 3, column: 25))
    }

    @Test func escapedStringsKeepPositionsRight() {
        let map = json(#"{"a": "x\"y\u00e9", "b": "é", "c": 1}"#).document!.sourceMap
        #expect(map.location(of: JSONPointer("/c")!).description == "t.json:1:36")
    }

    @Test func duplicateKeyNamesBothPositions() {
        let r = json("{\"a\": 1,\n \"b\": {\"c\": 1,\n  \"c\": 2}}")
        #expect(firstError(r) == "3:3: duplicate key \"c\"")
        #expect(firstErrorNotes(r) == ["2:8: \"c\" is first defined here"])
        #expect(r.diagnostics.first?.pointer?.description == "/b/c")
    }

    @Test func trailingCommas() {
        #expect(firstError(json("[1, 2,]")) == "1:6: a trailing comma before ']' is not allowed in JSON")
        #expect(firstError(json("{\"a\": 1,\n}")) == "1:8: a trailing comma before '}' is not allowed in JSON")
    }

    @Test func comments() {
        #expect(firstError(json("// note\n{}")) == "1:1: comments are not allowed in JSON")
        #expect(firstError(json("{\"a\": 1 /* x */}")) == "1:9: comments are not allowed in JSON")
    }

    @Test func notANumber() {
        #expect(firstError(json("{\"a\": NaN}")) == "1:7: NaN is not a JSON value")
    }

    @Test func unclosedBracketAndString() {
        #expect(firstError(json("{\"a\": [1, 2\n")) == "1:7: this '[' is never closed")
        #expect(firstError(json("{\"a\": \"abc")) == "1:7: this string is never closed")
    }

    @Test func integerBeyond64Bits() {
        #expect(firstError(json("{\"a\": 18446744073709551616}")) == "1:7: the integer 18446744073709551616 does not fit in 64 bits")
    }

    @Test func invalidUTF8AndNul() {
        let bad = Loader.load(bytes: Array("{\"a\": \"".utf8) + [0xFF] + Array("\"}".utf8), file: "t.json", format: .json)
        #expect(firstError(bad) == "1:8: invalid UTF-8: byte 0xFF at byte offset 7 is not part of a valid character")
        let nul = Loader.load(bytes: Array("[1,".utf8) + [0] + Array("]".utf8), file: "t.json", format: .json)
        #expect(firstError(nul) == "1:4: the file contains a NUL byte (U+0000), which is not allowed in text")
    }

    @Test func byteOrderMarkIsAccepted() {
        let r = Loader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8), file: "t.json", format: .json)
        #expect(value(r) == ["a": .integer(1)])
    }

    @Test func emptyFile() {
        #expect(firstError(json("  \n")) == "1:1: the file is empty: it holds no JSON value")
    }

    @Test func depthLimit() {
        let ok = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        #expect(json(ok).document != nil)
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(firstError(json(deep)) == "1:2001: the document nests deeper than the limit of 2000 levels")
        let justOver = String(repeating: "[", count: 2_001) + String(repeating: "]", count: 2_001)
        #expect(firstError(json(justOver)) == "1:2001: the document nests deeper than the limit of 2000 levels")
    }

    @Test func scalarsAtTheTop() {
        #expect(value(json("\"x\"")) == "x")
        #expect(value(json("42")) == .integer(42))
    }

    @Test func crlfLineEndings() {
        let map = json("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}").document!.sourceMap
        #expect(map.location(of: JSONPointer("/b")!).description == "t.json:3:8")
    }
}
