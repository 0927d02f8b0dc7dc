@testable import DistlangAWS
import DistlangCore
import DistlangModel
import Foundation
import Testing
import TestSupport

/// Environments too big for one CloudFormation template: a parent and nested stacks
/// (docs/targets/aws.md §7). Goldens just under and just over the limit; the split read back from
/// the files (quotas, parameters, logical IDs, resolved contents); manifest and notes.
@Suite struct NestedStacksTests {
    static let goldens = "Tests/DistlangAWSTests/Goldens"

    func check(_ files: [EmittedFile], folder: String) {
        for file in files {
            Golden.assert(file.contents, path: "\(Self.goldens)/\(folder)/\(file.path)")
        }
    }

    static func app(_ name: String) throws -> TargetOutput {
        switch name {
        case "over": return ScaleApps.over
        case "1000": return try ScaleApps.thousand().output
        default: return try ScaleApps.manyStores().output
        }
    }

    func cloudFormationFiles(_ output: TargetOutput) -> [EmittedFile] {
        output.files.filter { $0.path.hasPrefix("aws/cloudformation/") }
    }

    @Test func justUnderTheLimitIsOneTemplate() throws {
        let output = ScaleApps.under
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics.map(\.message))")
        #expect(cloudFormationFiles(output).map(\.path) == ["aws/cloudformation/default.yaml", "aws/cloudformation/default.json"])
        let layout = try NestedLayout(output, environment: "default")
        #expect(layout.parent.resources.count == 498)
        #expect(layout.stacks.isEmpty)
        #expect(!output.notes.contains { $0.contains("nested stacks") })
        // 498 resources: kept as the template's structure, not its 10,000 lines.
        Golden.assert(TemplateStructure.text(layout.parent), path: "\(Self.goldens)/nested-under/structure.txt")
    }

    @Test func justOverTheLimitIsSplit() throws {
        let output = ScaleApps.over
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics.map(\.message))")
        let layout = try NestedLayout(output, environment: "default")
        #expect(layout.children.count >= 2)
        // The resources of one template: 505, over the 500 CloudFormation allows.
        let cfn = output.resources.filter { $0.format == "cloudformation" && $0.type != "AWS::CloudFormation::Stack" }
        #expect(cfn.count == 505)
        #expect(output.notes.contains {
            $0.contains("505 resources (CloudFormation allows 500)") && $0.contains("\(layout.children.count) nested stacks")
                && $0.contains("aws cloudformation package --template-file aws/cloudformation/default.yaml")
        })
        let files = cloudFormationFiles(output)
        // The parent in both formats and the smallest child in full; the packing of every child as a summary.
        let smallest = try #require(files.filter { $0.path.contains(".functions") && $0.path.hasSuffix(".yaml") }
            .min { ($0.contents.utf8.count, $0.path) < ($1.contents.utf8.count, $1.path) })
        check(files.filter { $0.path.hasPrefix("aws/cloudformation/default.") && !$0.path.contains(".functions") } + [smallest], folder: "nested-over")
        Golden.assert(try PackingSummary.text(output, environment: "default"), path: "\(Self.goldens)/nested-over/packing.txt")
        // The JSON parent names the JSON children; the documents differ in nothing else.
        let yamlParent = try #require(files.first { $0.path == "aws/cloudformation/default.yaml" }).contents
        let jsonParent = try #require(files.first { $0.path == "aws/cloudformation/default.json" }).contents
        for name in layout.children.keys {
            #expect(yamlParent.contains("TemplateURL: \(name)\n"))
            #expect(jsonParent.contains("\"TemplateURL\": \"\(name.dropLast(5)).json\""))
        }
    }

    /// Every file of a split, both formats: at most 500 resources, 200 parameters, 200 outputs
    /// and 1 MB.
    @Test(arguments: ["over", "1000", "stores"]) func everyTemplateKeepsWithinEveryQuota(_ app: String) throws {
        let layout = try NestedLayout(try Self.app(app), environment: "default")
        #expect(!layout.children.isEmpty)
        for t in [layout.parent] + Array(layout.children.values) {
            #expect(t.resources.count <= 500, "\(t.path)")
            #expect(t.parameters.count <= 200, "\(t.path)")
            #expect(t.outputs.count <= 200, "\(t.path)")
            #expect(max(t.yamlBytes, t.jsonBytes) <= 1_048_576, "\(t.path)")
        }
    }

    /// Each stack resource names an existing child and passes exactly the parameters it declares,
    /// each a reference to one of the parent's resources or parameters; every child is used once.
    @Test(arguments: ["over", "1000", "stores"]) func parentPassesWhatEachChildDeclares(_ app: String) throws {
        let layout = try NestedLayout(try Self.app(app), environment: "default")
        var used = Set<String>()
        for (id, stack) in layout.stacks {
            let child = try #require(layout.children[stack.url], "\(id): \(stack.url)")
            used.insert(stack.url)
            #expect(Set(stack.parameters.keys) == Set(child.parameters.keys), "\(id)")
            for (name, value) in stack.parameters {
                let o = try #require(value as? [String: Any], "\(id) \(name)")
                let target = (o["Ref"] as? String) ?? ((o["Fn::GetAtt"] as? [String])?.first)
                let known = target.map { layout.parent.resources[$0] != nil || layout.parent.parameters[$0] != nil } ?? false
                #expect(known, "\(id) \(name): \(o)")
            }
        }
        #expect(used == Set(layout.children.keys))
    }

    /// A function's resources in a child are, parameters resolved, exactly what one template
    /// writes for it: same logical IDs, same properties. Shared resources stay in the parent.
    @Test func childrenHoldTheSingleTemplatesFunctions() throws {
        let model = LargeModels.shop(extra: ScaleApps.overExtra)
        let single = CFNTemplateBuilder.template(AWSPlanner.plan(model))
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data((JSONWriter().string(single.document)).utf8)) as? [String: Any])
        let expectedResources = try #require(expected["Resources"] as? [String: Any])
        let layout = try NestedLayout(ScaleApps.over, environment: "default")
        var seen: [String: Any] = [:]
        for (id, stack) in layout.stacks {
            let child = try #require(layout.children[stack.url])
            for (rid, resource) in child.resources {
                #expect(seen[rid] == nil, "\(rid) twice")
                seen[rid] = resource
                let resolved = NestedLayout.resolve(resource, stack.parameters)
                #expect(NSDictionary(dictionary: resolved as! [String: Any]).isEqual(to: expectedResources[rid] as? [String: Any] ?? [:]), "\(id) \(rid)")
            }
        }
        for (rid, resource) in layout.parent.resources where (resource["Type"] as? String) != "AWS::CloudFormation::Stack" {
            #expect(seen[rid] == nil)
            seen[rid] = resource
            #expect(NSDictionary(dictionary: resource).isEqual(to: expectedResources[rid] as? [String: Any] ?? [:]), "\(rid)")
        }
        #expect(Set(seen.keys) == Set(expectedResources.keys))
        // Functions are the only things in children; data stores, secrets and the API are not.
        let childTypes = Set(layout.children.values.flatMap { $0.resources.values.compactMap { $0["Type"] as? String } })
        #expect(childTypes.isDisjoint(with: ["AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::SecretsManager::Secret", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage"]))
    }

    /// Each child returns its functions' names, one output each plus FunctionNames, which the
    /// parent re-exports per child.
    @Test func outputsOfChildrenAndParent() throws {
        let layout = try NestedLayout(ScaleApps.over, environment: "default")
        for (id, stack) in layout.stacks {
            let child = try #require(layout.children[stack.url])
            let functions = child.resources.filter { $0.value["Type"] as? String == "AWS::Lambda::Function" }.keys
            #expect(Set(child.outputs.keys) == Set(functions.map { $0 + "Name" } + ["FunctionNames"]), "\(id)")
            let parentOutput = try #require(layout.parent.outputs[id + "FunctionNames"] as? [String: Any])
            #expect((parentOutput["Value"] as? [String: Any])?["Fn::GetAtt"] as? [String] == [id, "Outputs.FunctionNames"])
        }
    }

    /// The manifest: the same identities as one template would have (the file differs), plus the
    /// stack resources, which hold no data.
    @Test func manifestKeepsIdentitiesAndAddsStacks() throws {
        let output = ScaleApps.over
        let layout = try NestedLayout(output, environment: "default")
        let cfn = output.resources.filter { $0.format == "cloudformation" }
        let stacks = cfn.filter { $0.type == "AWS::CloudFormation::Stack" }
        #expect(Set(stacks.map(\.logicalName)) == Set(layout.stacks.keys))
        #expect(stacks.allSatisfy { !$0.isStateful && $0.file == "aws/cloudformation/default.yaml" })
        for r in cfn where r.type != "AWS::CloudFormation::Stack" {
            let file = r.file.replacingOccurrences(of: "aws/cloudformation/", with: "")
            let holder = file == "default.yaml" ? layout.parent : layout.children[file]
            #expect(holder?.resources[r.logicalName] != nil, "\(r.logicalName) not in \(r.file)")
        }
        // Attributes are those of one template (no child parameters), whichever child holds it.
        let single = CFNTemplateBuilder.template(AWSPlanner.plan(LargeModels.shop(extra: ScaleApps.overExtra)))
        for resource in single.resources {
            let r = try #require(cfn.first { $0.logicalName == resource.logicalID })
            var expected = resource.properties
            if let policy = resource.deletionPolicy {
                expected["DeletionPolicy"] = .string(policy.rawValue)
                expected["UpdateReplacePolicy"] = .string(policy.rawValue)
            }
            #expect(r.attributes == expected, "\(r.logicalName)")
        }
        #expect(cfn.count == single.resources.count + stacks.count)
        let role = try #require(cfn.first { $0.logicalName == "ApiRole" })
        #expect(role.file.hasPrefix("aws/cloudformation/default.functions"))
        #expect(JSONWriter(indent: 0).string(role.attributes["Policies"] ?? .null).contains("{\"Fn::GetAtt\":[\"SessionsTable\",\"Arn\"]}"))
    }

    @Test func formatsFollowTheOptions() {
        let model = LargeModels.shop(extra: ScaleApps.overExtra)
        let yaml = AWSOutputs.emit([model], formats: [.yaml]).files.filter { $0.path.hasPrefix("aws/cloudformation/") }
        let json = AWSOutputs.emit([model], formats: [.json]).files.filter { $0.path.hasPrefix("aws/cloudformation/") }
        #expect(yaml.count == json.count)
        #expect(yaml.allSatisfy { $0.path.hasSuffix(".yaml") } && json.allSatisfy { $0.path.hasSuffix(".json") })
        #expect(yaml.map { $0.path.dropLast(5) } == json.map { $0.path.dropLast(5) })
        #expect(json.first { $0.path == "aws/cloudformation/default.json" }?.contents.contains(".yaml") == false)
    }

    @Test func splitIsDeterministic() {
        let again = AWSOutputs.emit([LargeModels.shop(extra: ScaleApps.overExtra)])
        #expect(again.files == ScaleApps.over.files)
        #expect(again.resources == ScaleApps.over.resources)
        #expect(again.notes == ScaleApps.over.notes)
    }

    /// Terraform has no such quotas: the same root as ever, one file of functions.
    @Test func terraformIsNotSplit() {
        let paths = ScaleApps.over.files.map(\.path).filter { $0.hasPrefix("aws/terraform/") }
        #expect(paths == ["versions.tf", "variables.tf", "main.tf", "functions.tf", "outputs.tf"].map { "aws/terraform/default/" + $0 })
        let functions = ScaleApps.over.resources.filter { $0.format == "terraform" && $0.type == "aws_lambda_function" }
        #expect(functions.count == 3 + ScaleApps.overExtra)
    }
}
