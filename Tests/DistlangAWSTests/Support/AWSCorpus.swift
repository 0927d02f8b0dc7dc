import Foundation
import DistlangAWS
import DistlangModel
import DistlangPackage
import TestSupport

/// Every model set the checker tests run over, each emitted once: the sample shop (one and two
/// environments), the hostile-strings app, every example, and the shop grown just over
/// CloudFormation's limits (`nested`: a parent and nested stacks). The checkers (cfn-lint,
/// terraform, hclcheck, checkov, moto) each run once over all of them.
enum AWSCorpus {
    struct Entry: Sendable {
        var name: String
        var models: [AppModel]
        var output: TargetOutput
    }

    static let entries: [Entry] = {
        var sets: [(String, [AppModel])] = [
            ("shop", [SampleModels.shop()]),
            ("shop-environments", SampleModels.shopEnvironments()),
            ("hostile", [HostileModels.app()]),
        ]
        sets += ExampleModels.all()
        return sets.map { Entry(name: $0.0, models: $0.1, output: AWSOutputs.emit($0.1)) }
            + [Entry(name: "nested", models: [LargeModels.shop(extra: ScaleApps.overExtra)], output: ScaleApps.over)]
    }()

    /// Every entry's files under one temporary folder, `<entry>/<emitted path>`.
    /// `aws/code/<function>.zip` of each code root as the emitter writes it (the build's packager
    /// adds the user's modules; these apps have none), so that the templates' `Code` paths and
    /// Terraform's `source_code_hash` find real zips.
    static func codeZips(_ output: TargetOutput) throws -> [EmittedFile] {
        var roots: [String: [(path: String, bytes: [UInt8])]] = [:]
        for file in output.files where file.path.hasPrefix("aws/code/") {
            let parts = file.path.dropFirst("aws/code/".count).split(separator: "/", maxSplits: 1)
            guard parts.count == 2 else { continue }
            roots[String(parts[0]), default: []].append((String(parts[1]), file.bytes))
        }
        return try roots.keys.sorted().map { EmittedFile(path: "aws/code/\($0).zip", bytes: try ZipArchive.make(roots[$0]!)) }
    }

    static func writeAll() throws -> (root: String, entries: [(entry: Entry, directory: String)]) {
        let root = RepositoryPaths.temporaryDirectory("distlang-aws-corpus")
        var written: [(Entry, String)] = []
        for entry in entries {
            let dir = root.appendingPathComponent(entry.name)
            for file in entry.output.files + (try codeZips(entry.output)) {
                let url = dir.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            written.append((entry, dir.path))
        }
        return (root.path, written)
    }
}
