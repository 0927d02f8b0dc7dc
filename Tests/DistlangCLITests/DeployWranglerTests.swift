import Foundation
import Testing
import TestSupport

/// `distlang deploy --target cloudflare` (wrangler) end to end with a `wrangler` stub on PATH
/// (Fixtures/deploy/wrangler-stub.py: there is no wrangler on the build machine) that records every
/// call: the order of the commands, their folders, the ids found or created and written into every
/// wrangler.toml before `wrangler deploy` reads it, secrets through standard input, failures.
@Suite(.serialized) struct DeployWranglerTests {
    static let spec = """
        distlang: 1
        name: notes
        functions:
          api:
            source: src/api.js
            secrets: [API_TOKEN]
            http: ["GET /notes/{id}"]
            uses: { sessions: readwrite, jobs: send, catalog: read }
          worker:
            source: src/worker.js
            consumes: { queue: jobs }
            uses: { sessions: read, catalog: read }
        resources:
          sessions: { type: kv }
          catalog: { type: database, migrations: migrations }
          jobs: { type: queue, dead_letter: true }
        environments:
          staging: {}
        targets:
          cloudflare: { compatibility_date: "2025-06-01", workers_dev: true }

        """

    struct Call: Decodable {
        var args: [String]
        var cwd: String
        var account: String?
        var wrangler_toml: String?
        var stdin: String?
    }

    /// A spec folder with handler stubs, a bin folder whose `wrangler` is the stub, and the call log.
    static func setUp(_ spec: String = spec) throws -> (dir: URL, environment: [String: String], log: URL) {
        let dir = RepositoryPaths.temporaryDirectory("distlang-deploy-wrangler")
        try spec.write(to: dir.appendingPathComponent("distlang.yaml"), atomically: true, encoding: .utf8)
        try HandlerStubs.write(forSpecAt: dir.appendingPathComponent("distlang.yaml").path)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("migrations"), withIntermediateDirectories: true)
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.path("Tests/DistlangCLITests/Fixtures/deploy/wrangler-stub.py"), toPath: bin.appendingPathComponent("wrangler").path)
        let log = dir.appendingPathComponent("calls.jsonl")
        let environment = [
            "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "WRANGLER_STUB_LOG": log.path, "API_TOKEN": "s3cret value\nwith a line break",
        ]
        return (dir, environment, log)
    }

    static func calls(_ log: URL) throws -> [Call] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Call.self, from: Data($0.utf8)) }
    }

    @Test func createsWhatMustExistWritesTheIdsThenDeploysEachWorker() throws {
        let (dir, environment, log) = try Self.setUp()
        let r = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "cloudflare"], in: dir.path, environment: environment, timeout: 120)
        #expect(r.exitCode == 0, "\(r.stdout)\n\(r.stderr)")
        let calls = try Self.calls(log)
        let account = dir.appendingPathComponent("dist/cloudflare").path
        #expect(calls.map { $0.args.joined(separator: " ") } == [
            "queues create notes-staging-jobs",
            "queues create notes-staging-jobs-dlq",
            "kv namespace list",
            "kv namespace create notes-staging-sessions",
            "d1 list --json",
            "d1 create notes-staging-catalog",
            "d1 migrations apply notes-staging-catalog --remote --env staging",
            "secret put API_TOKEN --env staging",
            "deploy --env staging",
            "deploy --env staging",
        ])
        // Account-level commands run where no wrangler.toml is; the others in each Worker's folder.
        #expect(calls.prefix(6).allSatisfy { URL(fileURLWithPath: $0.cwd).standardizedFileURL.path == URL(fileURLWithPath: account).standardizedFileURL.path })
        #expect(calls[6].cwd.hasSuffix("dist/cloudflare/wrangler/api"))
        #expect(calls[7].cwd.hasSuffix("dist/cloudflare/wrangler/api") && calls[8].cwd.hasSuffix("dist/cloudflare/wrangler/api"))
        #expect(calls[9].cwd.hasSuffix("dist/cloudflare/wrangler/worker"))
        // The secret's value arrives through standard input, byte for byte, and is never printed.
        #expect(calls[7].stdin == "s3cret value\nwith a line break")
        #expect(!r.stdout.contains("s3cret") && !r.stderr.contains("s3cret"))
        // Both Workers bind the ids the stub made up, which the deploy wrote into their wrangler.toml.
        let kv = Self.md5("notes-staging-sessions")
        let d1 = Self.uuid(Self.md5("notes-staging-catalog"))
        for deploy in calls.suffix(2) {
            let toml = try #require(deploy.wrangler_toml)
            #expect(toml.contains("[[env.staging.kv_namespaces]]\nbinding = \"SESSIONS\"\nid = \"\(kv)\"\n"), "\(toml)")
            #expect(toml.contains("database_id = \"\(d1)\""), "\(toml)")
        }
        // The migrations ran with the database's id in the file too.
        #expect(calls[6].wrangler_toml?.contains("database_id = \"\(d1)\"") == true)
        // The ids are printed for the spec.
        #expect(r.stdout.contains("environments:\n  staging:\n    targets:\n      cloudflare:\n        ids:\n          sessions: \"\(kv)\"\n          catalog: \"\(d1)\"\n"), "\(r.stdout)")
        // Each command is printed, with its folder, before it runs.
        #expect(r.stdout.contains("[1/11] create queue notes-staging-jobs (if it does not exist)\n  [dist/cloudflare] $ wrangler queues create notes-staging-jobs\n"), "\(r.stdout)")
        #expect(r.stdout.contains("deployed:\n") && r.stdout.contains("  Worker notes-staging-worker\n"))
        // The build itself never needed the ids: a plain build (no deploy) still requires them.
        let build = CommandRunner.distlang(["build"], in: dir.path)
        #expect(build.exitCode == 1 && build.stderr.contains("has no id in targets.cloudflare.ids"), "\(build.stderr)")
    }

    @Test func storesTheAccountHasAreFoundByNameAndQueuesThatExistAreFine() throws {
        let (dir, base, log) = try Self.setUp()
        let kvList = dir.appendingPathComponent("kv.json")
        try #"[{"id": "0123456789abcdef0123456789abcdef", "title": "notes-staging-sessions"}, {"id": "ffffffffffffffffffffffffffffffff", "title": "other"}]"#
            .write(to: kvList, atomically: true, encoding: .utf8)
        var environment = base
        environment["WRANGLER_STUB_KV"] = kvList.path
        environment["WRANGLER_STUB_QUEUES"] = "notes-staging-jobs"
        let r = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "cloudflare"], in: dir.path, environment: environment, timeout: 120)
        #expect(r.exitCode == 0, "\(r.stdout)\n\(r.stderr)")
        let calls = try Self.calls(log)
        #expect(!calls.contains { $0.args.starts(with: ["kv", "namespace", "create"]) })
        #expect(r.stdout.contains("the queue exists already"))
        #expect(calls.last?.wrangler_toml?.contains("id = \"0123456789abcdef0123456789abcdef\"") == true)
    }

    @Test func aFailedStepStopsTheDeployAndListsWhatWasDeployed() throws {
        let (dir, base, log) = try Self.setUp()
        var environment = base
        environment["WRANGLER_STUB_FAIL"] = "deploy --env staging"
        let r = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "cloudflare"], in: dir.path, environment: environment, timeout: 120)
        #expect(r.exitCode == 3)
        #expect(r.stderr.contains("error: step 10 of 11 failed (deploy Worker notes-staging-api): `wrangler deploy` exited with status 1"), "\(r.stderr)")
        #expect(r.stderr.contains("deployed before the failure:\n  queue notes-staging-jobs\n  queue notes-staging-jobs-dlq\n"), "\(r.stderr)")
        #expect(r.stderr.contains("  secret API_TOKEN of Worker notes-staging-api\n"))
        #expect(!r.stderr.contains("Worker notes-staging-worker"))
        #expect(try Self.calls(log).count == 9)
    }

    @Test func nothingRunsWithoutTheSecretOrWithADryRun() throws {
        let (dir, base, log) = try Self.setUp()
        var environment = base
        environment.removeValue(forKey: "API_TOKEN")
        let missing = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "cloudflare"], in: dir.path, environment: environment)
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("the environment variable API_TOKEN is not set"), "\(missing.stderr)")
        #expect(try Self.calls(log).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist").path))

        let dry = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "cloudflare", "--dry-run"], in: dir.path, environment: base)
        #expect(dry.exitCode == 0, "\(dry.stderr)")
        #expect(try Self.calls(log).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist").path))
        #expect(dry.stdout.contains("deploy notes (staging) to cloudflare via wrangler: 11 steps"), "\(dry.stdout)")
        #expect(dry.stdout.contains("[dist/cloudflare/wrangler/api] $ printf %s \"$API_TOKEN\" | wrangler secret put API_TOKEN --env staging"))
    }

    @Test func aMissingToolNamesThePackageToInstall() throws {
        let (dir, base, _) = try Self.setUp()
        var environment = base
        environment["PATH"] = "/nonexistent"
        let r = CommandRunner.distlang(["deploy", "--env", "staging", "--target", "cloudflare"], in: dir.path, environment: environment)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("wrangler is not installed (or not on PATH): install wrangler: `npm install -g wrangler`"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist").path))
    }

    static func md5(_ text: String) -> String {
        let r = CommandRunner.run("python3", ["-c", "import hashlib,sys; print(hashlib.md5(sys.argv[1].encode()).hexdigest())", text])
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func uuid(_ hex: String) -> String {
        let c = Array(hex)
        return [String(c[0..<8]), String(c[8..<12]), String(c[12..<16]), String(c[16..<20]), String(c[20..<32])].joined(separator: "-")
    }
}
