import Foundation
import Testing
import TestSupport

/// Finding the spec, standard input, `--quiet`, several files, a mistyped command, `--help`,
/// completion and `init`.
struct CommandLinePolishTests {
    static let spec = "distlang: 1\nname: shop\nfunctions:\n  api:\n    source: src/api.js\n    http: [GET /a]\ntargets:\n  aws: { region: eu-west-1 }\n"

    /// A temporary repository (a `.git` folder bounds the search for a spec).
    private func repository() -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-cli")
        try? FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: dir.appendingPathComponent("src/deep"), withIntermediateDirectories: true)
        try? Data().write(to: dir.appendingPathComponent("src/api.js"))
        return dir
    }

    @Test(arguments: ["distlang.yaml", "distlang.yml", "distlang.json"])
    func theSpecIsFoundFromASubfolder(_ name: String) throws {
        let dir = repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = name.hasSuffix(".json")
            ? #"{"distlang": 1, "name": "shop", "functions": {"api": {"source": "src/api.js", "http": ["GET /a"]}}, "targets": {"aws": {"region": "eu-west-1"}}}"#
            : Self.spec
        try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        let result = CommandRunner.distlang(["validate"], in: dir.appendingPathComponent("src/deep").path)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "valid: ../../\(name)\n")
    }

    @Test func noSpecSaysToRunInit() {
        let dir = repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["validate", "build", "explain"] {
            let result = CommandRunner.distlang([command], in: dir.appendingPathComponent("src").path)
            #expect(result.exitCode == 2)
            #expect(result.stderr.hasPrefix("error: no spec found"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("run `distlang init`"))
        }
    }

    @Test func aDashReadsStandardInput() {
        let dir = repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = CommandRunner.run(CommandRunner.distlangPath, ["validate", "-"], in: dir.path, stdin: Data(Self.spec.utf8))
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        #expect(ok.stdout == "valid: <stdin>\n")
        let bad = CommandRunner.run(
            CommandRunner.distlangPath, ["validate", "-"], in: dir.path, stdin: Data(#"{"distlang": 1, "name": "Shop"}"#.utf8))
        #expect(bad.exitCode == 1)
        #expect(bad.stderr.contains("<stdin>:1:25: error: name: \"Shop\" is not a valid app name"))
        let build = CommandRunner.run(CommandRunner.distlangPath, ["build", "-q", "-"], in: dir.path, stdin: Data(Self.spec.utf8))
        #expect(build.exitCode == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist/distlang-manifest.json").path))
    }

    @Test func quietLeavesOnlyProblems() {
        let dir = repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A secret: the build notes that it is created empty.
        let spec = Self.spec.replacingOccurrences(of: "    http: [GET /a]\n", with: "    http: [GET /a]\n    secrets: [API_KEY]\n")
        try? Data(spec.utf8).write(to: dir.appendingPathComponent("distlang.yaml"))
        let build = CommandRunner.distlang(["build", "--quiet"], in: dir.path)
        #expect(build.exitCode == 0)
        #expect(build.stdout.isEmpty && build.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("dist/distlang-manifest.json").path))
        let validate = CommandRunner.distlang(["validate", "-q"], in: dir.path)
        #expect(validate.exitCode == 0 && validate.stdout.isEmpty)
        let loud = CommandRunner.distlang(["build"], in: dir.path)
        #expect(loud.stdout.contains("note: "))
    }

    @Test func severalFilesSayHowManyPassed() {
        let dir = repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        try? Data(Self.spec.utf8).write(to: dir.appendingPathComponent("a.yaml"))
        try? Data(Self.spec.utf8).write(to: dir.appendingPathComponent("b.yaml"))
        try? Data(Self.spec.replacingOccurrences(of: "name: shop", with: "name: Shop").utf8).write(to: dir.appendingPathComponent("c.yaml"))
        let good = CommandRunner.distlang(["validate", "a.yaml", "b.yaml"], in: dir.path)
        #expect(good.stdout == "all 2 files valid: a.yaml, b.yaml\n")
        let mixed = CommandRunner.distlang(["validate", "a.yaml", "c.yaml", "b.yaml"], in: dir.path)
        #expect(mixed.exitCode == 1)
        #expect(mixed.stderr.hasSuffix("2 of 3 files valid; 1 invalid (c.yaml): 1 error, 0 warnings\n"))
    }

    @Test func aMistypedCommandGetsADidYouMean() {
        let result = CommandRunner.distlang(["valdate", "x.yaml"])
        #expect(result.exitCode == 2)
        #expect(result.stderr.hasPrefix("error: 'valdate' is not a distlang command; did you mean 'validate'?\n"))
        #expect(CommandRunner.distlang(["transpile", "--help"]).exitCode == 0)
    }

    @Test(arguments: ["validate", "build", "diff", "explain", "init", "schema"])
    func helpGivesEachDefaultOnce(_ command: String) {
        let help = CommandRunner.distlang([command, "--help"]).stdout
        // An option's help runs from its line to the next option's.
        var blocks: [String] = []
        for line in help.split(separator: "\n") {
            if line.hasPrefix("  -") || line.hasPrefix("  <") { blocks.append(String(line)) } else if !blocks.isEmpty { blocks[blocks.count - 1] += String(line) }
        }
        #expect(!blocks.isEmpty)
        for block in blocks {
            #expect(block.components(separatedBy: "default").count <= 2, "\(command): \(block)")
        }
    }

    @Test func completionScriptsAreGenerated() {
        for shell in ["bash", "zsh", "fish"] {
            let result = CommandRunner.distlang(["--generate-completion-script", shell])
            #expect(result.exitCode == 0)
            #expect(result.stdout.contains("validate"))
        }
    }

    @Test func initWritesASpecThatValidatesWithItsSchemaAndGitignore() throws {
        let dir = repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("node_modules/\ndist/".utf8).write(to: dir.appendingPathComponent(".gitignore"))
        let result = CommandRunner.distlang(["init", "app", "--name", "notes"], in: dir.path)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let app = dir.appendingPathComponent("app")
        let spec = try String(contentsOf: app.appendingPathComponent("distlang.yaml"), encoding: .utf8)
        #expect(spec.hasPrefix("# yaml-language-server: $schema=distlang.schema.json\n"))
        #expect(spec.contains("distlang schema > distlang.schema.json"))
        let schema = try String(contentsOf: app.appendingPathComponent("distlang.schema.json"), encoding: .utf8)
        #expect(schema == CommandRunner.distlang(["schema"]).stdout)
        #expect(try String(contentsOf: app.appendingPathComponent(".gitignore"), encoding: .utf8) == "dist/\n.distlang/\n.dev.vars\n")
        #expect(CommandRunner.distlang(["validate", "--strict"], in: app.path).exitCode == 0)

        // An existing .gitignore gets the lines it lacks; init never overwrites the spec.
        let again = CommandRunner.distlang(["init", "--name", "notes"], in: dir.path)
        #expect(again.exitCode == 0)
        #expect(again.stdout.contains("added .distlang/, .dev.vars to .gitignore"))
        #expect(try String(contentsOf: dir.appendingPathComponent(".gitignore"), encoding: .utf8) == "node_modules/\ndist/\n.distlang/\n.dev.vars\n")
        #expect(CommandRunner.distlang(["init", "--name", "notes"], in: dir.path).exitCode == 2)
    }

    /// A Cloudflare-only spec that sets no memory, timeout or visibility timeout gets no note saying they are ignored.
    @Test func noNotesAboutSettingsNeverSet() {
        let dir = repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = "distlang: 1\nname: shop\nfunctions:\n  api:\n    source: src/api.js\n    http: [GET /a]\n    uses: { jobs: send }\nresources:\n  jobs: { type: queue }\ntargets:\n  cloudflare: { compatibility_date: \"2025-06-01\" }\n"
        try? Data(spec.utf8).write(to: dir.appendingPathComponent("distlang.yaml"))
        let build = CommandRunner.distlang(["build"], in: dir.path)
        #expect(build.exitCode == 0, "\(build.stderr)")
        #expect(build.stdout.contains("note: "))
        #expect(!build.stdout.contains("visibility_timeout") && !build.stdout.contains("memory") && !build.stdout.contains("timeout is"))
        let set = spec.replacingOccurrences(of: "{ type: queue }", with: "{ type: queue, visibility_timeout: 90 }")
        try? Data(set.utf8).write(to: dir.appendingPathComponent("distlang.yaml"))
        #expect(CommandRunner.distlang(["build"], in: dir.path).stdout.contains("visibility_timeout has no Cloudflare equivalent"))
    }
}
