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

    /// `spec` nil: the spec found from the current folder.
    init(spec: String?, out: String?, environments: [String], targets: [TargetKind], cloudFormationFormats: Set<CloudFormationFormat>) throws {
        compiled = try SpecRun.compile(spec)
        self.spec = compiled.file
        outDirectory = out ?? BuildPaths.defaultOutput(forSpec: compiled.file)
        var request = BuildRequest(
            environments: environments.isEmpty ? nil : Set(environments), targets: targets.isEmpty ? nil : Set(targets),
            cloudFormationFormats: cloudFormationFormats,
            specDirectoryFromOutput: BuildPaths.relative(from: outDirectory, to: compiled.specDirectory),
            specFiles: DirectorySpecFiles(compiled.specDirectory))
        if let sourceMap = compiled.document?.sourceMap { request.locateInSpec = { sourceMap.location(of: $0) } }
        self.request = request
        do {
            plan = try Builder(emitters: TargetEmitters.all).plan(
                models: compiled.models, specFile: compiled.file, specText: compiled.text ?? "", request: request)
        } catch let error as BuildRequestError {
            throw SpecRun.usage(error.description)
        }
        // A large plan takes a second to tear down; the command ends soon after, so skip that.
        ProcessLifetime.keepUntilExit(plan)
        if !plan.diagnostics.isEmpty {
            let output = DiagnosticOutput(format: .text)
            if let text = compiled.text { output.sources.register(file: compiled.file, text: text) }
            let placed = plan.diagnostics.map { Self.place($0, in: compiled.document) }
            output.emit(placed)
            if plan.hasErrors {
                output.summary(placed, success: "")
                throw ExitCode(1)
            }
        }
    }

    /// A build problem the emitters found, placed in the spec: at its pointer, or, when it has no
    /// single line (two names that map onto one identifier, a template over a quota), at the settings
    /// of its target (`targets.aws`).
    static func place(_ d: Diagnostic, in document: Document?) -> Diagnostic {
        guard d.location == nil, let document else { return d }
        var d = d
        let target = d.code.split(separator: ".").first.map(String.init) ?? ""
        let pointer = d.pointer ?? JSONPointer(tokens: ["targets", target])
        guard document.sourceMap.contains(pointer) else { return d }
        d.location = document.sourceMap.keyLocation(of: pointer)
        d.pointer = pointer
        return d
    }

    /// The differ, with the AWS IAM actions behind each access.
    static var differ: Differ { Differ(actions: TargetEmitters.iamActions) }
}
