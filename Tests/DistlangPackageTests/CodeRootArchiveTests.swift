import DistlangCore
import DistlangPackage
import Foundation
import Testing
import TestSupport

/// The whole path: find a function's files, zip them with a generated entry, extract the zip
/// elsewhere and let Node run it (as Lambda would).
struct CodeRootArchiveTests {
    /// The app: a module importing a relative helper, JSON with an attribute, and a package that
    /// depends on another package.
    private func writeApp(_ f: FixtureFolder) {
        f.write("app/src/api.js", """
            import { shout } from "./lib/shout.js";
            import greet from "greet";
            import config from "../config.json" with { type: "json" };
            export default { fetch: () => shout(greet(config.name)) };
            """)
        f.write("app/src/lib/shout.js", "export const shout = (s) => s.toUpperCase() + \"!\";\n")
        f.write("app/src/lib/unused.js", "throw new Error('not packaged');\n")
        f.write("app/config.json", #"{"name": "zip"}"#)
        f.package("greet", in: "", json: #"{"name": "greet", "type": "module", "exports": "./index.js", "dependencies": {"prefix": "1"}}"#,
                  index: "import prefix from \"prefix\";\nexport default (name) => `${prefix} ${name}`;\n")
        f.package("prefix", in: "", json: #"{"name": "prefix", "type": "module", "main": "index.js"}"#, index: "export default \"hello\";\n")
    }

    /// The code root's entries: the graph's files under their paths, each package under node_modules,
    /// a generated entry and package.json.
    private func entries(_ graph: CodeGraph, root: String) -> [(path: String, bytes: [UInt8])] {
        var out: [(path: String, bytes: [UInt8])] = [
            ("index.mjs", Array("import app from \"./src/api.js\";\nconsole.log(JSON.stringify(app.fetch()));\n".utf8)),
            ("package.json", Array(#"{"type": "module"}"#.utf8)),
        ]
        for file in graph.files {
            out.append((file, Array(FileManager.default.contents(atPath: root + "/" + file)!)))
        }
        for package in graph.packages {
            for file in FolderListing.regularFiles(under: package.directory).files {
                out.append((package.pathInCodeRoot + "/" + file, Array(FileManager.default.contents(atPath: package.directory + "/" + file)!)))
            }
        }
        return out
    }

    @Test(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("node"))))
    func nodeRunsTheExtractedArchive() throws {
        let f = FixtureFolder()
        writeApp(f)
        let graph = CodeGraphBuilder.build(entry: "src/api.js", root: f.path + "/app")
        #expect(graph.diagnostics == [])
        #expect(graph.files == ["config.json", "src/api.js", "src/lib/shout.js"])
        #expect(graph.packages.map(\.name) == ["greet", "prefix"])
        let zip = try ZipArchive.make(entries(graph, root: f.path + "/app"))

        let out = RepositoryPaths.temporaryDirectory("distlang-coderoot")
        let zipPath = out.appendingPathComponent("code.zip").path
        try Data(zip).write(to: URL(fileURLWithPath: zipPath))
        let extract = try ExternalTool.python(
            "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", [zipPath, out.path + "/root"])
        #expect(extract.exitCode == 0, "\(extract.stderr)")
        let run = CommandRunner.run("node", [out.path + "/root/index.mjs"], timeout: 60)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout == "\"HELLO ZIP!\"\n")
    }

    @Test func aMovedImportChangesTheArchive() throws {
        let f = FixtureFolder()
        writeApp(f)
        let root = f.path + "/app"
        let before = try ZipArchive.make(entries(CodeGraphBuilder.build(entry: "src/api.js", root: root), root: root))
        #expect(try ZipArchive.make(entries(CodeGraphBuilder.build(entry: "src/api.js", root: root), root: root)) == before)
        f.write("app/src/lib/shout.js", "import \"./unused.js\";\nexport const shout = (s) => s.toUpperCase() + \"!\";\n")
        let graph = CodeGraphBuilder.build(entry: "src/api.js", root: root)
        #expect(graph.files.contains("src/lib/unused.js"))
        #expect(try ZipArchive.make(entries(graph, root: root)) != before)
    }
}
