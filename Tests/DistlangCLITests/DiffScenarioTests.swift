import Foundation
import Testing
import TestSupport

/// `distlang diff` after a build, for the scenarios reviewers meet most, in every format; and the
/// exit codes CI scripts rely on.
struct DiffScenarioTests {
    static let fixtures = "Tests/DistlangCLITests/Fixtures/diff"
    static let goldens = "Tests/DistlangCLITests/Goldens/diff"

    /// A folder with the base spec built into dist/, then the scenario's spec in its place.
    static func prepared(_ scenario: String, base: String = "base") throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-diff")
        let spec = dir.appendingPathComponent("distlang.yaml")
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("\(fixtures)/\(base).yaml"), toPath: spec.path)
        try HandlerStubs.write(forSpecAt: spec.path)
        let build = CommandRunner.distlang(["build", spec.path])
        #expect(build.exitCode == 0, "\(build.stderr)")
        try FileManager.default.removeItem(at: spec)
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("\(fixtures)/\(scenario).yaml"), toPath: spec.path)
        try HandlerStubs.write(forSpecAt: spec.path)
        return dir
    }

    /// Scenario -> the base spec it is compared with.
    static let scenarios: [String: String] = [
        "add-function": "base", "memory-in-one-environment": "base", "rename-bucket": "base", "remove-queue": "base",
        "add-write-access": "base", "comment-only": "base", "remove-bucket": "base", "add-kv-binding": "base",
        "add-env-vars": "base", "cloudformation-only-remove-bucket": "cloudformation-only-base",
    ]

    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.assert(text, path: "\(goldens)/\(name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: scenarios.keys.sorted())
    func reportMatchesTheGoldens(_ scenario: String) throws {
        let dir = try Self.prepared(scenario, base: Self.scenarios[scenario]!)
        for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md")] {
            let r = CommandRunner.distlang(["diff", "distlang.yaml", "--format", format], in: dir.path)
            #expect(r.exitCode == 0, "\(scenario) \(format): \(r.stderr)")
            #expect(r.stderr.isEmpty, "\(scenario) \(format): \(r.stderr)")
            Self.expectGolden(r.stdout, "\(scenario).\(ext)")
        }
    }

    /// Per-format detail (`--verbose`) and one line per resource (`--summary`), in text and markdown.
    @Test(arguments: ["remove-bucket", "add-write-access"])
    func verboseAndSummaryMatchTheGoldens(_ scenario: String) throws {
        let dir = try Self.prepared(scenario)
        for flag in ["--verbose", "--summary"] {
            for (format, ext) in [("text", "txt"), ("markdown", "md")] {
                let r = CommandRunner.distlang(["diff", flag, "--format", format], in: dir.path)
                #expect(r.exitCode == 0, "\(scenario) \(flag) \(format): \(r.stderr)")
                Self.expectGolden(r.stdout, "\(scenario)\(flag.replacingOccurrences(of: "--", with: ".")).\(ext)")
            }
        }
    }

    @Test(arguments: [
        ("add-function", 1, 0), ("memory-in-one-environment", 1, 0), ("rename-bucket", 1, 1), ("remove-queue", 1, 1),
        ("add-write-access", 1, 0), ("comment-only", 0, 0), ("remove-bucket", 1, 1), ("add-kv-binding", 1, 0),
        ("add-env-vars", 1, 0),
        // CloudFormation keeps a removed bucket (DeletionPolicy: Retain): orphaned, not lost.
        ("cloudformation-only-remove-bucket", 1, 0),
    ])
    func exitCodes(_ scenario: String, _ withExitCode: Int32, _ failOnDataLoss: Int32) throws {
        let dir = try Self.prepared(scenario, base: Self.scenarios[scenario]!)
        #expect(CommandRunner.distlang(["diff", "--exit-code"], in: dir.path).exitCode == withExitCode)
        #expect(CommandRunner.distlang(["diff", "--fail-on", "data-loss"], in: dir.path).exitCode == failOnDataLoss)
        #expect(CommandRunner.distlang(["diff", "--fail-on", "any"], in: dir.path).exitCode == withExitCode)
    }

    /// The acceptance case: one function gains write access; the statements that change are named,
    /// and the whole report fits on one screen.
    @Test func aOneFunctionChangeFitsOneScreen() throws {
        let dir = try Self.prepared("add-write-access")
        let r = CommandRunner.distlang(["diff"], in: dir.path)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 40, "\(lines.count) lines:\n\(r.stdout)")
        #expect(lines.allSatisfy { $0.count <= 120 })
        #expect(r.stdout.contains("~ [sid=UploadsReadWriteObjects]"))
        #expect(r.stdout.contains("+ s3:PutObject"))
        #expect(r.stdout.contains("sid: UploadsRead -> UploadsReadWrite") || r.stdout.contains("[sid=UploadsReadWrite].sid: UploadsRead -> UploadsReadWrite"))
        // The same change in CloudFormation and Terraform is shown once.
        #expect(r.stdout.contains("aws (cloudformation, terraform):"))
        #expect(!r.stdout.contains("aws (cloudformation):") && !r.stdout.contains("aws (terraform):"))
    }

    @Test func aBindingChangeIsShownElementByElement() throws {
        let dir = try Self.prepared("add-kv-binding")
        let r = CommandRunner.distlang(["diff"], in: dir.path)
        #expect(r.stdout.contains("+ bindings[name=SESSIONS]\n            namespace_id: cloudflare_workers_kv_namespace.sessions.id"), "\(r.stdout)")
        // Two statements join the policy (the table's items and its keys index), grouped under one header.
        #expect(r.stdout.contains("statement:\n          + [sid=SessionsReadWrite]\n"), "\(r.stdout)")
        #expect(r.stdout.contains("+ [sid=SessionsReadWriteKeys]\n"))
        #expect(!r.stdout.contains("bindings: ["), "a whole list instead of its elements:\n\(r.stdout)")
    }

    /// Long values are never cut to a prefix: in full in JSON, wrapped in text.
    @Test func longValuesAreShownInFull() throws {
        let dir = try Self.prepared("add-env-vars")
        let spec = try String(contentsOf: dir.appendingPathComponent("distlang.yaml"), encoding: .utf8)
        let long = try #require(spec.split(separator: "\"").first { $0.hasPrefix("https://shop.example.com,") })
        let json = CommandRunner.distlang(["diff", "--format", "json"], in: dir.path).stdout
        #expect(json.contains(String(long)))
        let text = CommandRunner.distlang(["diff"], in: dir.path).stdout
        #expect(!text.contains("..."))
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 100 || !$0.contains("region-") }, "a long value not wrapped:\n\(text)")
        // Every line of the value in order, for the Lambda function's variable.
        let joined = text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
        #expect(joined.contains(String(long)))
    }

    /// The markdown names its baseline, and puts data loss first, outside any collapsed block.
    @Test func markdownPutsDataLossFirst() throws {
        let dir = try Self.prepared("remove-bucket")
        let md = CommandRunner.distlang(["diff", "--format", "markdown"], in: dir.path).stdout
        #expect(md.contains("Against the previous build in dist"))
        let dataLoss = try #require(md.range(of: "#### :warning: Data loss"))
        let firstEnvironment = try #require(md.range(of: "#### production"))
        #expect(dataLoss.lowerBound < firstEnvironment.lowerBound)
        let section = md[dataLoss.lowerBound..<firstEnvironment.lowerBound]
        #expect(section.contains("aws_s3_bucket uploads (shop-production-uploads)   DATA LOSS (deleted)"))
        #expect(section.contains("cloudflare_r2_bucket uploads (shop-staging-uploads)   DATA LOSS (deleted)"))
        // Nothing that loses data is inside a collapsed block.
        for block in md.components(separatedBy: "<details>").dropFirst() {
            #expect(!(block.components(separatedBy: "</details>").first ?? "").contains("DATA LOSS"))
        }
    }

    /// A provider's block of at most 12 lines is open; a longer one is collapsed (checked on every
    /// scenario's golden, which between them have both).
    @Test func markdownCollapsesOnlyLongBlocks() throws {
        var open = 0, collapsed = 0
        for scenario in Self.scenarios.keys {
            let md = try String(contentsOfFile: RepositoryPaths.path("\(Self.goldens)/\(scenario).md"), encoding: .utf8)
            let parts = md.components(separatedBy: "```text\n")
            for (before, block) in zip(parts, parts.dropFirst()) {
                let lines = block.components(separatedBy: "\n```").first!.split(separator: "\n").count
                if before.hasSuffix("</summary>\n\n") {
                    collapsed += 1
                    #expect(lines > 12, "\(scenario): a block of \(lines) lines collapsed")
                } else if before.hasSuffix("**\n\n") {
                    open += 1
                    #expect(lines <= 12, "\(scenario): a block of \(lines) lines left open")
                }
            }
        }
        #expect(open > 0 && collapsed > 0)
    }

    @Test func colourOnRequestAndNeverInAPipe() throws {
        let dir = try Self.prepared("remove-bucket")
        let plain = CommandRunner.distlang(["diff"], in: dir.path, environment: ["NO_COLOR": ""])
        #expect(!plain.stdout.contains("\u{1B}["), "colour in a pipe")
        let coloured = CommandRunner.distlang(["diff", "--color", "always"], in: dir.path).stdout
        #expect(coloured.contains("\u{1B}[1;31m   DATA LOSS (deleted)\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[31m- aws_s3_bucket uploads"))
        #expect(coloured.contains("\u{1B}[33m~ "))
        // The same text once the colour codes are taken out.
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain.stdout)
        // JSON and markdown never have colour.
        #expect(!CommandRunner.distlang(["diff", "--color", "always", "--format", "json"], in: dir.path).stdout.contains("\u{1B}["))
    }

    /// On a terminal (a pseudo-terminal from `script`) the text is coloured, unless NO_COLOR is set.
    @Test func colourOnATerminalUnlessNoColor() throws {
        guard let script = ExternalTool.find("script") else { return }
        let dir = try Self.prepared("remove-bucket")
        func run(_ noColor: String) -> String {
            CommandRunner.run(
                script, ["-qec", "\(CommandRunner.distlangPath) diff", "/dev/null"], in: dir.path,
                environment: ["NO_COLOR": noColor, "TERM": "xterm"]).stdout
        }
        #expect(run("").contains("\u{1B}[1;31m   DATA LOSS"))
        #expect(!run("1").contains("\u{1B}["))
    }
}
