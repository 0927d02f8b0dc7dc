import DistlangDeploy
import DistlangModel
import Testing
import TestSupport

/// The runner with programs that answer from a script: what it starts, with which input and
/// variables, how it reads ids, and where it stops.
@Suite struct DeployRunnerTests {
    /// Answers each invocation with the first rule whose words it contains; records everything.
    final class Scripted: DeployProcesses, @unchecked Sendable {
        var rules: [(String, DeployProcessResult)]
        var started: [DeployInvocation] = []
        var files: [String: [UInt8]] = [:]
        var removed: [String] = []

        init(_ rules: [(String, DeployProcessResult)] = []) { self.rules = rules }

        func find(_ tool: DeployTool) -> String? { "/bin/" + tool.executable }

        func run(_ invocation: DeployInvocation) -> DeployProcessResult {
            started.append(invocation)
            let line = invocation.arguments.joined(separator: " ")
            return rules.first { line.contains($0.0) }?.1 ?? DeployProcessResult(status: 0)
        }

        func writePrivateFile(_ bytes: [UInt8]) throws -> String {
            let path = "/tmp/secret-\(files.count)"
            files[path] = bytes
            return path
        }

        func removeFile(_ path: String) { removed.append(path) }
    }

    static func run(_ plan: DeployPlan, _ processes: Scripted, environment: [String: String] = [:]) -> (DeployOutcome, [String], [[String: String]]) {
        var printed: [String] = []
        var rebuilt: [[String: String]] = []
        let runner = DeployRunner(
            processes: processes, environment: environment, outDirectory: "dist", print: { printed.append($0) },
            rebuild: { rebuilt.append($0) })
        return (runner.run(plan), printed, rebuilt)
    }

    static func wranglerPlan(ids: [String: String] = [:]) throws -> DeployPlan {
        var model = SampleModels.shop(environment: "staging")
        model.targets.cloudflare?.ids = ids
        return try DeployPlanner(environmentNames: ["STRIPE_KEY"]).plan(model, DeployRequest(environment: "staging", target: .cloudflare))
    }

    @Test func aCreatedIdIsWrittenIntoTheBuildAndReported() throws {
        let processes = Scripted([
            ("kv namespace list", DeployProcessResult(status: 0, output: "[]\n")),
            ("kv namespace create", DeployProcessResult(status: 0, output: "{\n  \"kv_namespaces\": [\n    { \"binding\": \"x\", \"id\": \"E29B263AB50E42CE9B637FA8370175E8\" }\n  ]\n}\n")),
        ])
        let (outcome, _, rebuilt) = Self.run(try Self.wranglerPlan(), processes, environment: ["STRIPE_KEY": "sk"])
        #expect(outcome.succeeded)
        #expect(rebuilt == [["sessions": "e29b263ab50e42ce9b637fa8370175e8"]])
        #expect(outcome.newIDs.map(\.id) == ["e29b263ab50e42ce9b637fa8370175e8"])
        // The secret went through standard input, in the Worker's folder; captured only where ids are read.
        let secret = try #require(processes.started.first { $0.arguments.starts(with: ["secret", "put"]) })
        #expect(secret.input == Array("sk".utf8) && secret.directory == "dist/cloudflare/wrangler/api" && !secret.capture)
        #expect(processes.started.filter(\.capture).map { $0.arguments.prefix(3).joined(separator: " ") }
            == ["queues create shop-staging-orders", "queues create shop-staging-orders-dlq", "kv namespace list", "kv namespace create"])
    }

    @Test func aStoreTheListHasIsNotCreated() throws {
        let processes = Scripted([
            ("kv namespace list", DeployProcessResult(status: 0, output: "[{\"id\":\"0123456789abcdef0123456789abcdef\",\"title\":\"shop-staging-sessions\"}]")),
        ])
        let (outcome, printed, rebuilt) = Self.run(try Self.wranglerPlan(), processes, environment: ["STRIPE_KEY": "sk"])
        #expect(outcome.succeeded)
        #expect(!processes.started.contains { $0.arguments.starts(with: ["kv", "namespace", "create"]) })
        #expect(rebuilt == [["sessions": "0123456789abcdef0123456789abcdef"]])
        #expect(printed.contains("  KV namespace shop-staging-sessions exists: 0123456789abcdef0123456789abcdef"))
        #expect(!outcome.deployed.contains("KV namespace shop-staging-sessions"))
    }

    @Test func anIdTheAccountDoesNotHaveStopsTheDeploy() throws {
        let processes = Scripted([("kv namespace list", DeployProcessResult(status: 0, output: "[]"))])
        let plan = try Self.wranglerPlan(ids: ["sessions": "ffffffffffffffffffffffffffffffff"])
        let (outcome, _, rebuilt) = Self.run(plan, processes, environment: ["STRIPE_KEY": "sk"])
        let failure = try #require(outcome.failure)
        #expect(plan.steps[failure.step].kind == .listStores(.kv))
        #expect(failure.message.contains("(ffffffffffffffffffffffffffffffff) is not a KV namespace of this account"))
        #expect(outcome.deployed == ["queue shop-staging-orders", "queue shop-staging-orders-dlq"])
        #expect(rebuilt.isEmpty)
        #expect(!processes.started.contains { $0.arguments.first == "deploy" })
    }

    @Test func aQueueThatExistsIsFineAndAnyOtherFailureIsNot() throws {
        let exists = Scripted([("queues create", DeployProcessResult(status: 1, errors: "✘ [ERROR] A queue with this name already exists"))])
        #expect(Self.run(try Self.wranglerPlan(ids: ["sessions": "0123456789abcdef0123456789abcdef"]), exists, environment: ["STRIPE_KEY": "x"]).0.failure?.step == 2)
        let other = Scripted([("queues create", DeployProcessResult(status: 1, errors: "✘ [ERROR] Authentication error"))])
        let (outcome, _, _) = Self.run(try Self.wranglerPlan(), other, environment: ["STRIPE_KEY": "x"])
        #expect(outcome.failure?.step == 0 && outcome.failure?.message == "`wrangler queues create shop-staging-orders` exited with status 1")
        #expect(outcome.deployed.isEmpty)
    }

    @Test func anAWSSecretGoesThroughAPrivateFileThatIsRemoved() throws {
        let plan = try DeployPlanner(environmentNames: ["STRIPE_KEY"]).plan(
            SampleModels.shop(), DeployRequest(environment: "default", target: .aws, codeBucket: "b"))
        let processes = Scripted()
        let (outcome, printed, _) = Self.run(plan, processes, environment: ["STRIPE_KEY": "sk_live_1"])
        #expect(outcome.succeeded)
        let put = try #require(processes.started.last)
        #expect(put.arguments.contains("file:///tmp/secret-0"))
        #expect(processes.files["/tmp/secret-0"] == Array("sk_live_1".utf8) && processes.removed == ["/tmp/secret-0"])
        #expect(!printed.joined().contains("sk_live_1"))
        #expect(outcome.deployed.last == "the value of secret shop/STRIPE_KEY")
    }

    @Test func wranglerOutputIsRead() {
        #expect(WranglerOutput.stores("▲ [WARNING] old wrangler\n[{\"id\":\"a\",\"title\":\"t\"},{\"id\":\"b\"}]\n", kind: .kv) == ["t": "a"])
        #expect(WranglerOutput.stores(#"[{"uuid": "u", "name": "db", "created_at": "x"}]"#, kind: .d1) == ["db": "u"])
        #expect(WranglerOutput.stores("not json", kind: .kv) == nil)
        #expect(WranglerOutput.createdID("[[kv_namespaces]]\nbinding = \"X\"\nid = \"e29b263ab50e42ce9b637fa8370175e8\"\n", kind: .kv) == "e29b263ab50e42ce9b637fa8370175e8")
        #expect(WranglerOutput.createdID("database_id = \"6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f\"", kind: .d1) == "6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f")
        // A longer hexadecimal run is not an id; a UUID is not a KV id.
        #expect(WranglerOutput.createdID("id = \"e29b263ab50e42ce9b637fa8370175e8ff\"", kind: .kv) == nil)
        #expect(WranglerOutput.createdID("6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f", kind: .kv) == nil)
        #expect(WranglerOutput.queueExists("A queue with this name already exists [code: 11009]"))
        #expect(!WranglerOutput.queueExists("Authentication error [code: 10000]"))
    }
}
