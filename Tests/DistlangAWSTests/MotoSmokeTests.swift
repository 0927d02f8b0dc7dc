import DistlangModel
import Foundation
import Testing
import TestSupport

/// Deploys each generated YAML template into moto_server (Fixtures/moto_smoke.py, boto3, region
/// us-east-1, dummy credentials, an empty AWS config) after uploading each function's zip as
/// `aws cloudformation package` would, expects
/// CREATE_COMPLETE, and finds every function, table, bucket and queue (dead-letter queues
/// included) by the physical name the model gives it, plus the roles, schedule rules and log
/// groups the emitter names.
///
/// What this does NOT check: moto 5.2.1 skips AWS::ApiGatewayV2::* and AWS::SecretsManager::Secret
/// silently (the HTTP API, its routes, stage and access logs, and the secrets are not created,
/// so nothing about them is verified here; cfn-lint checks them against the schemas), and it
/// ignores the secure-default properties of buckets (public access block, versioning,
/// ownership) and tables (SSE, point-in-time recovery). Outputs that read an attribute of a
/// resource moto skips make moto answer HTTP 500, so the deployed copy (only) drops them; the
/// script reports which. The JSON form is not deployed: it is the same document (InjectionTests
/// and GoldenTests compare the two).
///
/// The split app (`nested`) is deployed as `aws cloudformation package` would: the script uploads
/// each child template to moto's S3 and its deployed copy of the parent says
/// `https://s3.amazonaws.com/distlang-smoke-templates/<stack>/<file>` instead of the local path;
/// it also replaces the stack parameters fed by resources moto skips (`HttpApiId` from the API,
/// `<S>SecretArn` from the secrets: moto would leave them empty and refuse the child) with
/// placeholders, and drops the parent's outputs
/// that read a child's outputs (moto 5.2.1 does not implement `Fn::GetAtt Child.Outputs.X`).
/// Every function, role, rule and log group in the children must then be found.
@Suite(.serialized) struct MotoSmokeTests {
    struct Expectation: Encodable {
        var app: String
        var name: String
        var template: String
        var expect: [String: [String]]
        /// Function name -> its literal environment variables, which must arrive byte for byte.
        var environment: [String: [String: String]]
    }

    static func expectations(_ entry: AWSCorpus.Entry, directory: String) -> [Expectation] {
        entry.models.map { model in
            var expect: [String: [String]] = [
                "functions": model.functions.compactMap(\.physicalNames.aws),
                "tables": model.resources.filter { $0.kind == .kv }.compactMap(\.physicalNames.aws),
                "buckets": model.resources.filter { $0.kind == .bucket }.compactMap(\.physicalNames.aws),
                "queues": model.resources.filter { $0.kind == .queue }.flatMap { q in
                    [q.physicalNames.aws] + (q.deadLetter ? [q.deadLetterNames.aws] : [])
                }.compactMap { $0 },
            ]
            let emitted = entry.output.resources.filter { $0.environment == model.environment && $0.format == "cloudformation" }
            expect["roles"] = emitted.filter { $0.type == "AWS::IAM::Role" }.compactMap(\.physicalName)
            expect["rules"] = emitted.filter { $0.type == "AWS::Events::Rule" }.compactMap(\.physicalName)
            expect["log_groups"] = emitted.filter { $0.type == "AWS::Logs::LogGroup" }.compactMap(\.physicalName)
            return Expectation(
                app: entry.name, name: "\(entry.name)-\(model.environment)",
                template: "\(directory)/aws/cloudformation/\(model.environment).yaml",
                expect: expect,
                environment: Dictionary(uniqueKeysWithValues: model.functions.compactMap { f in
                    f.physicalNames.aws.map { ($0, Dictionary(uniqueKeysWithValues: f.env.map { ($0.name, $0.value) })) }
                }))
        }
    }

    @Test func everyTemplateDeploysIntoMoto() throws {
        guard let motoServer = try Checkers.tool("moto_server") else { return }
        let corpus = try AWSCorpus.writeAll()
        let work = URL(fileURLWithPath: corpus.root)
        let stacks = corpus.entries.flatMap { Self.expectations($0.entry, directory: $0.directory) }
        let planURL = work.appendingPathComponent("smoke-plan.json")
        try JSONEncoder().encode(["stacks": stacks]).write(to: planURL)
        let emptyConfig = work.appendingPathComponent("empty-aws-config")
        _ = FileManager.default.createFile(atPath: emptyConfig.path, contents: Data())

        let server = try MotoServer(executable: motoServer, logFile: work.appendingPathComponent("moto.log"))
        defer { server.stop() }
        let (result, json) = try Checkers.python(
            "moto_smoke.py", [server.endpoint, planURL.path],
            environment: [
                "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
                "AWS_DEFAULT_REGION": "us-east-1", "AWS_CONFIG_FILE": emptyConfig.path,
                "AWS_SHARED_CREDENTIALS_FILE": emptyConfig.path, "AWS_EC2_METADATA_DISABLED": "true",
            ],
            timeout: 420)
        server.stop()
        #expect(!server.process.isRunning)
        #expect(result.exitCode == 0, "moto_smoke.py failed:\n\(result.stderr.suffix(3000))")
        let results = try #require((json as? [String: Any])?["stacks"] as? [[String: Any]], "\(result.stdout.prefix(2000))")
        #expect(results.count == stacks.count)
        for (stack, outcome) in zip(stacks, results) {
            #expect(outcome["status"] as? String == "CREATE_COMPLETE", "\(stack.name): \(outcome["status"] ?? "?") \(outcome["reason"] ?? "")")
            #expect((outcome["missing"] as? [String])?.isEmpty == true, "\(stack.name): \(outcome["missing"] ?? "")")
            let found = outcome["found"] as? [String: [String]] ?? [:]
            for (kind, names) in stack.expect {
                #expect(Set(found[kind] ?? []) == Set(names), "\(stack.name) \(kind)")
            }
        }
        let hostile = try #require(results.first { $0["name"] as? String == "hostile-default" })
        #expect((hostile["environment_checked"] as? Int ?? 0) == HostileModels.strings.count)
        // The split app went through its nested stacks: every child uploaded and deployed, and
        // nothing rewritten but the TemplateURLs and Code paths (as package does), HttpApiId and
        // the outputs reading children.
        let nested = try #require(results.first { $0["name"] as? String == "nested-default" })
        let layout = try NestedLayout(ScaleApps.over, environment: "default")
        #expect((nested["children"] as? [[String: Any]])?.count == layout.children.count)
        let rewritten = nested["rewritten"] as? [String] ?? []
        #expect(rewritten.filter { $0.contains(" TemplateURL ") }.count == layout.children.count)
        let parameters = rewritten.filter { $0.contains(" parameter ") }.map { $0.split(separator: " ")[2] }
        #expect(!parameters.isEmpty && parameters.allSatisfy { $0 == "HttpApiId" || $0.hasSuffix("SecretArn") }, "\(parameters)")
        #expect(rewritten.filter { $0.contains(" Code ../code/") }.count == 3 + ScaleApps.overExtra)
        #expect(rewritten.allSatisfy {
            $0.contains(" TemplateURL ") || $0.contains(" parameter ") || $0.contains(" Code ../code/")
                || $0.hasSuffix("(reads a nested stack's outputs)")
        })
        #expect(stacks.first { $0.name == "nested-default" }?.expect["functions"]?.count == 3 + ScaleApps.overExtra)
        // The shop really has every kind of thing to find.
        let shop = try #require(stacks.first { $0.name == "shop-default" })
        for kind in ["functions", "tables", "buckets", "queues", "roles", "rules", "log_groups"] {
            #expect(!(shop.expect[kind] ?? []).isEmpty, "\(kind)")
        }
    }

    /// The split app's layout is what `aws cloudformation package` expects: run on the YAML and
    /// the JSON parent (aws-cli, its S3 calls sent to moto_server), it uploads every child the
    /// parent names, changed only in each function's `Code` (now the uploaded zip, the same bytes),
    /// and points each stack resource at the upload.
    @Test func awsCloudFormationPackageUploadsEveryChild() throws {
        guard let motoServer = try Checkers.tool("moto_server"), let aws = try Checkers.tool("aws") else { return }
        let corpus = try AWSCorpus.writeAll()
        let nested = try #require(corpus.entries.first { $0.entry.name == "nested" })
        let parents = ["yaml", "json"].map { "\(nested.directory)/aws/cloudformation/default.\($0)" }
        let work = URL(fileURLWithPath: corpus.root)
        let emptyConfig = work.appendingPathComponent("empty-aws-config-package")
        _ = FileManager.default.createFile(atPath: emptyConfig.path, contents: Data())
        let server = try MotoServer(executable: motoServer, logFile: work.appendingPathComponent("moto-package.log"))
        defer { server.stop() }
        let (result, json) = try Checkers.python(
            "package_check.py", [aws, "http://localhost:\(server.port)", "distlang-package"] + parents,
            environment: [
                "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_CONFIG_FILE": emptyConfig.path, "AWS_SHARED_CREDENTIALS_FILE": emptyConfig.path,
                "AWS_EC2_METADATA_DISABLED": "true",
            ],
            timeout: 300)
        server.stop()
        #expect(result.exitCode == 0, "package_check.py failed:\n\(result.stderr.suffix(3000))")
        let results = try #require((json as? [String: Any])?["parents"] as? [[String: Any]], "\(result.stdout.prefix(2000))")
        let children = try NestedLayout(ScaleApps.over, environment: "default").children.count
        #expect(results.count == 2)
        for parent in results {
            #expect(parent["exit"] as? Int == 0, "\(parent["parent"] ?? ""): \(parent["stderr"] ?? "")")
            let stacks = parent["stacks"] as? [[String: Any]] ?? []
            #expect(stacks.count == children)
            #expect(stacks.reduce(0) { $0 + ($1["functions"] as? Int ?? 0) } == 3 + ScaleApps.overExtra)
            for stack in stacks {
                #expect(stack["same"] as? Bool == true, "\(stack)")
                #expect(stack["code_uploaded"] as? Int == stack["functions"] as? Int, "\(stack)")
                #expect((stack["url"] as? String)?.hasPrefix("http://localhost:\(server.port)/distlang-package/") == true, "\(stack)")
            }
        }
    }

    @Test func freePortsAreUsable() throws {
        let port = try MotoServer.freePort()
        #expect(port > 1024)
    }
}
