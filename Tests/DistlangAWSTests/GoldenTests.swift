import DistlangAWS
import DistlangModel
import Testing
import TestSupport

/// The whole output for the sample models, kept as golden files (re-record with DISTLANG_RECORD=1).
@Suite struct GoldenTests {
    static let goldens = "Tests/DistlangAWSTests/Goldens"

    func check(_ output: TargetOutput, folder: String) {
        for file in output.files {
            if let problem = Golden.mismatch(file.contents, goldenPath: "\(Self.goldens)/\(folder)/\(file.path)") {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }

    @Test func shopDefaultEnvironment() {
        let output = AWSOutputs.emit([SampleModels.shop()])
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics)")
        #expect(output.files.map(\.path) == [
            "aws/cloudformation/default.yaml", "aws/cloudformation/default.json",
            "aws/terraform/default/versions.tf", "aws/terraform/default/variables.tf", "aws/terraform/default/main.tf",
            "aws/terraform/default/functions.tf", "aws/terraform/default/outputs.tf",
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
        #expect(output.files.count == example.models.count * 7)
        for file in output.files {
            if let problem = Golden.mismatch(file.contents, goldenPath: "\(GoldenTests.goldens)/\(name)/\(file.path)") {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }
}
