import DistlangRender
import Foundation
import TestSupport
import Testing

@Suite struct HCLLayoutTests {
    let renderer = HCLRenderer()

    @Test func sampleFileMatchesGolden() {
        let text = renderer.render(HCLSampleFile.file)
        Golden.assert(text, path: "Tests/DistlangRenderTests/Goldens/sample.tf")
    }

    @Test func renderingIsDeterministic() {
        let first = renderer.render(HCLSampleFile.file)
        for _ in 0..<3 { #expect(renderer.render(HCLSampleFile.file) == first) }
    }

    @Test func equalsSignsAlignWithinRunsOfOneLineAttributes() {
        let block = HCLBlock("resource", "t", "n") {
            HCLAttribute("a", 1)
            HCLAttribute("longer_name", 2)
            HCLAttribute("multi", ["k": 1])
            HCLAttribute("b", 3)
            HCLAttribute("bb", 4)
            HCLBodyItem.comment("breaks the run")
            HCLAttribute("ccc", 5)
        }
        #expect(
            renderer.render(block) == """
                resource "t" "n" {
                  a           = 1
                  longer_name = 2
                  multi = {
                    k = 1
                  }
                  b  = 3
                  bb = 4
                  # breaks the run
                  ccc = 5
                }

                """)
    }

    @Test func nestedBlocksAreSeparatedByBlankLines() {
        let file = HCLFile {
            HCLBlock("a") {
                HCLAttribute("x", 1)
                HCLBlock("inner") {}
                HCLBlock("inner") { HCLAttribute("y", 2) }
                HCLAttribute("z", 3)
            }
            HCLBodyItem.comment("about b")
            HCLBlock("b", "label") {}
        }
        #expect(
            renderer.render(file) == """
                a {
                  x = 1

                  inner {}

                  inner {
                    y = 2
                  }

                  z = 3
                }

                # about b
                b "label" {}

                """)
    }

    @Test func listsBreakOnlyAroundNonEmptyContainers() {
        #expect(renderer.render(["a", 1, true, nil, [], .object([])]) == #"["a", 1, true, null, [], {}]"#)
        #expect(renderer.render([["a"]]) == "[\n  [\"a\"],\n]")
        #expect(renderer.render(.list(["a"], layout: .multiLine)) == "[\n  \"a\",\n]")
        #expect(renderer.render(.list([["a": 1]], layout: .singleLine)) == "[{ a = 1 }]")
    }

    @Test func objectsInListsStayOnOneLineWhenFlat() {
        #expect(renderer.render([["a": 1, "b": "x"]]) == "[\n  { a = 1, b = \"x\" },\n]")
        #expect(renderer.render([["a": [1]]]) == "[\n  {\n    a = [1]\n  },\n]")
    }

    @Test func soleBreakingArgumentHugsTheCall() {
        #expect(renderer.render(.call("jsonencode", [["a": 1]])) == "jsonencode({\n  a = 1\n})")
        #expect(renderer.render(.call("merge", [["a": 1], ["b": 2]])) == "merge({ a = 1 }, { b = 2 })")
        #expect(renderer.render(.call("jsonencode", [["a"]])) == "jsonencode([\"a\"])")
    }
}
