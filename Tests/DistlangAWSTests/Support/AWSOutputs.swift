import DistlangAWS
import DistlangCore
import DistlangModel
import Foundation
import TestSupport

/// Emits models with the AWS emitter and writes the files to temporary folders for the checkers.
enum AWSOutputs {
    static func emit(_ models: [AppModel], formats: Set<CloudFormationFormat> = [.yaml, .json]) -> TargetOutput {
        AWSEmitter().emit(models, options: EmitOptions(specDirectoryFromOutput: "..", cloudFormationFormats: formats))
    }

    /// Writes every file under a fresh temporary folder (paths as emitted) and returns the folder.
    static func write(_ output: TargetOutput, prefix: String = "aws") throws -> URL {
        let dir = RepositoryPaths.temporaryDirectory("distlang-\(prefix)")
        for file in output.files {
            let url = dir.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
        return dir
    }

    static func templates(_ output: TargetOutput, _ ext: String) -> [EmittedFile] {
        output.files.filter { $0.path.hasPrefix("aws/cloudformation/") && $0.path.hasSuffix("." + ext) }
    }

    /// The Terraform root folders (relative paths), sorted.
    static func terraformRoots(_ output: TargetOutput) -> [String] {
        Set(output.files.filter { $0.path.hasPrefix("aws/terraform/") }.map { ($0.path as NSString).deletingLastPathComponent })
            .sorted()
    }

    static func errors(_ output: TargetOutput) -> [Diagnostic] { output.diagnostics.filter { $0.severity == .error } }
}
