import DistlangSpec
import Testing
import TestSupport

/// docs/spec-reference.md is generated from the schema; this test fails when it is out of date
/// (re-record with DISTLANG_RECORD=1).
struct ReferenceDocTests {
    @Test func referenceIsUpToDate() {
        let doc = SpecReference.markdown()
        #expect(doc.contains("`functions.<function>.memory`"))
        Golden.assert(doc, path: "docs/spec-reference.md")
    }
}
