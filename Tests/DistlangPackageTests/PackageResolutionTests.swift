import DistlangCore
import DistlangPackage
import Foundation
import Testing
import TestSupport

/// Bare imports: node_modules packages found as Node finds them, and what they depend on.
struct PackageResolutionTests {
    private func build(_ fixture: FixtureFolder, root: String = "repo/app") -> CodeGraph {
        CodeGraphBuilder.build(entry: "src/api.js", root: fixture.path + "/" + root)
    }

    @Test func findsPackagesWalkingUpBeyondTheRoot() {
        let f = FixtureFolder()
        f.write("repo/app/src/api.js", """
            import _ from "lodash/fp.js";
            import pkg from "@scope/pkg/sub/path.js";
            import local from "local";
            export { x } from "deep";
            """)
        f.write("repo/app/src/deep/mod.js", "")
        f.package("lodash", in: "repo")
        f.package("@scope/pkg", in: "repo/app")
        f.package("local", in: "repo/app/src")
        f.package("deep", in: "")  // the file system above the repository
        f.package("lodash", in: "")  // shadowed by repo/node_modules/lodash
        let graph = build(f)
        #expect(graph.diagnostics == [])
        #expect(graph.files == ["src/api.js"])
        #expect(graph.packages == [
            PackageFolder(name: "@scope/pkg", directory: f.path + "/repo/app/node_modules/@scope/pkg"),
            PackageFolder(name: "deep", directory: f.path + "/node_modules/deep"),
            PackageFolder(name: "local", directory: f.path + "/repo/app/src/node_modules/local"),
            PackageFolder(name: "lodash", directory: f.path + "/repo/node_modules/lodash"),
        ])
        #expect(graph.packages.map(\.pathInCodeRoot).first == "node_modules/@scope/pkg")
    }

    @Test func aMissingPackageIsAnError() throws {
        let f = FixtureFolder()
        f.write("repo/app/src/api.js", "import x from \"not-installed\";\nimport y from \"@scope\";\nimport z from \"Lodash\";\n")
        f.package("lodash", in: "repo")
        let graph = build(f)
        #expect(graph.diagnostics.map(\.code) == ["package.package-missing", "package.package-missing", "package.package-missing"])
        let first = graph.diagnostics[0]
        #expect(first.location?.description == f.path + "/repo/app/src/api.js:1:15")
        #expect(first.message.contains("\"not-installed\""))
        #expect(first.hint == "run `npm install not-installed` in the spec's folder")
        #expect(graph.diagnostics[1].message.contains("not a valid package name"))
        #expect(graph.packages.isEmpty)
    }

    @Test func followsInstalledDependenciesTransitively() throws {
        let f = FixtureFolder()
        f.write("repo/app/src/api.js", "import a from \"a\";\n")
        f.package("a", in: "repo/app", json: """
            {
              "name": "a",
              "version": "1.0.0",
              "scripts": { "test": "x" },
              "dependencies": { "b": "^1", "nested": "^2", "required-missing": "^1", "maybe": "^1" },
              "optionalDependencies": { "maybe": "^1", "optional-missing": "^1" },
              "peerDependencies": { "peer-missing": "*", "@scope/peer": "*" }
            }
            """)
        f.package("nested", in: "repo/app/node_modules/a")  // installed inside a: copied with it
        f.package("nested", in: "repo/app")  // another version, which a does not use
        f.package("b", in: "repo/app", json: #"{"dependencies": {"a": "1", "c": "1"}}"#)  // a cycle back to a
        f.package("c", in: "repo", json: "{ not json at all")
        f.package("@scope/peer", in: "repo/app")
        let graph = build(f)
        #expect(graph.packages.map(\.name) == ["@scope/peer", "a", "b", "c"])
        let warning = try #require(graph.diagnostics.first)
        #expect(graph.diagnostics.count == 1, "\(graph.diagnostics)")
        #expect(warning.code == "package.dependency-missing")
        #expect(warning.severity == .warning)
        #expect(warning.location?.description == f.path + "/repo/app/node_modules/a/package.json:5:48")
        #expect(warning.message.contains("\"required-missing\""))
    }

    @Test func followsASymlinkedPackageFromItsRealFolder() {
        let f = FixtureFolder()
        f.write("repo/app/src/api.js", "import linked from \"linked\";\n")
        // As `npm link` or pnpm lay it out: the package's own dependencies sit next to its real folder.
        f.package("linked", in: "store/linked@1", json: #"{"dependencies": {"dep": "1"}}"#)
        f.package("dep", in: "store/linked@1")
        f.link("repo/app/node_modules/linked", to: "../../../store/linked@1/node_modules/linked")
        let graph = build(f)
        #expect(graph.diagnostics == [])
        #expect(graph.packages == [
            PackageFolder(name: "dep", directory: f.path + "/store/linked@1/node_modules/dep"),
            PackageFolder(name: "linked", directory: f.path + "/repo/app/node_modules/linked"),
        ])
    }

    @Test func aPackageLinkLoopIsAMissingPackage() {
        let f = FixtureFolder()
        f.write("repo/app/src/api.js", "import bad from \"bad\";\n")
        f.link("repo/app/node_modules/bad", to: "bad")
        #expect(build(f).diagnostics.map(\.code) == ["package.package-missing"])
    }

    @Test func twoFoldersForOnePackageAreAWarning() throws {
        let f = FixtureFolder()
        f.write("repo/app/src/api.js", "import a from \"dup\";\nimport \"./sub/mod.js\";\n")
        f.write("repo/app/src/sub/mod.js", "import d from \"dup\";\n")
        f.package("dup", in: "repo/app")
        f.package("dup", in: "repo/app/src/sub")
        let graph = build(f)
        #expect(graph.packages == [PackageFolder(name: "dup", directory: f.path + "/repo/app/node_modules/dup")])
        #expect(graph.diagnostics.map(\.code) == ["package.package-conflict"])
        #expect(graph.diagnostics.first?.location?.file == f.path + "/repo/app/src/sub/mod.js")
    }

    @Test func listsAPackageFolderFollowingLinksButNotLoops() {
        let f = FixtureFolder()
        f.package("p", in: "")
        f.write("node_modules/p/lib/a.js", "")
        f.write("node_modules/p/lib/deep/b.js", "")
        f.link("node_modules/p/dist", to: "lib")
        f.link("node_modules/p/lib/deep/up", to: "../..")
        f.link("node_modules/p/broken.js", to: "missing.js")
        let listing = FolderListing.regularFiles(under: f.path + "/node_modules/p")
        #expect(listing == FolderListing.Listing(files: [
            "dist/a.js", "dist/deep/b.js", "index.js", "lib/a.js", "lib/deep/b.js", "package.json",
        ], truncated: false))
        #expect(FolderListing.regularFiles(under: f.path + "/node_modules/p", limit: 2).truncated)
    }
}
