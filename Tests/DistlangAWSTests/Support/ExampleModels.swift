import DistlangModel
import DistlangSpec
import Foundation
import TestSupport

/// Every bundled example (examples/<name>/distlang.yaml or .json) that targets AWS, compiled by
/// the spec stage: every environment's model, as `distlang build` passes them. Named
/// `examples/<name>`.
enum ExampleModels {
    struct Example {
        var name: String
        var models: [AppModel]
        /// Errors from the spec stage: any is a test failure (ExampleGoldenTests).
        var compileErrors: [String]
    }

    static let examples: [Example] = {
        let root = RepositoryPaths.path("examples")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        return folders.compactMap { folder in
            guard let spec = ["distlang.yaml", "distlang.json"].map({ "\(root)/\(folder)/\($0)" })
                .first(where: FileManager.default.fileExists)
            else { return nil }
            let compiled = SpecCompiler().compile(file: spec)
            let models = compiled.models.filter { $0.targets.aws != nil }
            if models.isEmpty && !compiled.hasErrors { return nil }  // an example without AWS
            return Example(
                name: "examples-\(folder)", models: models,
                compileErrors: compiled.diagnostics.filter { $0.severity == .error }.map(\.message))
        }
    }()

    static func all() -> [(String, [AppModel])] { examples.map { ($0.name, $0.models) } }
}
