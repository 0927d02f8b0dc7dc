import Foundation
import TestSupport

/// hclcheck reports with attribute values as `DecodedValue`.
typealias HCLCheckReport = TestSupport.HCLCheckReport<DecodedValue>

/// Runs the HCL checker and terraform on directories of rendered files.
enum HCLTools {
    /// Writes each text to `<dir>/<index>.tf` and returns the directory.
    static func writeFiles(_ texts: [String], prefix: String) throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-\(prefix)")
        for (i, text) in texts.enumerated() {
            let name = String(format: "f%04d.tf", i)
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        return dir
    }

    /// hclcheck --json on every .tf file of `dir`, one report per file in file-name order.
    static func check(_ dir: URL) throws -> (status: Int32, reports: [HCLCheckReport]) {
        try HCLCheckReport.run([dir.path])
    }

    /// `terraform fmt -check -diff` on `dir`: nil when every file is already canonical, otherwise
    /// terraform's output (the list of files and their diffs).
    static func terraformFmtProblems(_ dir: URL) throws -> String? {
        guard let terraform = ExternalTool.find("terraform") else {
            throw ExternalTool.Failure(description: "terraform is not on PATH")
        }
        let result = CommandRunner.run(
            terraform, ["fmt", "-no-color", "-check", "-diff", "-list=true", dir.path],
            environment: ["CHECKPOINT_DISABLE": "1", "TF_CLI_CONFIG_FILE": "/dev/null"], timeout: 120)
        if result.timedOut { return "terraform fmt timed out" }
        return result.exitCode == 0 ? nil : "exit \(result.exitCode)\n\(result.stdout)\n\(result.stderr)"
    }
}
