import DistlangAWS
import DistlangModel
import DistlangSpec
import Foundation
import TestSupport

/// The apps of the nested-stack tests, each emitted once (YAML and JSON).
enum ScaleApps {
    /// The shop grown to 498 CloudFormation resources: the most that still fit one template.
    static let underExtra = 78
    /// One function more: 505 resources, so the environment is split.
    static let overExtra = 79

    static let under = AWSOutputs.emit([LargeModels.shop(extra: underExtra)])
    static let over = AWSOutputs.emit([LargeModels.shop(extra: overExtra)])

    struct Thousand: Sendable {
        var models: [AppModel]
        var output: TargetOutput
    }

    /// 1,000 functions and 24 resources from bench/gen_spec.py, compiled by the spec stage.
    static func thousand() throws -> Thousand { try thousandResult.get() }

    private static let thousandResult: Result<Thousand, Error> = Result {
        let models = try compile(try GeneratedSpecs.write(functions: 1000, resources: 24))
        return Thousand(models: models, output: AWSOutputs.emit(models))
    }

    /// 30 functions and 510 data stores (bench/gen_spec.py): more stores than a parent can hold,
    /// so they get nested stacks of their own too.
    static func manyStores() throws -> Thousand { try manyStoresResult.get() }

    private static let manyStoresResult: Result<Thousand, Error> = Result {
        let models = try compile(try GeneratedSpecs.write(functions: 30, resources: 510))
        return Thousand(models: models, output: AWSOutputs.emit(models))
    }

    static func compile(_ spec: String) throws -> [AppModel] {
        let compiled = SpecCompiler().compile(file: spec)
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw ExternalTool.Failure(description: "\(spec): \(errors.map(\.message))") }
        return compiled.models
    }
}
