import ArgumentParser
import DistlangBuild
import DistlangCore
import DistlangModel
import DistlangSpec

/// The steps `build` and `diff` share: compile the spec, then plan the build in memory.
struct BuildPipeline {
    let spec: String
    let outDirectory: String
    let compiled: CompiledSpec
    /// What was asked of the builder (`diff --against-git` builds the old spec the same way).
    let request: BuildRequest
    let plan: BuildPlan

    init(spec: String, out: String?, environments: [String], targets: [TargetKind], cloudFormationFormats: Set<CloudFormationFormat>) throws {
        self.spec = spec
        compiled = try SpecRun.compile(spec)
        outDirectory = out ?? BuildPaths.defaultOutput(forSpec: spec)
        request = BuildRequest(
            environments: environments.isEmpty ? nil : Set(environments), targets: targets.isEmpty ? nil : Set(targets),
            cloudFormationFormats: cloudFormationFormats,
            specDirectoryFromOutput: BuildPaths.relative(from: outDirectory, to: compiled.specDirectory),
            specFiles: DirectorySpecFiles(compiled.specDirectory))
        do {
            plan = try Builder(emitters: TargetEmitters.all).plan(
                models: compiled.models, specFile: spec, specText: compiled.text ?? "", request: request)
        } catch let error as BuildRequestError {
            throw SpecRun.usage(error.description)
        }
        // A large plan takes a second to tear down; the command ends soon after, so skip that.
        ProcessLifetime.keepUntilExit(plan)
        if !plan.diagnostics.isEmpty {
            let output = DiagnosticOutput(format: .text)
            if let text = compiled.text { output.sources.register(file: spec, text: text) }
            output.emit(plan.diagnostics)
            if plan.hasErrors {
                output.summary(plan.diagnostics, success: "")
                throw ExitCode(1)
            }
        }
    }

    /// The differ, with the AWS IAM actions behind each access.
    static var differ: Differ { Differ(actions: TargetEmitters.iamActions) }
}
