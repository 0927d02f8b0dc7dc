import DistlangCore
import DistlangPackage
import Foundation
import Testing
import TestSupport

/// Finding a function's files from its entry: relative modules, their errors, and what is not packaged.
struct CodeGraphTests {
    private func build(_ fixture: FixtureFolder, root: String = "app", entry: String = "src/api.js") -> CodeGraph {
        CodeGraphBuilder.build(entry: entry, root: fixture.path + "/" + root)
    }

    private func only(_ code: String, in graph: CodeGraph) throws -> Diagnostic {
        let matching = graph.diagnostics.filter { $0.code == code }
        #expect(matching.count == 1, "\(graph.diagnostics)")
        return try #require(matching.first)
    }

    @Test func followsRelativeImportsAndCycles() {
        let f = FixtureFolder()
        f.write("app/src/api.js", """
            import { util } from "./lib/util.js";
            import config from "../shared/config.json" with { type: "json" };
            export * from "./lib/reexported.mjs";
            const plugin = await import("./plugins/a.js");
            import "fs"; import "node:crypto"; import "fs/promises"; import "node:test";
            import "data:text/javascript,export default 1";
            """)
        f.write("app/src/lib/util.js", "import \"./helper.cjs\";\nimport api from \"../api.js\";\nexport const util = 1;\n")
        f.write("app/src/lib/helper.cjs", "module.exports = 1; // require(\"./not-followed.js\")\n")
        f.write("app/src/lib/reexported.mjs", "export { util } from './util.js';\nimport w from './mod.wasm';\nimport t from './types.ts';\n")
        f.write("app/src/lib/mod.wasm", "\0asm")
        f.write("app/src/lib/types.ts", "import \"./nope.js\";\n")
        f.write("app/src/plugins/a.js", "export default 'a';\n")
        f.write("app/src/plugins/unused.js", "")
        f.write("app/shared/config.json", "{}")
        let graph = build(f)
        #expect(graph.diagnostics == [])
        #expect(graph.files == [
            "shared/config.json", "src/api.js", "src/lib/helper.cjs", "src/lib/mod.wasm", "src/lib/reexported.mjs",
            "src/lib/types.ts", "src/lib/util.js", "src/plugins/a.js",
        ])
        #expect(graph.packages == [])
    }

    @Test func aMissingImportIsAnErrorAtItsPlaceWithTheFileNameToUse() throws {
        let f = FixtureFolder()
        f.write("app/src/api.js", "// the helper\nimport { util } from \"./util\";\nimport \"./Helper.js\";\nimport \"./gone.js\";\n")
        f.write("app/src/util.js", "export const util = 1;\n")
        f.write("app/src/helper.js", "")
        let graph = build(f)
        #expect(graph.diagnostics.map(\.code) == ["package.import-missing", "package.import-missing", "package.import-missing"])
        let first = graph.diagnostics[0]
        #expect(first.severity == .error)
        #expect(first.location == SourceLocation(
            file: f.path + "/app/src/api.js", span: SourceSpan(start: SourcePosition(line: 2, column: 22), end: SourcePosition(line: 2, column: 30))))
        #expect(first.message.contains("\"./util\"") && first.message.contains(f.path + "/app/src/util"))
        #expect(first.hint?.contains("\"./util.js\"") == true)
        #expect(graph.diagnostics[1].hint?.contains("\"./helper.js\"") == true)  // the case differs
        #expect(graph.diagnostics[2].hint == nil)
        #expect(graph.files == ["src/api.js"])
    }

    @Test func namesFilesAsTheRootIsSpelled() throws {
        let f = FixtureFolder()
        f.write("app/src/api.js", "import \"./missing.js\";\n")
        // The root relative to the current directory, as the CLI passes the spec's folder.
        let cwd = FileManager.default.currentDirectoryPath.split(separator: "/")
        let relativeRoot = Array(repeating: "..", count: cwd.count).joined(separator: "/") + f.path + "/app"
        let graph = CodeGraphBuilder.build(entry: "src/api.js", root: relativeRoot)
        #expect(graph.diagnostics.first?.location?.file == relativeRoot + "/src/api.js")
        #expect(graph.files == ["src/api.js"])
    }

    @Test func aFolderImportIsAnErrorNamingItsIndex() throws {
        let f = FixtureFolder()
        f.write("app/src/api.js", "import \"./lib\";\nimport \"./empty/\";\n")
        f.write("app/src/lib/index.js", "")
        f.write("app/src/empty/readme.txt", "")
        let graph = build(f)
        #expect(graph.diagnostics.map(\.code) == ["package.directory-import", "package.directory-import"])
        #expect(graph.diagnostics[0].hint == "import \"./lib/index.js\"")
        #expect(graph.diagnostics[1].hint?.contains("full name") == true)
    }

    @Test func importsLeavingTheRootOrAbsoluteAreErrors() throws {
        let f = FixtureFolder()
        f.write("app/src/api.js", """
            import "../../outside.js";
            import "/etc/hostname";
            import "\(f.path)/app/src/lib.js";
            import "file:///tmp/x.js";
            import "#internal/x";
            import "https://example.com/x.js";
            import "./a%2Fb.js";
            import "./with%20space.js?v=1#top";
            """)
        f.write("outside.js", "")
        f.write("app/src/lib.js", "")
        f.write("app/src/with space.js", "")
        let graph = build(f)
        #expect(graph.diagnostics.map(\.code) == [
            "package.import-outside-root", "package.absolute-import", "package.absolute-import", "package.absolute-import",
            "package.subpath-import", "package.url-import", "package.import-missing",
        ])
        #expect(graph.diagnostics[0].message.contains(f.path + "/app"))
        #expect(graph.diagnostics[2].hint?.contains("\"./lib.js\"") == true)
        #expect(graph.files == ["src/api.js", "src/with space.js"])
    }

    @Test func theEntryMustExist() throws {
        let f = FixtureFolder()
        f.write("app/src/api.mjs", "")
        let graph = build(f, entry: "src/api.js")
        let d = try only("package.source-missing", in: graph)
        #expect(d.location == nil)
        #expect(d.hint == "did you mean \(f.path)/app/src/api.mjs?")
        #expect(graph.files.isEmpty)
        #expect(try only("package.source-outside-root", in: build(f, entry: "../x.js")).location == nil)
        #expect(try only("package.source-missing", in: build(f, entry: "src")).message.contains("folder"))
        #expect(build(f, entry: "\(f.path)/app/src/api.mjs").files == ["src/api.mjs"])
    }

    @Test func computedImportsAreWarnings() throws {
        let f = FixtureFolder()
        f.write("app/src/api.js", "const name = 'x';\nconst m = await import(`./plugins/${name}.js`);\n")
        let d = try only("package.computed-import", in: build(f))
        #expect(d.severity == .warning)
        #expect(d.location?.line == 2 && d.location?.column == 17)
    }

    @Test func everyFileIsReadOnceWhateverItHolds() {
        let f = FixtureFolder()
        var random = SeededRandom(seed: 13)
        f.write("app/src/api.js", "import './a.js'; import './bin.js'; import './a.js';\n")
        f.write("app/src/a.js", "import './b.js'; export * from './api.js';\n")
        f.write("app/src/b.js", "import './a.js'; import './api.js';\n")
        f.write("app/src/bin.js", bytes: (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &random) })
        let graph = build(f)
        #expect(graph.files == ["src/a.js", "src/api.js", "src/b.js", "src/bin.js"])
        #expect(!graph.diagnostics.hasErrors || graph.diagnostics.allSatisfy { $0.location?.file.hasSuffix("bin.js") == true })
    }

    @Test func aHugeModuleIsPackagedUnread() throws {
        let f = FixtureFolder()
        f.write("app/src/api.js", "import './huge.js';\n")
        f.write("app/src/huge.js", "import './never-read.js';\n")
        // A sparse file past the limit: costs no disk, and must not be read.
        let handle = try FileHandle(forWritingTo: f.url.appendingPathComponent("app/src/huge.js"))
        try handle.truncate(atOffset: UInt64(CodeGraphBuilder.maxModuleBytes) + 1)
        try handle.close()
        let graph = build(f)
        #expect(graph.files == ["src/api.js", "src/huge.js"])
        #expect(graph.diagnostics.map(\.code) == ["package.module-too-large"])
        #expect(graph.diagnostics.first?.severity == .warning)
    }

    @Test func symbolicLinkLoopsEndTheWalk() throws {
        let f = FixtureFolder()
        f.write("app/src/api.js", "import './loop/x.js'; import './real/y.js'; import './self.js';\n")
        f.link("app/src/loop", to: "loop2")
        f.link("app/src/loop2", to: "loop")
        f.link("app/src/self.js", to: "self.js")
        f.write("elsewhere/y.js", "import './z.js';\n")
        f.write("app/src/real/z.js", "")
        f.link("app/src/real/y.js", to: "../../../elsewhere/y.js")
        let graph = build(f)
        // A linked module is packaged at the link's place, so its imports resolve from there.
        #expect(graph.files == ["src/api.js", "src/real/y.js", "src/real/z.js"])
        #expect(graph.diagnostics.map(\.code) == ["package.import-missing", "package.import-missing"])
    }
}
