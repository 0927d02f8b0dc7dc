import Foundation
import Testing
import TestSupport

/// The folders and files a deploy plan names are where the build writes them: each example is
/// built, then every deploy path's `--dry-run` is read for its folders (`[dist/…] $`) and the
/// template it packages, which must exist.
@Suite struct DeployLayoutTests {
    @Test(arguments: ["staged-app", "d1-catalog"]) func everyPathAPlanNamesIsBuilt(_ example: String) throws {
        let dir = RepositoryPaths.temporaryDirectory("distlang-deploy-layout")
        let app = dir.appendingPathComponent(example)
        try FileManager.default.copyItem(atPath: RepositoryPaths.path("examples/\(example)"), toPath: app.path)
        try? FileManager.default.removeItem(at: app.appendingPathComponent("dist"))
        let build = CommandRunner.distlang(["build", "--quiet"], in: app.path, timeout: 120)
        #expect(build.exitCode == 0, "\(build.stderr)")
        let environment = example == "staged-app" ? "staging" : "default"
        let paths: [[String]] = example == "staged-app"
            ? [["--target", "aws"], ["--target", "aws", "--via", "terraform"], ["--target", "cloudflare"], ["--target", "cloudflare", "--via", "terraform"]]
            : [["--target", "cloudflare"], ["--target", "cloudflare", "--via", "terraform"]]
        // Values for the secrets and the account, which the Cloudflare plans need before they are made.
        let variables = ["STRIPE_KEY": "x", "MAIL_API_KEY": "x", "CLOUDFLARE_ACCOUNT_ID": "0123456789abcdef0123456789abcdef"]
        for path in paths {
            let r = CommandRunner.distlang(["deploy", "--env", environment, "--dry-run"] + path, in: app.path, environment: variables)
            #expect(r.exitCode == 0, "\(path): \(r.stderr)")
            var checked = 0
            for line in r.stdout.split(separator: "\n") where line.hasPrefix("  [") {
                let folder = String(line.dropFirst(3).prefix { $0 != "]" })
                #expect(FileManager.default.fileExists(atPath: app.appendingPathComponent(folder).path), "\(path): \(line)")
                let words = line.split(separator: " ").map(String.init)
                if let i = words.firstIndex(of: "--template-file"), words.contains("package") {
                    #expect(FileManager.default.fileExists(atPath: app.appendingPathComponent(folder).appendingPathComponent(words[i + 1]).path), "\(line)")
                }
                checked += 1
            }
            #expect(checked >= 2, "\(path): \(r.stdout)")
        }
    }
}
