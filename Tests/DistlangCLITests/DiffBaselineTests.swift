import Foundation
import Testing
import TestSupport

/// `distlang diff` never compares with an empty baseline by accident: every way of naming a
/// baseline that cannot be had exits 2 with what was looked for, whatever the flags and the format;
/// only the implicit dist/ may be missing (a first build, said on standard error), and not for a gate.
struct DiffBaselineTests {
    enum Situation: String, CaseIterable, CustomStringConvertible {
        case implicitFirstBuild, missingFolder, folderWithoutManifest, unreadableManifest, foreignManifest
        case unknownRevision, notARepository, revisionWithoutSpec, revisionWithInvalidSpec
        var description: String { rawValue }
    }

    static let flags: [[String]] = [[], ["--exit-code"], ["--fail-on", "data-loss"], ["--fail-on", "any"]]
    static let formats = ["text", "json", "markdown"]

    /// A folder with the diff fixtures' base spec, set up for `situation`; the arguments naming the baseline.
    static func setUp(_ situation: Situation) throws -> (dir: URL, arguments: [String]) {
        let dir = RepositoryPaths.temporaryDirectory("distlang-baseline")
        try FileManager.default.copyItem(
            atPath: RepositoryPaths.path("\(DiffScenarioTests.fixtures)/base.yaml"), toPath: dir.appendingPathComponent("distlang.yaml").path)
        try HandlerStubs.write(forSpecAt: dir.appendingPathComponent("distlang.yaml").path)
        let base = dir.appendingPathComponent("base")
        switch situation {
        case .implicitFirstBuild: return (dir, [])
        case .missingFolder: return (dir, ["--against", "no-such-folder"])
        case .folderWithoutManifest:
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            return (dir, ["--against", "base"])
        case .unreadableManifest:
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            try "{ not json".write(to: base.appendingPathComponent("distlang-manifest.json"), atomically: true, encoding: .utf8)
            return (dir, ["--against", "base"])
        case .foreignManifest:
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            try #"{"manifest_version": 99}"#.write(to: base.appendingPathComponent("distlang-manifest.json"), atomically: true, encoding: .utf8)
            return (dir, ["--against", "base"])
        case .notARepository: return (dir, ["--against-git", "HEAD"])
        case .unknownRevision, .revisionWithoutSpec, .revisionWithInvalidSpec:
            try GitRepositoryFixture.initialise(dir)
            switch situation {
            case .unknownRevision:
                try GitRepositoryFixture.commit(dir, "spec", files: ["distlang.yaml"])
                return (dir, ["--against-git", "HEAD~1"])
            case .revisionWithoutSpec:
                try "notes\n".write(to: dir.appendingPathComponent("README"), atomically: true, encoding: .utf8)
                try GitRepositoryFixture.commit(dir, "no spec yet", files: ["README"])
                return (dir, ["--against-git", "HEAD"])
            default:
                let spec = dir.appendingPathComponent("distlang.yaml")
                let good = try String(contentsOf: spec, encoding: .utf8)
                try good.replacingOccurrences(of: "memory: 256", with: "memory: 64").write(to: spec, atomically: true, encoding: .utf8)
                try GitRepositoryFixture.commit(dir, "invalid spec", files: ["distlang.yaml"])
                try good.write(to: spec, atomically: true, encoding: .utf8)
                return (dir, ["--against-git", "HEAD"])
            }
        }
    }

    /// What each situation must say on standard error.
    static let said: [Situation: String] = [
        .implicitFirstBuild: "no previous build in dist",
        .missingFolder: "--against no-such-folder: no such folder",
        .folderWithoutManifest: "--against base: no distlang-manifest.json in that folder",
        .unreadableManifest: "base/distlang-manifest.json cannot be read",
        .foreignManifest: "manifest format 99 is not supported",
        .unknownRevision: "unknown revision HEAD~1",
        .notARepository: "is not in a git repository",
        .revisionWithoutSpec: "HEAD has no build manifest and no spec to build one from",
        .revisionWithInvalidSpec: "the spec at HEAD:distlang.yaml does not build",
    ]

    @Test(arguments: Situation.allCases)
    func exitCodeForEveryFlagAndFormat(_ situation: Situation) throws {
        let (dir, baseline) = try Self.setUp(situation)
        for flags in Self.flags {
            for format in Self.formats {
                let r = CommandRunner.distlang(["diff"] + baseline + flags + ["--format", format], in: dir.path)
                let label = "\(situation) \(flags) \(format)"
                #expect(r.stderr.contains(Self.said[situation]!), "\(label): \(r.stderr)")
                if situation == .implicitFirstBuild {
                    // A first build: everything is new; a gate has nothing to compare with.
                    let expected: Int32 = flags.first == "--fail-on" ? 2 : flags.isEmpty ? 0 : 1
                    #expect(r.exitCode == expected, "\(label): \(r.stderr)")
                    #expect(flags.first == "--fail-on" ? r.stdout.isEmpty : !r.stdout.isEmpty, "\(label)")
                } else {
                    #expect(r.exitCode == 2, "\(label): exit \(r.exitCode)\n\(r.stdout)")
                    #expect(r.stdout.isEmpty, "\(label): a failed diff printed a report")
                    #expect(r.stderr.contains("= looked for:"), "\(label): \(r.stderr)")
                    #expect(r.stderr.contains("= hint:") || situation == .foreignManifest || situation == .unreadableManifest || r.stderr.contains("hint"), "\(label)")
                }
            }
        }
    }

    @Test func aFirstBuildSaysSoOnStandardErrorOnly() throws {
        let (dir, _) = try Self.setUp(.implicitFirstBuild)
        let r = CommandRunner.distlang(["diff", "--format", "json"], in: dir.path)
        #expect(r.exitCode == 0)
        #expect(r.stderr.contains("note: first build"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let baseline = try #require(json["baseline"] as? [String: Any])
        #expect(baseline["kind"] as? String == "none")
        #expect(!r.stdout.contains("first build") || (baseline["description"] as? String)?.contains("first build") == true)
    }

    @Test func theInvalidSpecAtARevisionIsShownWithItsLines() throws {
        let (dir, baseline) = try Self.setUp(.revisionWithInvalidSpec)
        let r = CommandRunner.distlang(["diff"] + baseline, in: dir.path)
        #expect(r.stderr.contains("HEAD:distlang.yaml:4:11: error: defaults.memory: 64 is less than the minimum of 128"), "\(r.stderr)")
    }
}
