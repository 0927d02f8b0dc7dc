import DistlangRender
import Foundation
import TestSupport
import Testing

/// Property tests: random trees render to files that `terraform fmt` and hclwrite leave unchanged.
@Suite struct HCLCanonicalFormTests {
    static let fileCount = 300

    static func randomFiles(seed: UInt64) -> [String] {
        var trees = HCLRandomTrees(seed: seed)
        let renderer = HCLRenderer()
        return (0..<fileCount).map { _ in renderer.render(trees.file()) } + [renderer.render(HCLSampleFile.file)]
    }

    @Test func randomTreesRenderDeterministically() {
        #expect(Self.randomFiles(seed: 7) == Self.randomFiles(seed: 7))
    }

    /// Runs wherever terraform is installed. Unlike the other checkers it is not required in CI:
    /// no package registry the project installs from ships it, and hclcheck (required) checks
    /// the same canonical form with the same formatter, hclwrite.
    @Test(.enabled(if: ExternalTool.find("terraform") != nil), .timeLimit(.minutes(3)))
    func terraformFmtLeavesRandomTreesUnchanged() throws {
        let dir = try HCLTools.writeFiles(Self.randomFiles(seed: 20_251_125), prefix: "hcl-fmt")
        defer { try? FileManager.default.removeItem(at: dir) }
        let problems = try HCLTools.terraformFmtProblems(dir)
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.hclcheck)), .timeLimit(.minutes(3)))
    func hclcheckParsesRandomTreesAsCanonical() throws {
        let files = Self.randomFiles(seed: 20_251_125)
        let dir = try HCLTools.writeFiles(files, prefix: "hcl-check")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (status, reports) = try HCLTools.check(dir)
        #expect(reports.count == files.count)
        for report in reports where !report.canonical || !report.diagnostics.isEmpty {
            let index = Int(report.file.suffix(7).prefix(4)) ?? 0
            Issue.record("\(report.file): canonical=\(report.canonical) \(report.diagnostics)\n\(files[index])")
        }
        #expect(status == 0)
    }
}
