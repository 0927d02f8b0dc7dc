import Foundation
import Testing
import TestSupport

/// `distlang deploy --target aws --via cloudformation` against a real moto_server started here
/// (AWS_ENDPOINT_URL, dummy credentials, an empty AWS config): the real `aws cloudformation package`
/// and `deploy` run, the stack reaches CREATE_COMPLETE, moto's code is the build's zip, and the
/// deployed code (the uploaded zip, extracted) runs under node through the portable runtime against
/// the same moto (Fixtures/deploy/moto_deployed.py).
///
/// moto 5.2.1 through `aws cloudformation deploy` (change sets): it skips AWS::ApiGatewayV2::* and
/// AWS::SecretsManager::Secret silently, and creates no stack outputs (so the outputs that read the
/// skipped resources, which fail create-stack with HTTP 500, do no harm here); functions get no
/// `<NAME>_SECRET_ARN`. The requests are therefore API Gateway events sent to the function directly,
/// and the staged example's secrets are created by the script (docs/deploy.md).
@Suite(.serialized) struct DeployAWSTests {
    struct Moto {
        let server: MotoServer
        let environment: [String: String]
        let work: URL
    }

    /// A moto_server and the environment the aws CLI needs to use it; nil when moto or aws is absent
    /// and checkers are not required.
    static func moto(_ name: String) throws -> Moto? {
        guard let motoServer = ExternalTool.find("moto_server"), ExternalTool.find("aws") != nil, ExternalTool.find("node") != nil else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "moto_server, aws or node is not on PATH") }
            return nil
        }
        let work = RepositoryPaths.temporaryDirectory(name)
        let config = work.appendingPathComponent("empty-aws-config")
        _ = FileManager.default.createFile(atPath: config.path, contents: Data())
        let server = try MotoServer(executable: motoServer, logFile: work.appendingPathComponent("moto.log"))
        // `localhost`: moto reads the bucket of a template URL only from a localhost or amazonaws.com URL.
        let environment = [
            "AWS_ENDPOINT_URL": "http://localhost:\(server.port)", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_SESSION_TOKEN": "testing", "AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": config.path,
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_DEFAULT_REGION": "eu-west-1",
        ]
        return Moto(server: server, environment: environment, work: work)
    }

    static func fixture(_ name: String) -> String { RepositoryPaths.path("Tests/DistlangCLITests/Fixtures/deploy/\(name)") }

    /// Runs moto_deployed.py; its standard output is JSON.
    static func script(_ arguments: [String], _ moto: Moto) throws -> [String: Any] {
        let r = CommandRunner.run("python3", [fixture("moto_deployed.py")] + arguments, environment: moto.environment, timeout: 180)
        #expect(r.exitCode == 0, "moto_deployed.py \(arguments.first ?? ""): \(r.stderr.suffix(3000))")
        return (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8))) as? [String: Any] ?? [:]
    }

    /// Copies a fixture app (or an example) into a fresh folder.
    static func copy(_ source: String, into work: URL) throws -> URL {
        let dir = work.appendingPathComponent("app")
        try FileManager.default.copyItem(atPath: source, toPath: dir.path)
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("dist"))
        return dir
    }

    static func check(_ moto: Moto, _ plan: [String: Any]) throws -> [String: Any] {
        let url = moto.work.appendingPathComponent("plan.json")
        try JSONSerialization.data(withJSONObject: plan).write(to: url)
        return try script(["check", moto.server.endpoint, url.path], moto)
    }

    @Test func aRequestWritesKVAndQueuesAJobThatTheDeployedConsumerReads() throws {
        guard let moto = try Self.moto("distlang-deploy-moto") else { return }
        defer { moto.server.stop() }
        let app = try Self.copy(Self.fixture("relay"), into: moto.work)
        _ = try Self.script(["prepare", moto.server.endpoint, "eu-west-1", "relay-code"], moto)

        // A bucket that does not exist: package fails, the deploy stops there and says so.
        let failed = CommandRunner.distlang(
            ["deploy", "--env", "staging", "--target", "aws", "--code-bucket", "no-such-bucket"], in: app.path, environment: moto.environment,
            timeout: 240)
        #expect(failed.exitCode == 3)
        #expect(failed.stderr.contains("error: step 1 of 2 failed (upload the code to s3://no-such-bucket/relay/staging/ and write the packaged template): `aws cloudformation package` exited with status"), "\(failed.stderr)")
        #expect(failed.stderr.contains("nothing was deployed before it"))

        let r = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "aws"], in: app.path, environment: moto.environment, timeout: 240)
        #expect(r.exitCode == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("[1/2] upload the code to s3://relay-code/relay/staging/"))
        #expect(r.stdout.contains("  [dist] $ aws cloudformation deploy --template-file aws/cloudformation/staging.packaged.yaml --stack-name relay-staging "))
        #expect(r.stdout.contains("deployed:\n  the code in s3://relay-code/relay/staging/\n  stack relay-staging in eu-west-1\n"), "\(r.stdout)")

        let report = try Self.check(moto, [
            "stack": "relay-staging", "region": "eu-west-1", "bucket": "relay-code", "prefix": "relay/staging",
            "dist": app.appendingPathComponent("dist").path, "invoke": Self.fixture("invoke.mjs"),
            "functions": ["api": "relay-staging-api", "worker": "relay-staging-worker"],
            "actions": [
                ["http": ["function": "api", "method": "POST", "path": "/notes/n1", "body": "hello from the test"]],
                ["consume": ["function": "worker", "queue_url_from": ["api", "JOBS_QUEUE_URL"]]],
                ["http": ["function": "api", "method": "GET", "path": "/notes/n1"]],
            ],
        ])
        #expect(report["status"] as? String == "CREATE_COMPLETE")
        let functions = report["functions"] as? [String: [String: Any]] ?? [:]
        for name in ["api", "worker"] {
            let f = try #require(functions[name], "\(report)")
            #expect(f["code_sha256_matches"] as? Bool == true, "\(name): moto's CodeSha256 is not the zip's")
            #expect((f["uploaded_same"] as? [String])?.count == 1, "\(name): package uploaded no object with the zip's bytes")
            #expect(f["handler"] as? String == "index.handler")
        }
        let results = report["results"] as? [[String: Any]] ?? []
        try #require(results.count == 3, "\(report)")
        func response(_ i: Int) -> [String: Any] { results[i]["result"] as? [String: Any] ?? [:] }
        #expect(response(0)["statusCode"] as? Int == 201, "\(results[0])")
        #expect((results[1]["bodies"] as? [String]) == [#"{"id":"n1"}"#], "\(results[1])")
        #expect(results[1]["exit"] as? Int == 0, "\(results[1])")
        #expect((response(1)["batchItemFailures"] as? [Any])?.isEmpty == true, "\(results[1])")
        let body = (response(2)["body"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: String]
        #expect(response(2)["statusCode"] as? Int == 200)
        #expect(body == ["note": "hello from the test", "seen": #"worker read "hello from the test""#], "\(results[2])")

        // Deploying the same build again changes nothing and succeeds.
        let again = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "aws"], in: app.path, environment: moto.environment, timeout: 240)
        #expect(again.exitCode == 0, "\(again.stdout)\n\(again.stderr)")
        #expect(again.stdout.contains("No changes to deploy"))
    }

    /// The acceptance run: the bundled example (staged-app, with its HTTP API and secrets) deploys
    /// into moto and its deployed API function answers a request through the portable runtime.
    @Test func theStagedExampleDeploysAndAnswers() throws {
        guard let moto = try Self.moto("distlang-deploy-staged") else { return }
        defer { moto.server.stop() }
        let app = try Self.copy(RepositoryPaths.path("examples/staged-app"), into: moto.work)
        // The example names its code bucket (targets.aws.code_bucket): the acceptance command as written.
        _ = try Self.script(["prepare", moto.server.endpoint, "eu-west-1", "shop-deploys-eu-west-1"], moto)
        let r = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "aws"], in: app.path, environment: moto.environment, timeout: 240)
        #expect(r.exitCode == 0, "\(r.stdout)\n\(r.stderr)")
        // No secret value in the environment: they are left as they are, and the deploy says so.
        #expect(r.stdout.contains("note: secret shop/staging/STRIPE_KEY was left as it is"))
        let report = try Self.check(moto, [
            "stack": "shop-staging", "region": "eu-west-1", "bucket": "shop-deploys-eu-west-1", "prefix": "shop/staging",
            "dist": app.appendingPathComponent("dist").path, "invoke": Self.fixture("invoke.mjs"),
            "functions": ["api": "shop-staging-api", "fulfil": "shop-staging-fulfil"],
            "secrets": ["STRIPE_KEY": "shop/staging/STRIPE_KEY", "MAIL_API_KEY": "shop/staging/MAIL_API_KEY"],
            "actions": [["http": ["function": "api", "method": "GET", "path": "/products"]]],
        ])
        #expect(report["status"] as? String == "CREATE_COMPLETE")
        let functions = report["functions"] as? [String: [String: Any]] ?? [:]
        #expect(functions["api"]?["code_sha256_matches"] as? Bool == true)
        #expect(functions["fulfil"]?["code_sha256_matches"] as? Bool == true)
        let answer = try #require((report["results"] as? [[String: Any]])?.first)
        let status = (answer["result"] as? [String: Any])?["statusCode"] as? Int
        // The example lists its catalogue from the bucket CloudFormation created (empty here) as JSON.
        let headers = (answer["result"] as? [String: Any])?["headers"] as? [String: String]
        #expect(answer["exit"] as? Int == 0 && status == 200 && headers?["content-type"] == "application/json", "\(answer)")
    }
}
