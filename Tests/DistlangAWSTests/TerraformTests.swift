import DistlangModel
import Foundation
import Testing
import TestSupport

/// Every generated Terraform root: `terraform init -backend=false && terraform validate` with
/// hashicorp/aws 5.100.0 from the local mirror, on a fresh copy holding only the .tf files (and
/// stand-in zips for `source_code_hash`); and hclcheck finds every file canonical.
@Suite(.serialized) struct TerraformTests {
    @Test func everyRootValidates() throws {
        guard let runner = try TerraformRunner.make() else { return }
        let corpus = try AWSCorpus.writeAll()
        let first = corpus.entries[0]
        let versions = try String(
            contentsOfFile: first.directory + "/" + AWSOutputs.terraformRoots(first.entry.output)[0] + "/versions.tf",
            encoding: .utf8)
        let initialised = try runner.initialise(versions: versions)
        var roots = 0
        for (entry, dir) in corpus.entries {
            for root in AWSOutputs.terraformRoots(entry.output) {
                let (valid, report) = try runner.validate(root: dir + "/" + root, initialised: initialised)
                #expect(valid, "\(entry.name) \(root):\n\(report)")
                roots += 1
            }
        }
        #expect(roots >= 4)

        // The check can fail: a root referring to a resource that does not exist is invalid.
        let brokenDir = RepositoryPaths.temporaryDirectory("distlang-tf-broken")
        let shop = AWSCorpus.entries[0]
        for file in shop.output.files where file.path.hasPrefix("aws/terraform/default/") {
            let text = file.contents.replacingOccurrences(of: "aws_iam_role.api.arn", with: "aws_iam_role.missing.arn")
            try text.write(to: brokenDir.appendingPathComponent((file.path as NSString).lastPathComponent), atomically: true, encoding: .utf8)
        }
        let (brokenValid, _) = try runner.validate(root: brokenDir.path, initialised: initialised)
        #expect(!brokenValid)
    }

    @Test func versionsAllowOnlyTheAWSProvider() throws {
        for entry in AWSCorpus.entries {
            for file in entry.output.files where file.path.hasSuffix("/versions.tf") {
                #expect(file.contents.contains("source  = \"hashicorp/aws\""))
                #expect(file.contents.contains("version = \">= 5.0, < 7.0\""))
                #expect(file.contents.components(separatedBy: "source ").count == 2, "one provider only")
            }
            // The only file a root reads is each function's zip, for its hash.
            for file in entry.output.files where file.path.hasPrefix("aws/terraform/") {
                for function in ["file(", "filesha256(", "fileexists(", "templatefile(", "archive_file"] {
                    #expect(!file.contents.contains(function), "\(file.path) uses \(function)")
                }
                for line in file.contents.split(separator: "\n") where line.contains("filebase64sha256(") {
                    #expect(line.contains("filebase64sha256(\"${path.module}/../../code/"), "\(file.path): \(line)")
                }
            }
        }
    }

    @Test func hclcheckFindsEveryFileCanonical() throws {
        guard let hclcheck = ExternalTool.hclcheck else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "hclcheck is not built") }
            return
        }
        let corpus = try AWSCorpus.writeAll()
        let roots = corpus.entries.flatMap { written in AWSOutputs.terraformRoots(written.entry.output).map { written.directory + "/" + $0 } }
        let result = CommandRunner.run(hclcheck, ["--json"] + roots, timeout: 120)
        #expect(!result.timedOut)
        #expect(result.exitCode == 0, "\(result.stdout)\n\(result.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let expected = AWSCorpus.entries.flatMap { $0.output.files }.filter { $0.path.hasSuffix(".tf") }.count
        #expect(reports.count == expected)
        for report in reports {
            #expect(report["canonical"] as? Bool == true, "\(report["file"] ?? "?") is not canonical")
            #expect((report["diagnostics"] as? [Any])?.isEmpty == true, "\(report["file"] ?? "?"): \(report["diagnostics"] ?? "")")
        }
    }
}
