import DistlangAWS
import DistlangModel
import Testing
import TestSupport

/// The whole output for the sample models, kept as golden files (re-record with DISTLANG_RECORD=1).
@Suite struct GoldenTests {
    static let goldens = "Tests/DistlangAWSTests/Goldens"

    /// Every file but the embedded runtime's (DistlangRuntimeTests checks those against runtime/src).
    func check(_ output: TargetOutput, folder: String) {
        for file in output.files where !RuntimeGoldens.isEmbeddedRuntime(file.path) {
            Golden.assert(file.contents, path: "\(Self.goldens)/\(folder)/\(file.path)")
        }
    }

    @Test func shopDefaultEnvironment() {
        let output = AWSOutputs.emit([SampleModels.shop()])
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics)")
        #expect(output.files.map(\.path).filter { !RuntimeGoldens.isEmbeddedRuntime($0) } == [
            "aws/cloudformation/default.yaml", "aws/cloudformation/default.json",
            "aws/terraform/default/versions.tf", "aws/terraform/default/variables.tf", "aws/terraform/default/main.tf",
            "aws/terraform/default/functions.tf", "aws/terraform/default/outputs.tf",
            "aws/code/api/index.mjs", "aws/code/api/package.json", "aws/code/fulfil/index.mjs", "aws/code/fulfil/package.json",
            "aws/code/nightly/index.mjs", "aws/code/nightly/package.json",
        ])
        check(output, folder: "shop")
    }

    @Test func shopEnvironments() {
        let output = AWSOutputs.emit(SampleModels.shopEnvironments())
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics)")
        check(output, folder: "shop-environments")
    }
}

/// Every example that targets AWS, every environment, YAML and JSON and Terraform.
@Suite struct ExampleGoldenTests {
    @Test func examplesTargetingAWSExist() {
        #expect(ExampleModels.examples.count >= 3)
        #expect(ExampleModels.examples.contains { $0.models.count > 1 }, "an example with several environments")
    }

    @Test(arguments: ExampleModels.examples.map(\.name))
    func example(_ name: String) {
        let example = ExampleModels.examples.first { $0.name == name }!
        #expect(example.compileErrors.isEmpty, "\(example.compileErrors)")
        let output = AWSOutputs.emit(example.models)
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics.map(\.message))")
        let functions = Set(example.models.flatMap { $0.functions.map(\.name) })
        let generated = output.files.filter { !RuntimeGoldens.isEmbeddedRuntime($0.path) }
        #expect(generated.count == example.models.count * 7 + functions.count * 2)
        for file in generated {
            Golden.assert(file.contents, path: "\(GoldenTests.goldens)/\(name)/\(file.path)")
        }
    }
}
