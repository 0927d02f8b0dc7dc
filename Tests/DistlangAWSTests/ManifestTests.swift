import DistlangAWS
import DistlangCore
import DistlangModel
import Foundation
import Testing
import TestSupport

/// The `EmittedResource`s the build manifest and `distlang diff` read.
@Suite struct ManifestTests {
    let output = AWSOutputs.emit(SampleModels.shopEnvironments())

    @Test func everyResourceOfBothFormats() throws {
        for env in ["production", "staging"] {
            let json = try #require(output.files.first { $0.path == "aws/cloudformation/\(env).json" })
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.contents.utf8)) as? [String: Any])
            let ids = Set((doc["Resources"] as? [String: Any] ?? [:]).keys)
            let cfn = output.resources.filter { $0.environment == env && $0.format == "cloudformation" }
            #expect(Set(cfn.map(\.logicalName)) == ids)
            #expect(cfn.count == ids.count)
            #expect(cfn.allSatisfy { $0.file == "aws/cloudformation/\(env).yaml" && $0.target == .aws })

            let tfText = output.files.filter { $0.path.hasPrefix("aws/terraform/\(env)/") }.map(\.contents).joined()
            // Every resource block, and each function's access policy document (so policy changes show in diffs).
            let blocks = tfText.components(separatedBy: "\n").filter {
                $0.hasPrefix("resource \"") || ($0.hasPrefix("data \"aws_iam_policy_document\"") && $0.contains("_access\""))
            }.map { line in
                (line.hasPrefix("data") ? ["data"] : [])
                    + line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            }.map { $0.joined(separator: ".") }
            let tf = output.resources.filter { $0.environment == env && $0.format == "terraform" }
            #expect(Set(tf.map(\.logicalName)) == Set(blocks))
            #expect(tf.count == blocks.count)
        }
    }

    @Test func statefulResources() {
        let stateful = Set(output.resources.filter(\.isStateful).map { "\($0.format) \($0.type)" })
        #expect(stateful == [
            "cloudformation AWS::DynamoDB::Table", "cloudformation AWS::S3::Bucket", "cloudformation AWS::SQS::Queue",
            "cloudformation AWS::SecretsManager::Secret", "terraform aws_dynamodb_table", "terraform aws_s3_bucket",
            "terraform aws_sqs_queue", "terraform aws_secretsmanager_secret",
        ])
        // Two queues (orders and its DLQ) per environment and format.
        #expect(output.resources.filter { $0.isStateful && $0.type.contains("SQS") || $0.type == "aws_sqs_queue" }.count == 8)
    }

    @Test func attributesAndReplacement() throws {
        let table = try #require(output.resources.first {
            $0.environment == "staging" && $0.format == "cloudformation" && $0.type == "AWS::DynamoDB::Table"
        })
        #expect(table.physicalName == "shop-staging-sessions")
        #expect(table.replacingAttributes.contains("TableName"))
        #expect(table.attributes["TableName"] == .string("shop-staging-sessions"))
        #expect(table.attributes["DeletionPolicy"] == .string("Retain"))
        #expect(table.source == ModelElement(.resource, "sessions"))

        let function = try #require(output.resources.first {
            $0.environment == "production" && $0.format == "terraform" && $0.logicalName == "aws_lambda_function.api"
        })
        #expect(function.physicalName == "shop-production-api")
        #expect(function.attributes["memory_size"] == .integer(512))
        #expect(function.attributes["role"] == .string("aws_iam_role.api.arn"))
        #expect(function.replacingAttributes == ["function_name"])
        #expect(function.file == "aws/terraform/production/functions.tf")
        #expect(function.source == ModelElement(.function, "api"))
        let env = function.attributes["environment"]?.arrayValue?.first?["variables"]
        #expect(env?["SESSIONS_TABLE"] == .string("aws_dynamodb_table.sessions.name"))

        for resource in output.resources where resource.physicalName != nil {
            #expect(!resource.replacingAttributes.isEmpty, "\(resource.logicalName)")
        }
        for resource in output.resources where resource.type == "AWS::Lambda::Function" || resource.type == "aws_lambda_function" {
            #expect(resource.source?.kind == .function)
        }
    }

    /// Templates and roots belong to one environment; a function's code root serves them all.
    @Test func everyFileBelongsToItsEnvironment() {
        for file in output.files {
            guard let env = file.environment else {
                #expect(file.path.hasPrefix("aws/code/"), "\(file.path)")
                continue
            }
            #expect(file.path.hasPrefix("aws/terraform/\(env)/") || file.path.hasPrefix("aws/cloudformation/\(env)."), "\(file.path)")
        }
        #expect(output.files.contains { $0.path == "aws/code/api/index.mjs" && $0.environment == nil })
    }

    @Test func outputIsDeterministic() {
        let again = AWSOutputs.emit(SampleModels.shopEnvironments())
        #expect(again.files == output.files)
        #expect(again.resources == output.resources)
        #expect(again.notes == output.notes)
    }

    @Test func formatsFollowTheOptions() {
        let yamlOnly = AWSOutputs.emit([SampleModels.shop()], formats: [.yaml])
        #expect(yamlOnly.files.filter { $0.path.hasPrefix("aws/cloudformation/") }.map(\.path) == ["aws/cloudformation/default.yaml"])
        let jsonOnly = AWSOutputs.emit([SampleModels.shop()], formats: [.json])
        #expect(jsonOnly.files.filter { $0.path.hasPrefix("aws/cloudformation/") }.map(\.path) == ["aws/cloudformation/default.json"])
        #expect(jsonOnly.resources.first { $0.format == "cloudformation" }?.file == "aws/cloudformation/default.json")
        #expect(yamlOnly.files.filter { $0.path.hasPrefix("aws/terraform/") }.count == 5)
    }

    /// YAML and JSON are one document: every reader gets the same value from both (a parent's
    /// TemplateURLs name the children of its own format: compared without the extension).
    @Test func yamlAndJSONAreTheSameDocument() throws {
        guard let loaded = try LoadedTemplates.load() else { return }
        let byPath = Dictionary(grouping: loaded, by: { "\($0.entry)/\(($0.path as NSString).deletingPathExtension)" })
        #expect(byPath.count >= 4)
        #expect(byPath.keys.contains { $0.hasPrefix("nested/") && $0.contains(".functions") })
        for (name, pair) in byPath {
            #expect(pair.count == 2, "\(name)")
            let docs = pair.flatMap { $0.documents.values }.map { NSDictionary(dictionary: Self.withoutTemplateURLExtensions($0) as? [String: Any] ?? [:]) }
            #expect(docs.count == 4)
            for doc in docs.dropFirst() { #expect(doc.isEqual(to: docs[0] as! [AnyHashable: Any]), "\(name)") }
        }
    }

    static func withoutTemplateURLExtensions(_ value: Any) -> Any {
        if let o = value as? [String: Any] {
            var out = o.mapValues(withoutTemplateURLExtensions)
            if let url = o["TemplateURL"] as? String { out["TemplateURL"] = (url as NSString).deletingPathExtension }
            return out
        }
        if let a = value as? [Any] { return a.map(withoutTemplateURLExtensions) }
        return value
    }

    @Test func notesTellWhatToDoFirst() {
        let notes = AWSOutputs.emit([SampleModels.shop()], formats: [.yaml]).notes
        // The build packages and the templates reference the code: no upload chore is left.
        #expect(!notes.contains { $0.contains(".zip") || $0.contains("upload") })
        // Deploying (capabilities included) is distlang deploy's: no note about it.
        #expect(!notes.contains { $0.contains("CAPABILITY_NAMED_IAM") })
        #expect(notes.contains { $0.contains("shop/STRIPE_KEY") && $0.contains("`distlang deploy --target aws` sets each") })
        // Each chore once for every environment.
        let both = AWSOutputs.emit(["production", "staging"].map { SampleModels.shop(environment: $0) }, formats: [.yaml]).notes
        #expect(both.filter { $0.contains("secretsmanager") }.count == 1)
        #expect(both.contains { $0.contains("shop/production/STRIPE_KEY") && $0.contains("shop/staging/STRIPE_KEY") })
        #expect(Set(both).count == both.count)
    }
}
