import Foundation
import TestSupport

/// The external checkers of the AWS tests; each call is bounded by a timeout.
enum Checkers {
    static func fixture(_ name: String) -> String { RepositoryPaths.path("Tests/DistlangAWSTests/Fixtures/\(name)") }

    /// A required tool: nil when it may be skipped (absent and checkers not required).
    static func tool(_ name: String) throws -> String? {
        if let path = ExternalTool.find(name) { return path }
        if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "\(name) is not on PATH") }
        return nil
    }

    /// Runs a Python fixture script with python3; its stdout must be JSON.
    static func python(_ script: String, _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval)
        throws -> (result: CommandResult, json: Any?)
    {
        guard let python = ExternalTool.find("python3") else { throw ExternalTool.Failure(description: "python3 is not on PATH") }
        let result = CommandRunner.run(python, [fixture(script)] + arguments, environment: environment, timeout: timeout)
        if result.timedOut { throw ExternalTool.Failure(description: "\(script) timed out after \(Int(timeout)) s") }
        let json = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (result, json)
    }

    static var checkov: String? {
        let path = RepositoryPaths.path(".tools/venv-checkov/bin/checkov")
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
