import DistlangCore
import DistlangPackage
import Foundation
import TestSupport
import Testing

/// The compile step of TypeScript sources (docs/typescript.md) with Debian's esbuild: one ES module
/// per entry, relative imports compiled in, packages found in node_modules, esbuild's messages at the
/// TypeScript file's line:col.
@Suite(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("esbuild"))))
struct TypeScriptCompilerTests {
    /// A folder with `files` written in it (parents created).
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-ts")
        for (path, text) in files {
            let url = dir.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static var compiler: TypeScriptCompiler {
        get throws {
            guard let esbuild = Esbuild.find() else {
                throw ExternalTool.Failure(description: "esbuild is not on PATH (apt-get install esbuild)")
            }
            return TypeScriptCompiler(esbuild: esbuild)
        }
    }

    static let app: [String: String] = [
        "src/api.ts": """
        import type { Shape } from "./types.js";
        import { greet } from "./lib/greet.js";
        import { twice } from "./lib/twice";
        import settings from "../config/settings.json";
        import { sep } from "node:path";
        import left from "left-pad";
        enum Colour { Red = "red", Green = "green" }
        const shape: Shape = { sides: twice(2) };
        export default { describe: (name: string): string => `${greet(name)} ${shape.sides} ${Colour.Green} ${settings.mode} ${sep} ${left("x", 3)}` };
        """,
        "src/types.ts": "export interface Shape { sides: number }\n",
        "src/lib/greet.ts": "export const greet = (name: string): string => `hello ${name}`;\n",
        "src/lib/twice.js": "export function twice(n) { return n * 2; }\n",
        "config/settings.json": #"{ "mode": "strict" }"# + "\n",
        "node_modules/left-pad/package.json":
            #"{ "name": "left-pad", "type": "module", "main": "index.js", "dependencies": { "pad-core": "1.0.0" } }"#,
        "node_modules/left-pad/index.js": "export default (s, n) => s.padStart(n, '.');\n",
        "node_modules/pad-core/package.json": #"{ "name": "pad-core" }"#,
    ]

    /// The module has no TypeScript left, keeps packages and built-ins as imports, lists what it read
    /// and the packages to copy, and runs in Node with its package beside it.
    @Test func compilesAnEntryAndWhatItImports() throws {
        let dir = try Self.folder(Self.app)
        let module = try Self.compiler.compile(
            entry: "src/api.ts", root: dir.path, output: "src/api.js", target: "node20")
        #expect(module.diagnostics.isEmpty, "\(module.diagnostics)")
        #expect(module.path == "src/api.js")
        #expect(module.inputs == ["config/settings.json", "src/api.ts", "src/lib/greet.ts", "src/lib/twice.js"])
        #expect(module.packages.map(\.name) == ["left-pad", "pad-core"])
        #expect(module.packages.first?.directory == dir.path + "/node_modules/left-pad")
        #expect(
            module.text.hasPrefix(
                "// Compiled by distlang with esbuild from src/api.ts: edit that file, not this one.\n"))
        #expect(module.text.contains("from \"left-pad\"") && module.text.contains("from \"node:path\""))
        #expect(!module.text.contains(": string") && !module.text.contains("interface"))
        let again = try Self.compiler.compile(
            entry: "src/api.ts", root: dir.path, output: "src/api.js", target: "node20")
        #expect(again == module, "the same sources give the same module")

        guard let node = ExternalTool.find("node") else { return }
        let run = try Self.folder([
            "src/api.js": module.text, "package.json": #"{ "type": "module" }"#,
            "node_modules/left-pad/package.json": Self.app["node_modules/left-pad/package.json"]!,
            "node_modules/left-pad/index.js": Self.app["node_modules/left-pad/index.js"]!,
            "run.mjs": #"const m = await import("./src/api.js"); console.log(m.default.describe("ts"));"#,
        ])
        let result = CommandRunner.run(node, ["run.mjs"], in: run.path)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "hello ts 4 green strict / ..x\n")
    }

    /// A syntax error is an error at its line and column, columns counting characters (esbuild counts
    /// bytes): each `é` before it is one column (esbuild says 36, 0-based).
    @Test func aSyntaxErrorIsADiagnosticAtTheTypeScriptLine() throws {
        let dir = try Self.folder([
            "src/api.ts":
                "import { ok } from \"./ok.js\";\nconst café: string = \"é\"; const a b = 2;\nexport default { ok };\n",
            "src/ok.ts": "export const ok = 1 +;\n",
        ])
        let module = try Self.compiler.compile(entry: "src/api.ts", root: dir.path, output: "src/api.js")
        #expect(module.failed && module.text.isEmpty)
        let shown = module.diagnostics.map {
            "\($0.location?.file ?? ""):\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.code): \($0.message)"
        }
        #expect(
            shown == [
                "\(dir.path)/src/api.ts:2:35: typescript.compile-error: Expected \";\" but found \"b\""
            ], "\(shown)")
    }

    /// A relative import esbuild cannot find is an error at the import's specifier, and every error
    /// of every file comes at once.
    @Test func everyErrorAtOnceAtItsImport() throws {
        let dir = try Self.folder([
            "src/api.ts":
                "import { a } from \"./missing.js\";\nimport { b } from \"./b.js\";\nexport default { a, b };\n",
            "src/b.ts": "import { c } from \"./also-missing\";\nexport const b = c;\n",
        ])
        let module = try Self.compiler.compile(entry: "src/api.ts", root: dir.path, output: "src/api.js")
        let shown = module.diagnostics.map {
            "\($0.location.map { "\($0.file):\($0.line):\($0.column)" } ?? "-"): \($0.message)"
        }
        #expect(
            shown == [
                "\(dir.path)/src/api.ts:1:19: Could not resolve \"./missing.js\"",
                "\(dir.path)/src/b.ts:1:19: Could not resolve \"./also-missing\"",
            ], "\(shown)")
    }

    /// A package that is not installed is packaging's error at the TypeScript import; a type-only
    /// import of one is not (esbuild drops it).
    @Test func aMissingPackageIsAnErrorAtItsImport() throws {
        let dir = try Self.folder([
            "src/api.ts":
                "import type { Env } from \"types-only\";\n\nimport x from \"not-installed/sub.js\";\nexport default { x } as { x: Env };\n"
        ])
        let module = try Self.compiler.compile(entry: "src/api.ts", root: dir.path, output: "src/api.js")
        let shown = module.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.code)" }
        #expect(shown == ["3:15: package.package-missing"], "\(module.diagnostics)")
    }

    /// esbuild's warnings are warnings, with their notes at their own places; the module is written.
    @Test func warningsKeepTheirNotes() throws {
        let dir = try Self.folder(["src/api.ts": "const o = { a: 1, a: 2 };\nexport default o;\n"])
        let module = try Self.compiler.compile(entry: "src/api.ts", root: dir.path, output: "src/api.js")
        #expect(!module.failed && !module.text.isEmpty)
        let warning = try #require(module.diagnostics.first)
        #expect(warning.severity == .warning && warning.code == "typescript.compile-warning")
        #expect(warning.message == "Duplicate key \"a\" in object literal")
        #expect(warning.location?.column == 19)
        #expect(warning.notes.first?.message == "The original key \"a\" is here:")
        #expect(warning.notes.first?.location?.column == 13)
    }

    @Test func aMissingEntryIsTheSourceMissingError() throws {
        let dir = try Self.folder(["src/other.ts": ""])
        let module = try Self.compiler.compile(entry: "src/api.ts", root: dir.path, output: "src/api.js")
        #expect(module.diagnostics.map(\.code) == ["package.source-missing"])
    }
}

/// Without esbuild, a clear error naming the package (runs everywhere).
@Test func withoutEsbuildTheErrorNamesThePackage() {
    let module = TypeScriptCompiler(esbuild: nil).compile(entry: "src/api.ts", root: "app", output: "src/api.js")
    #expect(module.diagnostics.map(\.code) == ["typescript.esbuild-missing"])
    #expect(
        module.diagnostics.first?.message
            == "app/src/api.ts is TypeScript, which distlang compiles with esbuild, and esbuild is not installed")
    #expect(module.diagnostics.first?.hint?.contains("apt-get install esbuild") == true)
    #expect(Esbuild.find(environment: ["PATH": "/nonexistent"]) == nil)
    #expect(Esbuild.find(environment: ["DISTLANG_ESBUILD": "/nonexistent/esbuild"]) == nil)
}
