import Foundation
import TestSupport

/// `terraform init -backend=false` once, from the local provider mirror only (`TerraformMirror`),
/// then `terraform validate` per root with the initialised `.terraform` linked in.
struct TerraformRunner {
    static let mirror = TerraformMirror.mirror
    static let providerBinary = TerraformMirror.providerBinary

    let terraform: String
    let work: URL
    let environment: [String: String]

    /// Nil when terraform or the mirror is missing and checkers are not required.
    static func make() throws -> TerraformRunner? {
        guard TerraformMirror.isAvailable, let terraform = ExternalTool.find("terraform") else {
            if ExternalTool.checkersRequired {
                throw ExternalTool.Failure(description: "terraform or the provider mirror \(mirror)/\(providerBinary) is missing")
            }
            return nil
        }
        let work = RepositoryPaths.temporaryDirectory("distlang-tf")
        return TerraformRunner(terraform: terraform, work: work, environment: try TerraformMirror.environment(configIn: work))
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
