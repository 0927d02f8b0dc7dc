import Testing

@testable import DistlangRender

@Suite struct HCLEscapingTests {
    let renderer = HCLRenderer()

    @Test(arguments: [
        ("plain", #""plain""#),
        ("a\"b", #""a\"b""#),
        ("back\\slash", #""back\\slash""#),
        ("l1\nl2\r\tx", #""l1\nl2\r\tx""#),
        ("${var.x}", #""$${var.x}""#),
        ("%{if x}", #""%%{if x}""#),
        ("$${x}", #""$$${x}""#),
        ("$ and % alone, $x %x", #""$ and % alone, $x %x""#),
        ("\u{0}\u{1F}\u{7F}\u{85}", #""\u0000\u001f\u007f\u0085""#),
        ("\u{2028}\u{2029}\u{FEFF}\u{A0}\u{200D}", #""\u2028\u2029\ufeff\u00a0\u200d""#),
        ("\u{F0000}", #""\U000f0000""#),
        ("é日😀e\u{301}", "\"é日😀e\u{301}\""),
    ])
    func stringLiteral(input: String, expected: String) {
        #expect(renderer.render(.string(input)) == expected)
    }

    @Test func injectionAttemptStaysInsideTheString() {
        let evil = "x\"\n}\nresource \"evil\" \"y\" {\n  a = \"${file(\"/etc/passwd\")}"
        #expect(
            renderer.render(.string(evil))
                == #""x\"\n}\nresource \"evil\" \"y\" {\n  a = \"$${file(\"/etc/passwd\")}""#)
    }

    @Test func templateEscapesLiteralsAndKeepsInterpolations() {
        let template = HCLExpression.template([
            .literal("${literal}/"), .interpolation(.reference("path", "module")), .literal("/dist\n"),
        ])
        #expect(renderer.render(template) == #""$${literal}/${path.module}/dist\n""#)
    }

    @Test func dollarRightBeforeAnInterpolationIsNotReadAsAnEscape() {
        let template = HCLExpression.template([.literal("cost: $$"), .interpolation(.reference("var", "price"))])
        #expect(renderer.render(template) == #""cost: ${"$"}${"$"}${var.price}""#)
    }

    @Test func adjacentLiteralsAreEscapedAsOneText() {
        let template = HCLExpression.template([.literal("a$"), .literal("{b}"), .interpolation(.integer(-3))])
        #expect(renderer.render(template) == #""a$${b}${(-3)}""#)
    }

    @Test func singleInterpolationAttributeIsUnwrappedLikeTerraformFmt() {
        let file = HCLFile {
            HCLAttribute("a", .template([.interpolation(.reference("var", "x"))]))
            HCLAttribute("b", .template([.literal("x"), .literal("y")]))
        }
        #expect(renderer.render(file) == "a = var.x\nb = \"xy\"\n")
    }

    @Test(arguments: [
        ("name", "name"), ("LOG_LEVEL", "LOG_LEVEL"), ("with-dash", "with-dash"), ("_x", "_x"),
        ("9lives", "\"9lives\""), ("a b", "\"a b\""), ("a.b", "\"a.b\""), ("", "\"\""), ("for", "\"for\""),
        ("null", "\"null\""), ("true", "\"true\""), ("é", "\"\\u00e9\""), ("${x}", "\"$${x}\""),
        ("😀", "\"\\U0001f600\""),
    ])
    func objectKey(key: String, expected: String) {
        #expect(HCLEscaper.objectKey(key) == expected)
    }

    @Test func commentsCannotEscapeTheirLines() {
        let file = HCLFile([.comment("one\ntwo\r\nthree\rfour  \n\n\u{1B}[31mred\u{0}")])
        #expect(renderer.render(file) == "# one\n# two\n# three\n# four\n#\n# [31mred\n")
    }

    @Test func identifiersAreValidatedAndSanitized() {
        #expect(HCLIdentifier.isValid("aws_s3_bucket"))
        #expect(HCLIdentifier.isValid("my-queue"))
        #expect(!HCLIdentifier.isValid("1q"))
        #expect(!HCLIdentifier.isValid("a.b"))
        #expect(!HCLIdentifier.isValid("é"))
        #expect(!HCLIdentifier.isValid(""))
        let dynamic = "1q"
        #expect(HCLIdentifier(dynamic) == nil)
        #expect(HCLIdentifier.sanitizing("1q").name == "_1q")
        #expect(HCLIdentifier.sanitizing("a.b c").name == "a_b_c")
        #expect(HCLIdentifier.sanitizing("").name == "_")
        #expect(HCLIdentifier.sanitizing("é").name == "_")
    }

    @Test func numbersRenderAsHCLReadsThem() {
        #expect(renderer.render(.integer(Int64.min)) == "-9223372036854775808")
        #expect(renderer.render(.number(0.5)) == "0.5")
        #expect(renderer.render(.number(1e20)) == "1e+20")
        #expect(renderer.render(.number(-0.0)) == "-0.0")
        #expect(renderer.render(.number(.infinity)) == "null")
        #expect(renderer.render(.number(.nan)) == "null")
    }
}
