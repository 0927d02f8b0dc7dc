import DistlangSpec
import Testing
import TestSupport

/// `distlang explain` output for the staged example, compared with goldens.
struct ExplainTests {
    @Test func stagedExampleExplained() {
        var compiler = SpecCompiler()
        compiler.recordsProvenance = true
        let compiled = compiler.compile(
            file: RepositoryPaths.path("examples/staged-app/distlang.yaml"), displayName: "examples/staged-app/distlang.yaml")
        #expect(!compiled.hasErrors)
        let yaml = compiled.models.map { Explanation.yaml($0, provenance: compiled.provenance[$0.environment]) }.joined(separator: "---\n")
        Golden.assert(yaml, path: "Tests/DistlangSpecTests/Goldens/explain/staged-app.yaml")
        let json = Explanation.json(compiled.models, provenance: compiled.provenance)
        Golden.assert(json, path: "Tests/DistlangSpecTests/Goldens/explain/staged-app.json")
    }
}
