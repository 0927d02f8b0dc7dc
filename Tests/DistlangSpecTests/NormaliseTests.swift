import DistlangCore
import DistlangLoader
import DistlangModel
import DistlangSpec
import Testing

/// Normalisation details not visible in the error goldens.
struct NormaliseTests {
    private func model(_ yaml: String) -> [AppModel] {
        let doc = Loader.load(text: yaml, file: "t.yaml", format: .yaml).document!
        let compiled = SpecCompiler().compile(document: doc, specDirectory: nil)
        #expect(!compiled.hasErrors, "\(compiled.diagnostics.map(\.message))")
        return compiled.models
    }

    private func spec(source: String) -> String {
        "distlang: 1\nname: shop\nfunctions:\n  api:\n    source: \"\(source)\"\ntargets:\n  aws: { region: eu-west-1 }\n"
    }

    @Test(arguments: [
        ("src/api.js", "src/api.js"), ("./src/api.js", "src/api.js"), ("src//api.js", "src/api.js"),
        ("src/./api.js", "src/api.js"), ("lib/../src/api.js", "src/api.js"), ("../shared/api.js", "../shared/api.js"),
        ("src\\\\win\\\\api.js", "src/win/api.js"), ("src/.hidden/api.js", "src/.hidden/api.js"), ("a.b/c.d.js", "a.b/c.d.js"),
    ])
    func sourcePathsAreNormalised(_ written: String, _ normal: String) {
        #expect(model(spec(source: written)).first?.functions.first?.source == normal)
    }

    @Test func defaultsAndOverlaysCombine() {
        let models = model("""
            distlang: 1
            name: shop
            defaults: { memory: 256 }
            functions:
              api: { source: a.js, env: { A: "1", B: 2, C: true, D: 1.5 } }
              worker: { source: w.js, timeout: 60, consumes: { queue: jobs } }
            resources:
              jobs: { type: queue }
            environments:
              staging: {}
              production:
                defaults: { memory: 512 }
                functions:
                  api: { env: { B: null } }
            targets:
              aws: { region: eu-west-1 }
            """)
        #expect(models.map(\.environment) == ["production", "staging"])
        let prod = models[0], staging = models[1]
        #expect(prod.function(named: "api")?.memory == 512)
        #expect(staging.function(named: "api")?.memory == 256)
        #expect(staging.function(named: "api")?.env.map(\.name) == ["A", "B", "C", "D"])
        #expect(staging.function(named: "api")?.env.map(\.value) == ["1", "2", "true", "1.5"])
        #expect(prod.function(named: "api")?.env.map(\.name) == ["A", "C", "D"])
        #expect(prod.resource(named: "jobs")?.visibilityTimeout == 360)
        #expect(prod.function(named: "api")?.physicalNames.aws == "shop-production-api")
    }
}
