import DistlangRuntime
import DistlangSpec
import Foundation
import TestSupport
import Testing

/// `distlang types`, the stale-file warning of `distlang build`, and `distlang init --typescript`,
/// through the binary.
struct TypesCommandTests {
    /// A copy of examples/links-ts without its declarations.
    static func app() throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-types").appendingPathComponent("links-ts")
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("examples/links-ts"), toPath: dir.path)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("distlang-env.d.ts"))
        return dir
    }

    static func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test func writesNextToTheSpecThenLeavesAnUpToDateFileAlone() throws {
        let dir = try Self.app()
        let file = dir.appendingPathComponent("distlang-env.d.ts")
        let first = CommandRunner.distlang(["types"], in: dir.path)
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout == "wrote distlang-env.d.ts: the types of 2 functions\n")
        #expect(
            Self.read(file)
                == Self.read(URL(fileURLWithPath: RepositoryPaths.path("examples/links-ts/distlang-env.d.ts"))))
        let second = CommandRunner.distlang(["types", dir.appendingPathComponent("distlang.yaml").path], in: "/")
        #expect(second.stdout == "\(file.path) is up to date\n")
        let printed = CommandRunner.distlang(["types", "--out", "-"], in: dir.path)
        #expect(printed.stdout == Self.read(file))
        let other = CommandRunner.distlang(["types", "--out", "types/env.d.ts", "-q"], in: dir.path)
        #expect(
            other.exitCode == 2 && other.stderr.hasPrefix("error: cannot write types/env.d.ts"),
            "the folder does not exist")
        #expect(CommandRunner.distlang(["types", "--out", "env.d.ts", "-q"], in: dir.path).stdout.isEmpty)
        #expect(Self.read(dir.appendingPathComponent("env.d.ts")) == Self.read(file))
    }

    /// `build` warns about a stale file (and only then); the build itself goes on.
    @Test func buildWarnsWhenTheDeclarationsAreStale() throws {
        let dir = try Self.app()
        let absent = CommandRunner.distlang(["build", "-q", "--target", "cloudflare"], in: dir.path)
        #expect(
            absent.exitCode == 0 && !absent.stderr.contains("types.stale") && !absent.stderr.contains("out of date"),
            "\(absent.stderr)")
        #expect(CommandRunner.distlang(["types", "-q"], in: dir.path).exitCode == 0)
        let fresh = CommandRunner.distlang(["build", "-q", "--target", "cloudflare"], in: dir.path)
        #expect(!fresh.stderr.contains("out of date"), "\(fresh.stderr)")
        let spec = dir.appendingPathComponent("distlang.yaml")
        try Self.read(spec)!.replacingOccurrences(
            of: "      - GET /bytes\n", with: "      - GET /bytes\n      - GET /bytes/{size}\n"
        )
        .write(to: spec, atomically: true, encoding: .utf8)
        let stale = CommandRunner.distlang(["build", "-q", "--target", "cloudflare"], in: dir.path)
        #expect(stale.exitCode == 0)
        #expect(
            stale.stderr.hasPrefix(
                "distlang-env.d.ts:1:1: warning: these TypeScript declarations are out of date: the spec has changed since `distlang types` wrote them\n"
            ),
            "\(stale.stderr)")
        #expect(stale.stderr.contains("hint: run `distlang types distlang.yaml` to regenerate it"))
    }

    @Test func anInvalidSpecWritesNothing() throws {
        let dir = try Self.app()
        let spec = dir.appendingPathComponent("distlang.yaml")
        try Self.read(spec)!.replacingOccurrences(of: "links: readwrite", with: "linkz: readwrite").write(
            to: spec, atomically: true, encoding: .utf8)
        let result = CommandRunner.distlang(["types"], in: dir.path)
        #expect(result.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("distlang-env.d.ts").path))
    }

    @Test func clashingTypeNamesAreAnErrorAtTheFunction() throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-types")
        try """
        distlang: 1
        name: clash
        functions:
          a-1:
            source: a.ts
            http: [GET /a]
          a1:
            source: b.ts
            http: [GET /b]
        targets:
          cloudflare:
            compatibility_date: "2025-06-01"

        """.write(to: dir.appendingPathComponent("distlang.yaml"), atomically: true, encoding: .utf8)
        let result = CommandRunner.distlang(["types"], in: dir.path)
        #expect(result.exitCode == 1)
        #expect(
            result.stderr.contains(
                "distlang.yaml:7:3: error: functions.a1: functions a-1 and a1 both give the TypeScript names A1Env, A1Handler, …"
            ), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("distlang-env.d.ts").path))
    }

    /// The TypeScript starter: its declarations are what `distlang types` writes, it builds, and
    /// Debian's tsc type-checks it with its own tsconfig.json.
    @Test func initTypeScriptWritesAStarterThatTypeChecks() throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-init").appendingPathComponent("My Shop")
        let result = CommandRunner.distlang(["init", "--typescript", dir.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        for file in [
            "distlang.yaml", "src/hello.ts", "tsconfig.json", "distlang-env.d.ts", "distlang.schema.json", ".gitignore",
        ] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
        }
        #expect(Self.read(dir.appendingPathComponent("distlang.yaml"))?.contains("source: src/hello.ts") == true)
        #expect(CommandRunner.distlang(["types"], in: dir.path).stdout == "distlang-env.d.ts is up to date\n")
        let again = CommandRunner.distlang(["init", "--typescript", dir.path])
        #expect(again.exitCode == 2 && again.stderr.contains("already exists"))
        guard ExternalTool.shouldRun(needing: ExternalTool.find("tsc")) else { return }
        let tsc = try #require(ExternalTool.find("tsc"), "tsc is not on PATH (apt-get install node-typescript)")
        let checked = CommandRunner.run(tsc, ["-p", "."], in: dir.path, timeout: 120)
        #expect(checked.exitCode == 0, "\(checked.stdout)")
    }
}
