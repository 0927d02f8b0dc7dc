import DistlangSpec
import Testing
import TestSupport

/// docs/spec-reference.md is generated from the schema; this test fails when it is out of date
/// (re-record with DISTLANG_RECORD=1).
struct ReferenceDocTests {
    @Test func referenceIsUpToDate() {
        let doc = SpecReference.markdown()
        #expect(doc.contains("`functions.<function>.memory`"))
        #expect(Golden.mismatch(doc, goldenPath: "docs/spec-reference.md") == nil, "docs/spec-reference.md is out of date")
    }
}
