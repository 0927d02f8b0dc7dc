import Foundation

/// Large specs written by bench/gen_spec.py (deterministic), for tests at scale.
public enum GeneratedSpecs {
    /// Writes `gen_spec.py FUNCTIONS RESOURCES ENVIRONMENTS OUT --targets TARGETS` into a fresh
    /// temporary folder (with an empty `src/`, so missing sources do not matter) and returns the
    /// spec's path.
    public static func write(functions: Int, resources: Int, environments: Int = 0, targets: String = "aws") throws -> String {
        guard let python = ExternalTool.find("python3") else { throw ExternalTool.Failure(description: "python3 is not on PATH") }
        let dir = RepositoryPaths.temporaryDirectory("distlang-genspec")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("src"), withIntermediateDirectories: true)
        let spec = dir.appendingPathComponent("distlang.yaml").path
        let result = CommandRunner.run(
            python,
            [RepositoryPaths.path("bench/gen_spec.py"), "\(functions)", "\(resources)", "\(environments)", spec, "--targets", targets],
            timeout: 60)
        guard result.exitCode == 0, !result.timedOut else {
            throw ExternalTool.Failure(description: "gen_spec.py failed: \(result.stderr)")
        }
        return spec
    }
}
