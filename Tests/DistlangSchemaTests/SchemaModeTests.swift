import Foundation
import Testing

/// `validate --schema`/`--catalog` end to end: the issue-18 regressions (empty pattern, NUL characters,
/// integers past 64 bits, empty YAML), `--draft`, catalogues and TOML instances.
@Suite struct SchemaModeTests {
    // MARK: regressions

    @Test func emptyPatternMatchesEverything() throws {
        let dir = try CLIRunner.folder([
            "s.json": #"{"patternProperties": {"": {"type": "string"}}, "properties": {"p": {"pattern": ""}}}"#,
            "ok.json": #"{"p": "anything", "x": "y"}"#, "bad.json": #"{"x": 1}"#,
        ])
        let ok = try CLIRunner.run(["validate", "--schema", "s.json", "ok.json"], in: dir)
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        let bad = try CLIRunner.run(["validate", "--schema", "s.json", "bad.json"], in: dir)
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains("bad.json:1:7: error: x: expected a string, got an integer"))
    }

    @Test func nulCharactersInSchemasAndInstances() throws {
        let dir = try CLIRunner.folder([
            "s.json": #"{"properties": {"a": {"const": "x\u0000y"}, "b": {"enum": ["\u0000"]}}}"#,
            "ok.json": #"{"a": "x\u0000y", "b": "\u0000"}"#, "ok.yaml": "a: \"x\\0y\"\n",
            "bad.json": #"{"a": "xy", "b": "\u0000\u0000"}"#,
        ])
        let ok = try CLIRunner.run(["validate", "--schema", "s.json", "ok.json", "ok.yaml"], in: dir)
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        let bad = try CLIRunner.run(["validate", "--schema", "s.json", "bad.json"], in: dir)
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains(#"a: must be "x\u0000y", got "xy""#))
        #expect(bad.stderr.contains("2 errors"))
    }

    @Test func integersPast64BitsCompareAsNumbers() throws {
        let dir = try CLIRunner.folder([
            "s.json": #"{"properties": {"n": {"type": "integer", "maximum": 18446744073709551615, "minimum": -99999999999999999999}}}"#,
            "ok.json": #"{"n": 9223372036854775807}"#, "ok.yaml": "n: 18446744073709551615\n",
            "bad.json": #"{"n": 36893488147419103232}"#, "bad.yaml": "n: -200000000000000000000\n",
        ])
        let ok = try CLIRunner.run(["validate", "--schema", "s.json", "ok.json", "ok.yaml"], in: dir)
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        let bad = try CLIRunner.run(["validate", "--schema", "s.json", "bad.json", "bad.yaml"], in: dir)
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains("bad.json:1:7: error: n: 3.6893488147419103e+19 is greater than the maximum of 1.8446744073709552e+19"))
        #expect(bad.stderr.contains("bad.yaml:1:4: error: n:"))
    }

    @Test func emptyYAMLIsOneNullDocument() throws {
        let dir = try CLIRunner.folder(["null.json": #"{"type": "null"}"#, "obj.json": #"{"type": "object"}"#, "empty.yaml": "# nothing here\n", "blank.yml": ""])
        let ok = try CLIRunner.run(["validate", "--schema", "null.json", "empty.yaml", "blank.yml"], in: dir)
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        let bad = try CLIRunner.run(["validate", "--schema", "obj.json", "empty.yaml"], in: dir)
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains("empty.yaml:1:1: error: expected an object, got null"))
        // A spec still has to say something.
        let spec = try CLIRunner.run(["validate", "empty.yaml"], in: dir)
        #expect(spec.stderr.contains("the file is empty"))
    }

    // MARK: drafts

    @Test func draftComesFromSchemaOrDraftFlag() throws {
        let dir = try CLIRunner.folder([
            "d4.json": #"{"$schema": "http://json-schema.org/draft-04/schema#", "type": "integer", "maximum": 3, "exclusiveMaximum": true}"#,
            "plain.json": #"{"type": "integer", "maximum": 3, "exclusiveMaximum": true}"#, "three.json": "3", "float.json": "1.0",
        ])
        let d4 = try CLIRunner.run(["validate", "--schema", "d4.json", "three.json"], in: dir)
        #expect(d4.exitCode == 1)
        #expect(d4.stderr.contains("three.json:1:1: error: 3 must be less than 3"))
        #expect(d4.stderr.contains("note: validated against d4.json (draft-04)"))
        let float = try CLIRunner.run(["validate", "--schema", "d4.json", "float.json"], in: dir)
        #expect(float.stderr.contains("expected an integer, got a number"))
        // Without $schema: 2020-12, where a boolean exclusiveMaximum makes the schema invalid.
        let plain = try CLIRunner.run(["validate", "--schema", "plain.json", "three.json"], in: dir)
        #expect(plain.exitCode == 2)
        #expect(plain.stderr.contains("checked against the draft 2020-12 meta-schema"))
        let forced = try CLIRunner.run(["validate", "--schema", "plain.json", "--draft", "4", "three.json", "--format", "json"], in: dir)
        #expect(forced.exitCode == 1)
        #expect(forced.stdout.contains("validated against plain.json (draft-04)"))
        let wrong = try CLIRunner.run(["validate", "--schema", "plain.json", "--draft", "5", "three.json"], in: dir)
        #expect(wrong.exitCode == 2)
    }

    @Test func unknownSchemaIsAWarningAndReadAs2020() throws {
        let dir = try CLIRunner.folder(["s.json": #"{"$schema": "http://json-schema.org/schema#", "minimum": 5}"#, "i.json": "3"])
        let r = try CLIRunner.run(["validate", "--schema", "s.json", "i.json"], in: dir)
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains("s.json:1:13: warning: $schema: unknown $schema \"http://json-schema.org/schema#\": validating as draft 2020-12"))
        #expect(r.stderr.contains("i.json:1:1: error: 3 is less than the minimum of 5"))
    }

    // MARK: catalogues

    @Test func catalogPicksSchemasByFileMatch() throws {
        let dir = try CLIRunner.folder([
            "catalog.json": #"""
                {"version": 1, "schemas": [
                  {"name": "app", "fileMatch": ["app.yaml", "*.app.json", "!skip.app.json"], "url": "https://json.schemastore.org/app.json"},
                  {"name": "pyproject", "fileMatch": ["pyproject.toml"], "url": "local/pyproject.schema.json"},
                  {"name": "workflows", "fileMatch": [".github/workflows/*.{yml,yaml}"], "url": "https://json.schemastore.org/wf.json"}
                ]}
                """#,
            "store/app.json": #"{"$schema": "http://json-schema.org/draft-07/schema#", "required": ["name"], "properties": {"port": {"$ref": "https://json.schemastore.org/port.json"}}}"#,
            "store/port.json": #"{"type": "integer", "maximum": 65535}"#,
            "store/wf.json": #"{"$schema": "https://json-schema.org/draft/2019-09/schema", "required": ["on"]}"#,
            "local/pyproject.schema.json": #"{"properties": {"project": {"required": ["version"]}}}"#,
            "deploy/app.yaml": "name: x\nport: 70000\n",
            "b.app.json": #"{"port": 1}"#, "skip.app.json": "{}", "other.yaml": "a: 1\n",
            ".github/workflows/ci.yml": "jobs: {}\n",
            "pyproject.toml": "[project]\nname = \"demo\"\n",
        ])
        let files = ["deploy/app.yaml", "b.app.json", "skip.app.json", "other.yaml", ".github/workflows/ci.yml", "pyproject.toml"]
        let args = ["validate", "--catalog", "catalog.json", "--ref-dir", "https://json.schemastore.org/=store"]
        let r = try CLIRunner.run(args + files, in: dir)
        #expect(r.exitCode == 1, "\(r.stderr)")
        #expect(r.stderr.contains("deploy/app.yaml:2:7: error: port: 70000 is greater than the maximum of 65535"))
        #expect(r.stderr.contains("note: validated against https://json.schemastore.org/app.json (catalogue entry \"app\") (draft-07)"))
        #expect(r.stderr.contains("b.app.json:1:1: error: missing required property \"name\""))
        #expect(r.stderr.contains("ci.yml:1:1: error: missing required property \"on\""))
        #expect(r.stderr.contains("(draft 2019-09)"))
        #expect(r.stderr.contains("pyproject.toml:1:1: error: project: missing required property \"version\""))
        #expect(r.stderr.contains("warning: skip.app.json is not validated: no entry of catalog.json matches its name"))
        #expect(r.stderr.contains("warning: other.yaml is not validated"))
        #expect(r.stderr.contains("4 errors, 2 warnings"))
        let strict = try CLIRunner.run(args + ["--strict", "other.yaml"], in: dir)
        #expect(strict.exitCode == 1)
        let lenient = try CLIRunner.run(args + ["other.yaml"], in: dir)
        #expect(lenient.exitCode == 0)
    }

    @Test func catalogSchemaNotServedOfflineIsExitTwo() throws {
        let dir = try CLIRunner.folder([
            "catalog.json": #"{"schemas": [{"name": "x", "fileMatch": ["*.json"], "url": "https://json.schemastore.org/x.json"}]}"#, "i.json": "{}",
        ])
        let r = try CLIRunner.run(["validate", "--catalog", "catalog.json", "i.json"], in: dir)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("the schema https://json.schemastore.org/x.json of catalogue entry \"x\" is not available offline"))
        #expect(r.stderr.contains("--ref-dir"))
        let both = try CLIRunner.run(["validate", "--catalog", "catalog.json", "--schema", "x.json", "i.json"], in: dir)
        #expect(both.exitCode == 2)
    }

    // MARK: TOML

    @Test func tomlInstancesHaveLineAndColumn() throws {
        let dir = try CLIRunner.folder([
            "s.json": #"""
                {"properties": {"name": {"pattern": "^[a-z]+$"}, "compatibility_date": {"format": "date"},
                 "vars": {"additionalProperties": {"type": "string"}},
                 "routes": {"items": {"required": ["pattern"], "properties": {"zone": {"type": "string"}}}}}}
                """#,
            "wrangler.toml": """
                name = "My-Worker"
                compatibility_date = "2024-13-01"

                [vars]
                LEVEL = 3

                [[routes]]
                pattern = "a.example/*"
                [[routes]]
                zone = "ünïcode"
                """,
            "broken.toml": "a = 1\na = 2\n",
        ])
        let r = try CLIRunner.run(["validate", "--schema", "s.json", "--assert-formats", "wrangler.toml", "broken.toml"], in: dir)
        #expect(r.exitCode == 1)
        #expect(r.stderr.contains(#"wrangler.toml:1:8: error: name: "My-Worker" does not match the pattern "^[a-z]+$""#))
        #expect(r.stderr.contains("wrangler.toml:5:9: error: vars.LEVEL: expected a string, got an integer"))
        #expect(r.stderr.contains(#"wrangler.toml:9:1: error: routes[1]: missing required property "pattern""#))
        #expect(r.stderr.contains(#"wrangler.toml:2:22: error: compatibility_date: "2024-13-01" is not a valid date"#))
        #expect(r.stderr.contains("broken.toml:2:5: error: Error while parsing key-value pair: cannot redefine existing integer 'a'"))
        let json = try CLIRunner.run(["validate", "--schema", "s.json", "wrangler.toml", "--format", "sarif"], in: dir)
        #expect(json.stdout.contains("\"startLine\": 5"))
    }
}
