import Foundation
import DistlangAWS
import DistlangModel
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
    static func writeAll() throws -> (root: String, entries: [(entry: Entry, directory: String)]) {
        let root = RepositoryPaths.temporaryDirectory("distlang-aws-corpus")
        var written: [(Entry, String)] = []
        for entry in entries {
            let dir = root.appendingPathComponent(entry.name)
            for file in entry.output.files {
                let url = dir.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
            }
            written.append((entry, dir.path))
        }
        return (root.path, written)
    }
}
