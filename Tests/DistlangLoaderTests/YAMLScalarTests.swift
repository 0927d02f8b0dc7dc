import DistlangCore
import DistlangLoader
import Testing

/// YAML 1.2 core-schema scalars, with the YAML 1.1 traps kept as strings.
struct YAMLScalarTests {
    @Test(arguments: ["yes", "no", "on", "off", "y", "n", "Yes", "NO", "On", "OFF"])
    func yamlOneOneBooleansStayStrings(_ word: String) {
        #expect(value(yaml("k: \(word)\n")) == ["k": .string(word)])
    }

    @Test func coreSchemaBooleansAndNull() {
        #expect(value(yaml("a: true\nb: False\nc: null\nd: ~\ne:\n")) == ["a": true, "b": false, "c": nil, "d": nil, "e": nil])
    }

    @Test func leadingZeroIntegerStaysAString() {
        #expect(value(yaml("zip: 0123\n")) == ["zip": "0123"])
    }

    @Test func octalAndHexIntegers() {
        #expect(value(yaml("o: 0o17\nx: 0x1F\n")) == ["o": .integer(15), "x": .integer(31)])
    }

    @Test func exponentIsAFloat() {
        guard case .number(let d)? = value(yaml("n: 1e3\n"))?["n"] else {
            Issue.record("1e3 did not load as a number")
            return
        }
        #expect(d == 1000)
    }

    @Test func integersKeepTheirExactValue() {
        #expect(value(yaml("a: 9223372036854775807\nb: -42\n")) == ["a": .integer(Int64.max), "b": .integer(-42)])
    }

    @Test func infinityIsAnError() {
        let r = yaml("a: 1\nb: .inf\n")
        #expect(firstError(r) == "2:4: .inf (infinity) has no JSON equivalent")
        #expect(r.diagnostics.first?.hint == "quote it (\".inf\") to keep it as a string, or use a large finite number")
    }

    @Test func integerBeyond64BitsIsAnError() {
        let r = yaml("big: 18446744073709551616\n")
        #expect(firstError(r) == "1:6: the integer 18446744073709551616 does not fit in 64 bits")
    }

    @Test func quotedScalarsAreAlwaysStrings() {
        #expect(value(yaml("a: 'true'\nb: \"12\"\nc: \"null\"\n")) == ["a": "true", "b": "12", "c": "null"])
    }

    @Test func noImplicitDates() {
        #expect(value(yaml("d: 2025-06-01\nt: 12:30\n")) == ["d": "2025-06-01", "t": "12:30"])
    }

    @Test func standardTagsApply() {
        #expect(value(yaml("a: !!str 12\nb: !!int '7'\nc: !!float 2\n")) == ["a": "12", "b": .integer(7), "c": .number(2)])
    }

    @Test func unknownTagIsAnError() {
        let r = yaml("Resources:\n  X: !Ref Bucket\n")
        #expect(firstError(r) == "2:6: the tag !Ref is not supported")
    }
}
