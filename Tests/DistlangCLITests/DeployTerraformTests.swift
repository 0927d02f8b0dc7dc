import Foundation
import Testing
import TestSupport

/// The Terraform paths with the local `hashicorp/aws` provider mirror (`TerraformMirror`) and a
/// moto_server: `terraform plan` on every example's AWS roots, and `distlang deploy --via terraform
/// --yes` applying one into moto. Moto is reached through a provider `endpoints` block in an override
/// file the test writes beside the generated files (`moto_override.tf`: Terraform merges it into the
/// generated provider block; the build never writes or removes it).
@Suite(.serialized) struct DeployTerraformTests {
    /// The examples that build for AWS.
    static let examples = ["guestbook", "http-api", "links-ts", "queue-pipeline", "scheduled-job", "staged-app"]

    /// The provider settings that send every call to moto, with dummy credentials.
    static func override(_ endpoint: String) -> String {
        let services = ["apigatewayv2", "cloudwatchevents", "cloudwatchlogs", "dynamodb", "iam", "lambda", "s3", "secretsmanager", "sqs", "sts"]
        return """
            provider "aws" {
              access_key                  = "testing"
              secret_key                  = "testing"
              skip_credentials_validation = true
              skip_metadata_api_check     = true
              skip_requesting_account_id  = true
              s3_use_path_style           = true
              endpoints {
            \(services.map { "    \($0) = \"\(endpoint)\"" }.joined(separator: "\n"))
              }
            }

            """
    }

    static func setUp(_ name: String) throws -> (server: MotoServer, environment: [String: String], work: URL)? {
        guard TerraformMirror.isAvailable, let motoServer = ExternalTool.find("moto_server") else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "terraform, its provider mirror or moto_server is missing") }
            return nil
        }
        let work = RepositoryPaths.temporaryDirectory(name)
        let server = try MotoServer(executable: motoServer, logFile: work.appendingPathComponent("moto.log"))
        var environment = try TerraformMirror.environment(configIn: work)
        environment["AWS_ACCESS_KEY_ID"] = "testing"
        environment["AWS_SECRET_ACCESS_KEY"] = "testing"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        return (server, environment, work)
    }

    /// The example copied and built for AWS, with the override in each Terraform root; the roots.
    static func built(_ example: String, in work: URL, endpoint: String) throws -> (app: URL, roots: [URL]) {
        let app = work.appendingPathComponent(example)
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("examples/\(example)"), toPath: app.path)
        try? FileManager.default.removeItem(at: app.appendingPathComponent("dist"))
        let build = CommandRunner.distlang(["build", "--target", "aws", "--quiet"], in: app.path, timeout: 120)
        #expect(build.exitCode == 0, "\(example): \(build.stderr)")
        let terraform = app.appendingPathComponent("dist/aws/terraform")
        let roots = try FileManager.default.contentsOfDirectory(atPath: terraform.path).sorted().map { terraform.appendingPathComponent($0) }
        for root in roots { try override(endpoint).write(to: root.appendingPathComponent("moto_override.tf"), atomically: true, encoding: .utf8) }
        return (app, roots)
    }

    @Test func everyExamplePlansWithTheMirroredProvider() throws {
        guard let (server, environment, work) = try Self.setUp("distlang-tf-plan") else { return }
        defer { server.stop() }
        // One environment of each (the first by name): the others differ in settings, not in the kinds
        // of resources the provider plans, and each plan costs seconds of the provider's start-up.
        let roots = try Self.examples.compactMap { try Self.built($0, in: work, endpoint: server.endpoint).roots.first }
        #expect(roots.count == Self.examples.count)
        let results = Parallel.collect(roots) { root -> (URL, CommandResult, CommandResult) in
            let initialised = CommandRunner.run("terraform", ["init", "-input=false", "-no-color"], in: root.path, environment: environment, timeout: 180)
            let plan = CommandRunner.run(
                "terraform", ["plan", "-input=false", "-no-color", "-detailed-exitcode"], in: root.path, environment: environment, timeout: 300)
            return (root, initialised, plan)
        }
        for (root, initialised, plan) in results {
            let name = root.pathComponents.suffix(5).joined(separator: "/")
            #expect(initialised.exitCode == 0, "\(name): \(initialised.stderr)")
            // 2: the plan succeeded and has changes; it creates exactly the root's resource blocks.
            #expect(plan.exitCode == 2, "\(name): \(plan.stdout.suffix(2000))\n\(plan.stderr.suffix(2000))")
            let blocks = try Self.resourceBlocks(in: root)
            #expect(plan.stdout.contains("Plan: \(blocks) to add, 0 to change, 0 to destroy."), "\(name): \(plan.stdout.suffix(400))")
        }
    }

    @Test func deployViaTerraformAppliesIntoMoto() throws {
        guard let (server, base, work) = try Self.setUp("distlang-tf-apply") else { return }
        defer { server.stop() }
        let (app, roots) = try Self.built("http-api", in: work, endpoint: server.endpoint)
        let r = CommandRunner.distlang(["deploy", "--target", "aws", "--via", "terraform", "--yes"], in: app.path, environment: base, timeout: 300)
        #expect(r.exitCode == 0, "\(r.stdout.suffix(3000))\n\(r.stderr.suffix(3000))")
        #expect(r.stdout.contains("[dist/aws/terraform/default] $ terraform init -input=false\n"))
        #expect(r.stdout.contains("[dist/aws/terraform/default] $ terraform apply -auto-approve -input=false\n"))
        #expect(r.stdout.contains("Apply complete! Resources: \(try Self.resourceBlocks(in: roots[0])) added, 0 changed, 0 destroyed."))
        #expect(r.stdout.contains("deployed:\n  the resources of aws/terraform/default in eu-west-1\n"))

        let plan = work.appendingPathComponent("plan.json")
        try JSONSerialization.data(withJSONObject: [
            "region": "eu-west-1", "dist": app.appendingPathComponent("dist").path,
            "invoke": RepositoryPaths.path("Tests/DistlangCLITests/Fixtures/deploy/invoke.mjs"),
            "functions": ["api": "notes-api"], "actions": [["http": ["function": "api", "method": "GET", "path": "/notes"]]],
        ] as [String: Any]).write(to: plan)
        var environment = base
        environment["AWS_DEFAULT_REGION"] = "eu-west-1"
        let check = CommandRunner.run(
            "python3", [RepositoryPaths.path("Tests/DistlangCLITests/Fixtures/deploy/moto_deployed.py"), "check", server.endpoint, plan.path],
            environment: environment, timeout: 120)
        #expect(check.exitCode == 0, "\(check.stderr.suffix(2000))")
        let report = (try? JSONSerialization.jsonObject(with: Data(check.stdout.utf8))) as? [String: Any] ?? [:]
        // Terraform created the HTTP API that CloudFormation in moto skips, and uploaded the build's zip.
        #expect(report["http_apis"] as? [String] == ["notes-http"], "\(report)")
        let api = (report["functions"] as? [String: [String: Any]])?["api"]
        #expect(api?["code_sha256_matches"] as? Bool == true, "\(report)")
        let answer = (report["results"] as? [[String: Any]])?.first
        let status = (answer?["result"] as? [String: Any])?["statusCode"] as? Int
        #expect(answer?["exit"] as? Int == 0 && status.map { (200..<500).contains($0) && $0 != 404 && $0 != 405 } == true, "\(answer ?? [:])")
    }

    /// `resource "…" "…"` blocks in a root's .tf files.
    static func resourceBlocks(in root: URL) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tf") }.reduce(0) { count, file in
            count + (try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)).split(separator: "\n").filter { $0.hasPrefix("resource \"") }.count
        }
    }
}

/// Runs `work` on each item on every core, results in the items' order.
enum Parallel {
    static func collect<T, R>(_ items: [T], _ work: (T) -> R) -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let r = work(items[i])
            lock.lock()
            results[i] = r
            lock.unlock()
        }
        return results.map { $0! }
    }
}
