import Foundation
import TestSupport

/// `terraform init -backend=false` once, from the local provider mirror only, then
/// `terraform validate` per root with the initialised `.terraform` linked in.
///
/// The CLI config allows only the filesystem mirror (no registry); TF_PLUGIN_CACHE_DIR is
/// cleared; checkpoint calls are disabled.
struct TerraformRunner {
    static let mirror = "/opt/tf-plugins"
    static let providerBinary = "registry.terraform.io/hashicorp/aws/5.100.0/linux_amd64/terraform-provider-aws_v5.100.0_x5"

    let terraform: String
    let work: URL
    let environment: [String: String]

    /// Nil when terraform or the mirror is missing and checkers are not required.
    static func make() throws -> TerraformRunner? {
        let terraform = ExternalTool.find("terraform")
        let mirrorOK = FileManager.default.fileExists(atPath: "\(mirror)/\(providerBinary)")
        guard let terraform, mirrorOK else {
            if ExternalTool.checkersRequired {
                throw ExternalTool.Failure(description: "terraform or the provider mirror \(mirror)/\(providerBinary) is missing")
            }
            return nil
        }
        let work = RepositoryPaths.temporaryDirectory("distlang-tf")
        let config = work.appendingPathComponent("cli.tfrc")
        try """
            provider_installation {
              filesystem_mirror {
                path = "\(mirror)"
              }
              direct {
                exclude = ["registry.terraform.io/*/*"]
              }
            }

            """.write(to: config, atomically: true, encoding: .utf8)
        let env = [
            "TF_CLI_CONFIG_FILE": config.path, "CHECKPOINT_DISABLE": "1", "TF_PLUGIN_CACHE_DIR": "",
            "TF_IN_AUTOMATION": "1",
        ]
        return TerraformRunner(terraform: terraform, work: work, environment: env)
    }

    /// Initialises a root holding only `versions` (the generated versions.tf) and returns it.
    func initialise(versions: String) throws -> URL {
        let dir = work.appendingPathComponent("init")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try versions.write(to: dir.appendingPathComponent("versions.tf"), atomically: true, encoding: .utf8)
        let result = CommandRunner.run(
            terraform, ["init", "-backend=false", "-input=false", "-no-color"], in: dir.path, environment: environment,
            timeout: 180)
        guard result.exitCode == 0, !result.timedOut else {
            throw ExternalTool.Failure(description: "terraform init failed:\n\(result.stdout)\n\(result.stderr)")
        }
        return dir
    }

    /// `terraform validate -json` in a copy of `root` sharing the initialised providers.
    /// `terraform validate` hashes each function's zip (`source_code_hash`): each zip a root names
    /// (`../../code/<function>.zip` from the root) is copied to where the same path leads from the
    /// copied root, `<work>/code/`; a root written without its build (the broken-root check) gets an
    /// empty archive there.
    static func copyZips(for text: String, from root: String, beside work: URL) throws {
        let code = work.appendingPathComponent("code")
        try FileManager.default.createDirectory(at: code, withIntermediateDirectories: true)
        var rest = Substring(text)
        while let start = rest.range(of: "/../../code/") {
            rest = rest[start.upperBound...]
            guard let end = rest.range(of: ".zip\"") else { break }
            let name = String(rest[..<end.lowerBound]) + ".zip"
            let target = code.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            if FileManager.default.fileExists(atPath: root + "/../../code/" + name) {
                try FileManager.default.copyItem(atPath: root + "/../../code/" + name, toPath: target.path)
            } else {
                try Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)).write(to: target)  // no entries
            }
        }
    }

    func validate(root: String, initialised: URL) throws -> (valid: Bool, report: String) {
        let copy = work.appendingPathComponent("roots").appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: root) where name.hasSuffix(".tf") {
            try FileManager.default.copyItem(atPath: root + "/" + name, toPath: copy.appendingPathComponent(name).path)
            try Self.copyZips(for: String(contentsOfFile: root + "/" + name, encoding: .utf8), from: root, beside: work)
        }
        try FileManager.default.createSymbolicLink(
            at: copy.appendingPathComponent(".terraform"), withDestinationURL: initialised.appendingPathComponent(".terraform"))
        try FileManager.default.copyItem(
            at: initialised.appendingPathComponent(".terraform.lock.hcl"), to: copy.appendingPathComponent(".terraform.lock.hcl"))
        let result = CommandRunner.run(
            terraform, ["validate", "-json", "-no-color"], in: copy.path, environment: environment, timeout: 180)
        if result.timedOut { throw ExternalTool.Failure(description: "terraform validate timed out in \(root)") }
        let json = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let valid = result.exitCode == 0 && (json?["valid"] as? Bool) == true
            && (json?["warning_count"] as? Int) == 0
        return (valid, result.stdout + result.stderr)
    }
}
