import Foundation
import Testing

/// End-to-end behaviour of `distlang validate --schema`, running the built binary.
@Suite struct CLITests {
    @Test func validFileExitsZero() throws {
        let dir = try CLIRunner.folder(["s.json": #"{"type":"object","required":["a"]}"#, "i.yaml": "a: 1\n"])
        let r = try CLIRunner.run(["validate", "--schema", "s.json", "i.yaml"], in: dir)
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("valid: i.yaml"))
    }

    @Test func invalidSchemaIsExitTwoWithSchemaLocation() throws {
        let dir = try CLIRunner.folder(["s.yaml": "type: object\nproperties:\n  a:\n    minLength: -1\n", "i.yaml": "a: x\n"])
        let r = try CLIRunner.run(["validate", "--schema", "s.yaml", "i.yaml"], in: dir)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("s.yaml:4:16: error: properties.a.minLength: invalid schema:"))
    }

    @Test func invalidRegexIsASchemaError() throws {
        let dir = try CLIRunner.folder(["s.json": #"{"pattern": "a(b"}"#, "i.json": "\"x\""])
        let r = try CLIRunner.run(["validate", "--schema", "s.json", "i.json"], in: dir)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("s.json:1:13: error: pattern:"))
    }

    @Test func refCycleIsReportedAndDoesNotHang() throws {
        let schema = ##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "properties": {"x": {"$ref": "#/$defs/a"}}}"##
        let dir = try CLIRunner.folder(["s.json": schema, "i.json": #"{"x": 1}"#, "root.json": ##"{"$ref": "#"}"##])
        let r = try CLIRunner.run(["validate", "--schema", "s.json", "i.json"], in: dir, timeout: 30)
        #expect(!r.timedOut)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("$ref cycle"))
        let r2 = try CLIRunner.run(["validate", "--schema", "root.json", "i.json"], in: dir, timeout: 30)
        #expect(!r2.timedOut)
        #expect(r2.exitCode == 2)
        #expect(r2.stderr.contains("s.json") == false)
        #expect(r2.stderr.contains("root.json:1:10: error: $ref: the schema refers to itself at /$ref/$ref"))
    }

    @Test func maxErrorsCapsTheReport() throws {
        let items = (0..<10).map { "- \($0)" }.joined(separator: "\n")
        let dir = try CLIRunner.folder(["s.json": #"{"items": {"type": "string"}}"#, "i.yaml": items + "\n"])
        let all = try CLIRunner.run(["validate", "--schema", "s.json", "--format", "json", "i.yaml"], in: dir)
        #expect(all.exitCode == 1)
        #expect(all.stdout.contains("\"errors\": 10"))
        let capped = try CLIRunner.run(["validate", "--schema", "s.json", "--max-errors", "3", "--format", "json", "i.yaml"], in: dir)
        #expect(capped.exitCode == 1)
        #expect(capped.stdout.contains("\"errors\": 3"))
    }

    @Test func everyDocumentOfAStreamIsValidated() throws {
        let stream = "a: 1\n---\na: \"two\"\n---\nb: 3\n"
        let dir = try CLIRunner.folder(["s.json": #"{"required": ["a"], "properties": {"a": {"type": "integer"}}}"#, "i.yaml": stream])
        let r = try CLIRunner.run(["validate", "--schema", "s.json", "i.yaml"], in: dir)
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("i.yaml:3:4: error: a: expected an integer, got a string"))
        #expect(r.stderr.contains("i.yaml:5:1: error: missing required property \"a\""))
        #expect(r.stderr.contains("2 errors"))
    }

    @Test func severalFilesAndRemoteReferences() throws {
        let dir = try CLIRunner.folder([
            "s.json": #"{"properties": {"port": {"$ref": "https://example.com/defs/port.json"}, "host": {"$ref": "urn:x:host"}}}"#,
            "defs/port.json": #"{"type": "integer", "maximum": 65535}"#,
            "host.yaml": "type: string\nformat: hostname\n",
            "a.json": #"{"port": 70000, "host": "ok.example"}"#,
            "b.yaml": "port: 80\nhost: -bad-\n",
        ])
        let args = ["validate", "--schema", "s.json", "--ref-dir", "https://example.com/=.", "--ref", "urn:x:host=host.yaml", "--assert-formats", "a.json", "b.yaml"]
        let r = try CLIRunner.run(args, in: dir)
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("a.json:1:10: error: port: 70000 is greater than the maximum of 65535"))
        #expect(r.stderr.contains("b.yaml:2:7: error: host: \"-bad-\" is not a valid hostname"))
    }

    @Test func unresolvableReferenceIsExitTwo() throws {
        let dir = try CLIRunner.folder(["s.json": #"{"$ref": "https://nowhere.example/x.json"}"#, "i.json": "1"])
        let r = try CLIRunner.run(["validate", "--schema", "s.json", "i.json"], in: dir)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("cannot resolve the reference \"https://nowhere.example/x.json\""))
    }

    @Test func missingInstanceFileIsExitTwo() throws {
        let dir = try CLIRunner.folder(["s.json": "{}"])
        let r = try CLIRunner.run(["validate", "--schema", "s.json", "nope.yaml"], in: dir)
        #expect(r.exitCode == 2)
    }
}
