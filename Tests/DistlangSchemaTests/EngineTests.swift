import DistlangCore
import DistlangLoader
import Foundation
import Testing

@testable import DistlangSchema

/// Behaviour of the engine beyond the official suite: messages, locations, best match, numbers,
/// regexes, deep input, and the API the spec stage uses.
@Suite struct EngineTests {
    func schema(_ json: String, _ options: SchemaCompileOptions = SchemaCompileOptions()) throws -> JSONSchema {
        let doc = try #require(Loader.load(text: json, file: "schema.json", format: .json).document)
        return try JSONSchema.compile(doc, options: options)
    }

    func document(_ yaml: String) throws -> Document {
        try #require(Loader.load(text: yaml, file: "i.yaml", format: .yaml).document)
    }

    @Test func multipleOfIsExactOnDecimals() throws {
        let s = try schema(#"{"multipleOf": 0.0001}"#)
        #expect(s.isValid(.number(0.0075)))
        #expect(s.isValid(.number(0.00015)) == false)
        #expect(try schema(#"{"multipleOf": 0.01}"#).isValid(.number(19.99)))
        #expect(try schema(#"{"multipleOf": 0.1}"#).isValid(.number(0.3)))
        #expect(try schema(#"{"multipleOf": 0.5}"#).isValid(.number(1e308)))
        #expect(try schema(#"{"multipleOf": 3}"#).isValid(.integer(Int64.max - 1)))
        #expect(try schema(#"{"multipleOf": 7}"#).isValid(.integer(Int64.min)) == false)
        #expect(try schema(#"{"multipleOf": 1e-5}"#).isValid(.number(1.00001)))
    }

    @Test func lengthsCountCodePoints() throws {
        let s = try schema(#"{"maxLength": 2, "minLength": 2}"#)
        #expect(s.isValid("💩💩"))
        #expect(s.isValid("é\u{301}"))
        #expect(s.isValid("abc") == false)
        #expect(s.isValid("a") == false)
    }

    @Test func messagesAndLocations() throws {
        let s = try schema(#"""
            {"type": "object", "additionalProperties": false, "required": ["memory"],
             "properties": {"memory": {"type": "integer", "minimum": 128}, "method": {"enum": ["GET", "POST"]},
                            "name": {"type": "string"}}}
            """#)
        let d = s.validate(try document("memry: 1\nmethod: PUT\nname: 3\n"))
        let byCode = Dictionary(grouping: d, by: \.code)
        let unknown = try #require(byCode["schema.additionalProperties"]?.first)
        #expect(unknown.message == "unknown property \"memry\"")
        #expect(unknown.hint == "did you mean \"memory\"?")
        #expect(unknown.location?.line == 1 && unknown.location?.column == 1)
        #expect(unknown.pointer?.description == "/memry")
        #expect(unknown.keywordLocation == "/additionalProperties")
        let missing = try #require(byCode["schema.required"]?.first)
        #expect(missing.message == "missing required property \"memory\"")
        #expect(missing.pointer?.isRoot == true)
        #expect(byCode["schema.enum"]?.first?.message == "must be one of \"GET\", \"POST\", got \"PUT\"")
        #expect(byCode["schema.enum"]?.first?.location?.description == "i.yaml:2:9")
        #expect(byCode["schema.type"]?.first?.message == "expected a string, got an integer")
        let low = s.validate(try document("memory: 100\n"))
        #expect(low.map(\.message) == ["100 is less than the minimum of 128"])
        #expect(low.first?.keywordLocation == "/properties/memory/minimum")
    }

    @Test func keywordLocationGoesThroughRefs() throws {
        let s = try schema(##"{"properties": {"a": {"$ref": "#/$defs/n"}}, "$defs": {"n": {"minimum": 5}}}"##)
        let d = s.validate(try document("a: 1\n"))
        #expect(d.first?.keywordLocation == "/properties/a/$ref/minimum")
    }

    @Test func bestMatchPrefersTheBranchWhoseDiscriminatorMatched() throws {
        let s = try schema(#"""
            {"oneOf": [
              {"properties": {"type": {"const": "kv"}}, "required": ["type"]},
              {"properties": {"type": {"const": "queue"}, "retries": {"type": "integer", "maximum": 100}}, "required": ["type"]}
            ]}
            """#)
        let d = s.validate(try document("type: queue\nretries: 500\n"))
        #expect(d.count == 1)
        #expect(d.first?.message == "500 is greater than the maximum of 100")
        #expect(d.first?.notes.contains { $0.message.contains("alternative 1 at /type: must be \"kv\"") } == true)
        let none = s.validate(try document("type: disk\n"))
        #expect(none.first?.message == "must be one of \"kv\", \"queue\", got \"disk\"")
        let types = try schema(#"{"anyOf": [{"type": "string"}, {"type": "array"}]}"#).validate(.integer(3))
        #expect(types.first?.message == "expected an array or a string, got an integer")
    }

    @Test func unevaluatedPropertiesPointsAtTheKey() throws {
        let s = try schema(#"{"allOf": [{"properties": {"a": true}}], "unevaluatedProperties": false}"#)
        let d = s.validate(try document("a: 1\nb: 2\n"))
        #expect(d.count == 1)
        #expect(d.first?.location?.description == "i.yaml:2:1")
        #expect(d.first?.pointer?.description == "/b")
    }

    @Test func deepInputDoesNotOverflowASmallStack() throws {
        let s = try schema(##"{"items": {"$ref": "#"}, "type": "array"}"##)
        var v: Value = .array([])
        for _ in 0..<2_000 { v = .array([v]) }
        let value = v
        let result = LockedBox<(Bool, Int)>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.value = (s.isValid(value), s.validate(value).count)
            done.signal()
        }
        // About 1 KB of stack per nested evaluation in release and 9 KB in debug (this test's build):
        // 2,000 levels need some 4 MB in release; give the debug build room.
        thread.stackSize = 64 << 20
        thread.start()
        done.wait()
        #expect(result.value?.0 == true)
        #expect(result.value?.1 == 0)
        // Past the evaluation depth limit the validator stops with an error instead of recursing on.
        let shallow = s.validate(value, options: ValidationOptions(maxEvaluationDepth: 100))
        #expect(shallow.first?.code == "schema.too-deep")
    }

    @Test func refCycleIsReportedByTheLibrary() throws {
        let s = try schema(##"{"$ref": "#"}"##)
        #expect(s.isValid(1) == false)
        #expect(s.validate(1).map(\.code) == ["schema.ref-cycle"])
    }

    @Test func allowedPropertyNamesFollowsReferences() throws {
        let s = try schema(#"""
            {"properties": {"functions": {"additionalProperties": {"$ref": "#/$defs/fn"}}, "name": {}},
             "$defs": {"fn": {"allOf": [{"properties": {"source": {}}}], "properties": {"memory": {}, "timeout": {}}}}}
            """#)
        #expect(s.allowedPropertyNames(at: .root) == ["functions", "name"])
        #expect(Set(s.allowedPropertyNames(at: JSONPointer("/functions/api")!)) == ["memory", "timeout", "source"])
        #expect(s.allowedPropertyNames(at: JSONPointer("/nothing/here")!) == [])
        #expect(DidYouMean.suggest("memroy", from: ["memory", "timeout"]) == "memory")
        #expect(DidYouMean.suggest("xyz", from: ["memory"]) == nil)
    }

    @Test func regexesFollowECMAScript() throws {
        #expect(try CompiledPattern("^\\d+$").matches("123"))
        #expect(try CompiledPattern("^\\d+$").matches("١٢٣") == false)
        #expect(try CompiledPattern("^\\w+$").matches("é") == false)
        #expect(try CompiledPattern("^a$").matches("a\n") == false)
        #expect(try CompiledPattern("^(a|b)+$").matches("abba"))
        #expect(try CompiledPattern("\\p{Letter}").matches("é"))
        #expect(try CompiledPattern("[^]").matches("\n"))
        #expect(throws: CompiledPattern.InvalidPattern.self) { try CompiledPattern("\\a") }
        #expect(throws: CompiledPattern.InvalidPattern.self) { try CompiledPattern("(?i)x") }
        #expect(throws: CompiledPattern.InvalidPattern.self) { try CompiledPattern("[a") }
    }

    @Test func simpleMatcherAgreesWithICU() throws {
        let patterns = ["^[a-z][a-z0-9-]{0,30}[a-z0-9]$", "^x-", "ab*c", "^\\d{2,3}$", "[^/]+\\.json$", "^.{3}$", "a?b?c?$", "^[\\w.-]+@"]
        let inputs = ["shop", "a", "-x", "x-y", "abbbc", "ac", "12", "1234", "dir/file.json", "x.json", "éé€", "", "abc", "user.name@host", "a\n"]
        for p in patterns {
            let simple = try #require(SimplePattern(p), "\(p) should take the fast path")
            let icu = try NSRegularExpression(pattern: ECMARegexTranslator.translate(p))
            for s in inputs {
                let expected = icu.firstMatch(in: s, range: NSRange(location: 0, length: s.utf16.count)) != nil
                #expect(simple.matches(s) == expected, "\(p) on \(s)")
            }
        }
        #expect(SimplePattern("(a|b)") == nil)
    }

    @Test func formats() {
        let f = FormatCheck.table
        #expect(f["date-time"]!("2024-02-29T23:59:60Z"))
        #expect(f["date-time"]!("2023-02-29T10:00:00Z") == false)
        #expect(f["time"]!("23:59:60+01:00") == false)
        #expect(f["duration"]!("P1Y2M3DT4H5M6S") && !f["duration"]!("P1Y2D") && !f["duration"]!("PT"))
        #expect(f["email"]!("a.b@example.com") && !f["email"]!("a..b@example.com"))
        #expect(f["ipv4"]!("192.168.0.1") && !f["ipv4"]!("192.168.00.1"))
        #expect(f["ipv6"]!("::ffff:192.168.0.1") && !f["ipv6"]!("1::2::3"))
        #expect(f["hostname"]!("api.example.com") && !f["hostname"]!("-a.com"))
        #expect(f["uri"]!("https://example.com/a?b#c") && !f["uri"]!("//example.com"))
        #expect(f["uri-reference"]!("../a") && !f["uri-reference"]!("\\\\x"))
        #expect(f["uuid"]!("2eb8aa08-aa98-11ea-b4aa-73b441d16380") && !f["uuid"]!("2eb8aa08aa9811eab4aa73b441d16380"))
        #expect(f["json-pointer"]!("/a~1b") && !f["json-pointer"]!("/a~2"))
        #expect(f["relative-json-pointer"]!("1/a") && f["relative-json-pointer"]!("0#") && !f["relative-json-pointer"]!("01"))
        #expect(f["regex"]!("^a+$") && !f["regex"]!("(?<=a+"))
    }

    @Test func embeddedMetaschemasMatchTheVendoredFiles() throws {
        #expect(EmbeddedMetaschemas.files.count == 19)
        for file in EmbeddedMetaschemas.files {
            let url = SuitePaths.packageRoot.appendingPathComponent(file.path)
            let onDisk = try String(contentsOf: url, encoding: .utf8)
            #expect(onDisk == file.text, "\(file.path) differs from the embedded copy: run scripts/embed-metaschemas.sh")
        }
    }

    @Test func draft7RefOverridesSiblings() throws {
        let s = try schema(##"{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"a": {"type": "integer"}}, "$ref": "#/definitions/a", "maximum": 1}"##)
        #expect(s.draft == .draft7)
        #expect(s.isValid(5))
        #expect(s.isValid("x") == false)
    }

    @Test func formatsAreAnnotationsUnlessAsserted() throws {
        let json = #"{"format": "email"}"#
        #expect(try schema(json).isValid("not an email"))
        #expect(try schema(json, SchemaCompileOptions(assertFormats: true)).isValid("not an email") == false)
    }
}

/// A value handed back from another thread.
final class LockedBox<T>: @unchecked Sendable {
    var value: T?
}
