import DistlangCore
import DistlangRender
import Foundation
import TestSupport
import Testing

/// Rendered strings read back through HCL's own parser (tools/hclcheck) byte for byte, and no
/// string can add a block, an attribute or a reference.
@Suite(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.hclcheck)), .timeLimit(.minutes(3)))
struct HCLRoundTripTests {
    static let strings = HardStrings.corpus(seed: 41, randomCount: 400)

    /// One block per string: the string as an attribute value, as an object key and value, and
    /// inside a template between two literal interpolations.
    static func file(for text: String) -> HCLFile {
        HCLFile {
            HCLBlock("resource", "probe", "value") {
                HCLAttribute("plain", .string(text))
                HCLAttribute("object", .object([HCLObjectItem(text, .string(text)), HCLObjectItem("k", [.string(text)])]))
                HCLAttribute(
                    "template",
                    .template([
                        .literal(text), .interpolation(.string(text)), .literal(text), .interpolation(.integer(-1)),
                    ]))
                HCLAttribute("after", "sentinel")
            }
            HCLBodyItem.comment(text)
            HCLBlock("output", "last") { HCLAttribute("value", .reference("var", "x")) }
        }
    }

    @Test func stringsReadBackExactlyAndAddNothing() throws {
        let renderer = HCLRenderer()
        let dir = try HCLTools.writeFiles(Self.strings.map { renderer.render(Self.file(for: $0)) }, prefix: "hcl-rt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, reports) = try HCLTools.check(dir)
        #expect(status == 0)
        try #require(reports.count == Self.strings.count)

        for (text, report) in zip(Self.strings, reports) {
            let context = Comment(rawValue: "string \(text.debugDescription) in \(report.file)")
            #expect(report.diagnostics.isEmpty && report.canonical, context)
            #expect(report.attributes.isEmpty, context)
            #expect(report.blocks.map(\.type) == ["resource", "output"], context)
            #expect(report.blocks.map(\.labels) == [["probe", "value"], ["last"]], context)
            guard let probe = report.blocks.first else { continue }
            #expect(probe.blocks.isEmpty, context)
            #expect(probe.attributes.map(\.name) == ["plain", "object", "template", "after"], context)
            #expect(probe.attributes.allSatisfy { $0.references.isEmpty }, context)

            // Terraform's value layer (cty) normalises every string to NFC, escaped or not.
            let nfc = text.precomposedStringWithCanonicalMapping
            let expectedObject: Value = .object(JSONObject([(nfc, .string(nfc)), ("k", [.string(nfc)])]))
            let expectedTemplate = nfc + nfc + nfc + "-1"
            #expect(probe.attribute("plain")?.value?.value.isIdentical(to: .string(nfc)) == true, context)
            #expect(probe.attribute("object")?.value?.value.isIdentical(to: expectedObject) == true, context)
            #expect(probe.attribute("template")?.value?.value.isIdentical(to: .string(expectedTemplate)) == true, context)
            #expect(probe.attribute("after")?.value?.value == .string("sentinel"), context)
            #expect(report.blocks.last?.attribute("value")?.references == ["var.x"], context)
        }
    }

    @Test func traversalKeysAndReferencesReadBack() throws {
        let traversal = HCLTraversal("aws_s3_bucket", [.attribute("uploads"), .key("a\"${b}\n"), .index(2), .splat])
        let file = HCLFile {
            HCLBlock("output", "x") {
                HCLAttribute("value", .traversal(traversal))
                HCLAttribute(
                    "path", .template([.literal("$"), .interpolation(.reference("path", "module")), .literal("/x$")]))
            }
        }
        let dir = try HCLTools.writeFiles([HCLRenderer().render(file)], prefix: "hcl-ref")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, reports) = try HCLTools.check(dir)
        #expect(status == 0)
        let block = try #require(reports.first?.blocks.first)
        #expect(block.attribute("value")?.expr == #"aws_s3_bucket.uploads["a\"$${b}\n"][2][*]"#)
        #expect(block.attribute("value")?.references == ["aws_s3_bucket.uploads"])
        #expect(block.attribute("path")?.references == ["path.module"])
        #expect(block.attribute("path")?.expr == #""${"$"}${path.module}/x$""#)
    }
}
