import DistlangBuild
import DistlangCore
import DistlangLoader
import DistlangModel
import DistlangSpec
import Foundation
import Testing
import TestSupport

/// Each spec in Cases/ is compiled; its diagnostics (as the CLI prints them) and, when valid, a summary
/// of the environments are compared with Goldens/cases/<name>.txt.
struct SpecCaseTests {
    static let casesFolder = "Tests/DistlangSpecTests/Cases"

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.path(casesFolder))) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
    }

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 15)
    }

    @Test(arguments: cases)
    func diagnosticsMatchTheGolden(_ name: String) {
        let relative = "\(Self.casesFolder)/\(name)"
        let loaded = Loader.load(file: RepositoryPaths.path(relative), displayName: name)
        guard let document = loaded.document else {
            Issue.record("\(name) does not load: \(loaded.diagnostics)")
            return
        }
        let compiled = SpecCompiler.checked.compile(document: document, specDirectory: nil)
        let sources = SourceCache()
        sources.register(file: name, text: loaded.text ?? "")
        var out = TextDiagnosticRenderer(sources: sources).render(compiled.diagnostics)
        for model in compiled.models {
            out += "environment \(model.environment): functions \(model.functions.map(\.name)), resources \(model.resources.map(\.name))\n"
        }
        let golden = "Tests/DistlangSpecTests/Goldens/cases/\((name as NSString).deletingPathExtension).txt"
        Golden.assert(out, path: golden)
    }
}

extension SpecCompiler {
    /// The CLI's compiler (every target's checker), judging runtimes on a fixed day so goldens stay put.
    static var checked: SpecCompiler {
        var compiler = SpecCompiler()
        compiler.targetCheckers = TargetEmitters.checkers(today: "2026-12-01")
        return compiler
    }
}
