import Foundation
import Testing
import TestSupport

/// Inputs the fuzzers found (docs/fuzzing.md), kept in `Tests/Corpus/regressions/<target>/`:
/// - each replays through its fuzz target (`distlang-fuzz TARGET FILE`: the same code and the same
///   properties as under libFuzzer, without the sanitizers), which must hold every property;
/// - each spec-like input also goes through the CLI (`validate`, and `build` for pipeline inputs),
///   which must end with 0 or 1 (valid or not) within the time limit: no crash, no hang.
struct RegressionCorpusTests {
    static let corpus = "Tests/Corpus/regressions"
    static let targets = ["yaml", "json", "spec-schema", "schema", "pipeline"]

    static var inputs: [String] {
        targets.flatMap { target -> [String] in
            let dir = RepositoryPaths.path("\(corpus)/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(target)/\($0)" }
        }
    }

    /// `distlang-fuzz`, built next to `distlang`.
    static var replayDriver: String {
        (CommandRunner.distlangPath as NSString).deletingLastPathComponent + "/distlang-fuzz"
    }

    @Test func corpusIsPresent() {
        #expect(Self.inputs.count >= 3)
        #expect(FileManager.default.isExecutableFile(atPath: Self.replayDriver), "build distlang-fuzz first (swift build)")
    }

    @Test(arguments: inputs)
    func replaysThroughItsFuzzTarget(_ input: String) {
        let target = String(input.prefix { $0 != "/" })
        let path = RepositoryPaths.path("\(Self.corpus)/\(input)")
        let result = CommandRunner.run(Self.replayDriver, [target, path], timeout: 120)
        #expect(!result.timedOut, "\(input) hung")
        #expect(result.exitCode == 0, "\(input): exit \(result.exitCode)\n\(result.stderr.suffix(3_000))")
    }

    @Test(arguments: inputs.filter { !$0.hasPrefix("schema/") })
    func cliEndsWithValidOrInvalid(_ input: String) throws {
        let path = RepositoryPaths.path("\(Self.corpus)/\(input)")
        let validate = CommandRunner.distlang(["validate", "--format", "json", path], timeout: 60)
        #expect(!validate.timedOut, "validate hung on \(input)")
        #expect(validate.exitCode == 0 || validate.exitCode == 1, "validate exit \(validate.exitCode) on \(input): \(validate.stderr.suffix(2_000))")
        _ = try JSONSerialization.jsonObject(with: Data(validate.stdout.utf8))
        guard input.hasPrefix("pipeline/") else { return }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("distlang-regression-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let build = CommandRunner.distlang(["build", path, "--out", out, "--cfn-format", "both"], timeout: 60)
        #expect(!build.timedOut, "build hung on \(input)")
        #expect(build.exitCode == 0 || build.exitCode == 1, "build exit \(build.exitCode) on \(input): \(build.stderr.suffix(2_000))")
        if build.exitCode == 1 { #expect(!FileManager.default.fileExists(atPath: out), "a failed build wrote \(out)") }
    }
}
