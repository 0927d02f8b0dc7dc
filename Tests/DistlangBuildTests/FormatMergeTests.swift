@testable import DistlangBuild
import DistlangModel
import Testing
import TestSupport

/// The same change in CloudFormation and Terraform (one AWS plan, two spellings) is shown once, for
/// both formats; a change only one format has, or that differs between them, is shown per format.
struct FormatMergeTests {
    static func manifest(_ model: AppModel) throws -> Manifest {
        try Builder(emitters: TargetEmitters.all)
            .plan(models: [model], specFile: "distlang.yaml", specText: "", request: BuildRequest()).manifest
    }

    static func groups(_ old: AppModel, _ new: AppModel, verbose: Bool = false) throws -> [String] {
        let diff = Differ(actions: TargetEmitters.iamActions).diff(previous: try manifest(old), current: try manifest(new))
        return ChangeGroups.groups(diff.environments[0].resources, verbose: verbose).flatMap { g in
            g.changes.map { "\(g.title): \(ChangeLines.symbol($0.first.kind)) \(ChangeLines.headline($0))" }
        }
    }

    @Test func aMemoryChangeIsOneChangeForBothAWSFormats() throws {
        let shown = try Self.groups(SampleModels.shop(memory: 256), SampleModels.shop(memory: 1024))
        #expect(shown == ["aws (cloudformation, terraform): ~ AWS::Lambda::Function ApiFunction, aws_lambda_function api (shop-api)"])
        #expect(try Self.groups(SampleModels.shop(memory: 256), SampleModels.shop(memory: 1024), verbose: true) == [
            "aws (cloudformation): ~ AWS::Lambda::Function ApiFunction (shop-api)",
            "aws (terraform): ~ aws_lambda_function api (shop-api)",
        ])
    }

    /// A new write access: the inline policy of the CloudFormation role and the Terraform policy
    /// document change alike (references compared by what they point at).
    @Test func aPolicyChangeIsOneChangeAcrossDifferentResources() throws {
        var more = SampleModels.shop()
        let api = more.functions.firstIndex { $0.name == "api" }!
        more.functions[api].uses = more.functions[api].uses.map { $0.resource == "uploads" ? Binding(resource: "uploads", access: .readwrite) : $0 }
        let shown = try Self.groups(SampleModels.shop(), more)
        #expect(shown.contains("aws (cloudformation, terraform): ~ AWS::IAM::Role ApiRole, data.aws_iam_policy_document api_access (shop-api-role)"), "\(shown)")
        #expect(!shown.contains { $0.hasPrefix("aws (cloudformation):") || $0.hasPrefix("aws (terraform):") }, "\(shown)")
    }

    /// Fates differ by format (CloudFormation retains, Terraform deletes): never merged.
    @Test func aRemovedStoreIsShownPerFormat() throws {
        var fewer = SampleModels.shop()
        fewer.resources.removeAll { $0.name == "sessions" }
        for i in fewer.functions.indices { fewer.functions[i].uses.removeAll { $0.resource == "sessions" } }
        let shown = try Self.groups(SampleModels.shop(), fewer)
        #expect(shown.contains("aws (cloudformation): - AWS::DynamoDB::Table SessionsTable (shop-sessions)"), "\(shown)")
        #expect(shown.contains("aws (terraform): - aws_dynamodb_table sessions (shop-sessions)"), "\(shown)")
    }
}
