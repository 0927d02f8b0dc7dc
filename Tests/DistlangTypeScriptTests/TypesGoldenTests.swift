import DistlangCore
import DistlangModel
import DistlangRuntime
import DistlangSpec
import Foundation
import TestSupport
import Testing

/// `distlang types` output as goldens: every example, and the access combinations of
/// Fixtures/access. examples/links-ts keeps its declarations beside its sources, so its golden is
/// that file.
struct TypesGoldenTests {
    /// `(name, spec path)` of every example.
    static let examples: [(name: String, spec: String)] = {
        let root = RepositoryPaths.path("examples")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return folders.compactMap { folder in
            ["distlang.yaml", "distlang.json"].map { "\(root)/\(folder)/\($0)" }.first(
                where: FileManager.default.fileExists
            )
            .map { (folder, $0) }
        }
    }()

    static func declarations(_ spec: String) throws -> String {
        let compiled = SpecCompiler().compile(file: spec)
        #expect(!compiled.hasErrors, "\(compiled.diagnostics)")
        return try EnvDeclarations.generate(compiled.models, specFileName: (spec as NSString).lastPathComponent).get()
    }

    @Test func everyExampleIsCovered() {
        #expect(Self.examples.count >= 6)
        #expect(Self.examples.contains { $0.name == "links-ts" })
    }

    @Test(arguments: examples.map(\.name))
    func example(_ name: String) throws {
        let spec = Self.examples.first { $0.name == name }!.spec
        let golden =
            name == "links-ts"
            ? "examples/links-ts/distlang-env.d.ts" : "Tests/DistlangTypeScriptTests/Goldens/types/\(name).d.ts"
        Golden.assert(try Self.declarations(spec), path: golden)
    }

    @Test func accessCombinations() throws {
        let text = try Self.declarations(
            RepositoryPaths.path("Tests/DistlangTypeScriptTests/Fixtures/access/distlang.yaml"))
        Golden.assert(text, path: "Tests/DistlangTypeScriptTests/Goldens/types/access.d.ts")
    }

    /// `thumbnail-jobs` gives `ThumbnailJobsEnv`, `ThumbnailJobsContext`, `ThumbnailJobsRoute` and
    /// `ThumbnailJobsHandler`, each exported once.
    @Test func namesArePascalCaseAndExported() throws {
        let text = try Self.declarations(
            RepositoryPaths.path("Tests/DistlangTypeScriptTests/Fixtures/access/distlang.yaml"))
        for suffix in ["Env", "Context", "Route", "Handler"] {
            let name = "ThumbnailJobs" + suffix
            let declared = text.components(separatedBy: "\n").filter {
                $0.hasPrefix("export interface \(name) ") || $0.hasPrefix("export interface \(name)<")
                    || $0.hasPrefix("export type \(name) ")
            }
            #expect(declared.count == 1, "\(name): \(declared)")
        }
    }

    /// The same models in another order give the same bytes.
    @Test func deterministic() throws {
        let compiled = SpecCompiler().compile(file: RepositoryPaths.path("examples/staged-app/distlang.yaml"))
        let reversed = compiled.models.reversed().map { model -> AppModel in
            var model = model
            model.functions.reverse()
            return model
        }
        let a = try EnvDeclarations.generate(compiled.models, specFileName: "distlang.yaml").get()
        let b = try EnvDeclarations.generate(Array(reversed), specFileName: "distlang.yaml").get()
        #expect(a == b)
    }

    /// Two functions whose names give one TypeScript name are an error at the second one.
    @Test func clashingNamesAreAnError() {
        let model = AppModel(
            app: "a", environment: "default",
            functions: [FunctionModel(name: "a-1", source: "a.ts"), FunctionModel(name: "a1", source: "b.ts")],
            resources: [], targets: TargetSettings())
        guard case .failure(let error) = EnvDeclarations.generate([model], specFileName: "distlang.yaml") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.diagnostics.map(\.code) == ["types.name-clash"])
        #expect(error.diagnostics.first?.pointer == JSONPointer(tokens: ["functions", "a1"]))
        #expect(
            error.diagnostics.first?.message
                == "functions a-1 and a1 both give the TypeScript names A1Env, A1Handler, …")
    }
}
