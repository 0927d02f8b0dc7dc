import DistlangSchema
import Foundation

/// Where the vendored JSON-Schema-Test-Suite and the goldens live (next to this test target's sources).
enum SuitePaths {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let suite = testsRoot.appendingPathComponent("JSON-Schema-Test-Suite")
    static let goldens = testsRoot.appendingPathComponent("Goldens")
    static let packageRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()

    /// The suite's draft folders, oldest first.
    static let drafts = ["draft4", "draft6", "draft7", "draft2019-09", "draft2020-12"]

    /// The dialect a suite folder (`draft7`, `draft2019-09`) tests.
    static func draft(of folder: String) -> Draft {
        Draft.named(folder)!
    }

    /// The `.json` files under `tests/<draft>/<sub>` (not recursive), sorted.
    static func files(draft: String, sub: String = "") -> [String] {
        let dir = suite.appendingPathComponent("tests/\(draft)/\(sub)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { sub.isEmpty ? $0 : "\(sub)/\($0)" }
    }
}
