import Foundation
import Testing
import TestSupport

/// `targets.<provider>.outputs`: a build writes only the chosen formats, and a format dropped
/// later has its files removed by the next build.
struct OutputsSelectionTests {
    static let spec = """
        distlang: 1
        name: shop
        functions:
          api:
            source: src/api.js
            uses: { uploads: readwrite }
        resources:
          uploads: { type: bucket }
        targets:
          aws:
            region: eu-west-1
            outputs: [terraform]
          cloudflare:
            compatibility_date: "2025-06-01"
            outputs: [wrangler]

        """

    private func files(_ dist: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: dist.path)
        var out: [String] = []
        while let path = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dist.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }

    @Test func onlyTheChosenFormatsAreWritten() throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-outputs")
        let spec = dir.appendingPathComponent("distlang.yaml")
        try Self.spec.write(to: spec, atomically: true, encoding: .utf8)
        try HandlerStubs.write(forSpecAt: spec.path)
        let r = CommandRunner.distlang(["build"], in: dir.path)
        #expect(r.exitCode == 0, "\(r.stderr)")
        let written = files(dir.appendingPathComponent("dist"))
        #expect(written.contains("aws/terraform/default/main.tf"))
        #expect(written.contains("cloudflare/wrangler/api/wrangler.toml"))
        #expect(!written.contains { $0.hasPrefix("aws/cloudformation/") || $0.hasPrefix("cloudflare/terraform/") }, "\(written)")
        #expect(!r.stdout.contains("CAPABILITY_NAMED_IAM"), "a CloudFormation note without CloudFormation")
        #expect(!r.stdout.contains("terraform (cloudflare/terraform"), "a Cloudflare Terraform note without Cloudflare Terraform")

        // Every format again (the key removed), then back to one: the files come and go.
        try Self.spec.replacingOccurrences(of: "    outputs: [terraform]\n", with: "")
            .replacingOccurrences(of: "    outputs: [wrangler]\n", with: "").write(to: spec, atomically: true, encoding: .utf8)
        #expect(CommandRunner.distlang(["build"], in: dir.path).exitCode == 0)
        let all = files(dir.appendingPathComponent("dist"))
        #expect(all.contains("aws/cloudformation/default.yaml") && all.contains("cloudflare/terraform/default/main.tf"))
        try Self.spec.write(to: spec, atomically: true, encoding: .utf8)
        #expect(CommandRunner.distlang(["build"], in: dir.path).exitCode == 0)
        #expect(files(dir.appendingPathComponent("dist")) == written)
    }
}
