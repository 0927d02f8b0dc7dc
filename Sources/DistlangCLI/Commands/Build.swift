import ArgumentParser
import DistlangBuild
import DistlangCore
import DistlangModel
import Foundation

extension TargetKind: ExpressibleByArgument {}

/// `distlang build` (also `distlang transpile`): write every target's files for the spec.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Transpile the spec into each target's deployment files.",
        discussion: """
            Writes dist/ next to the spec (or --out DIR): cloudflare/wrangler/<function>/wrangler.toml, \
            cloudflare/terraform/<env>/, aws/cloudformation/<env>.yaml, aws/terraform/<env>/ and \
            distlang-manifest.json. A failed build writes nothing.
            """,
        aliases: ["transpile"]
    )

    enum CloudFormationFormatOption: String, ExpressibleByArgument { case yaml, json, both }

    @Argument(help: "The spec (default: ./distlang.yaml).")
    var spec = "distlang.yaml"

    @Option(help: "The output folder (default: dist next to the spec).")
    var out: String?

    @Option(help: "Only this environment (repeatable).")
    var env: [String] = []

    @Option(help: "Only this target: cloudflare or aws (repeatable).")
    var target: [TargetKind] = []

    @Option(help: "CloudFormation format: yaml, json or both.")
    var cfnFormat: CloudFormationFormatOption = .yaml

    func run() throws {
        let compiled = try SpecRun.compile(spec)
        let outDirectory = out ?? BuildPaths.defaultOutput(forSpec: spec)
        let request = BuildRequest(
            environments: env.isEmpty ? nil : Set(env), targets: target.isEmpty ? nil : Set(target),
            cloudFormationFormats: cfnFormat == .both ? [.yaml, .json] : cfnFormat == .json ? [.json] : [.yaml],
            specDirectoryFromOutput: BuildPaths.relative(from: outDirectory, to: compiled.specDirectory))
        let plan: BuildPlan
        do {
            plan = try Builder(emitters: TargetEmitters.all).plan(
                models: compiled.models, specFile: spec, specText: compiled.text ?? "", request: request)
        } catch let error as BuildRequestError {
            throw SpecRun.usage(error.description)
        }
        if !plan.diagnostics.isEmpty {
            let output = DiagnosticOutput(format: .text)
            if let text = compiled.text { output.sources.register(file: spec, text: text) }
            output.emit(plan.diagnostics)
            if plan.hasErrors {
                output.summary(plan.diagnostics, success: "")
                throw ExitCode(1)
            }
        }
        let report: WriteReport
        do {
            report = try OutputWriter().write(plan, to: outDirectory)
        } catch {
            Terminal.writeError("error: \(error)\n")
            throw ExitCode(2)
        }
        Terminal.write(BuildSummary.text(plan: plan, report: report, outDirectory: outDirectory))
    }
}

/// The lines `distlang build` ends with.
enum BuildSummary {
    static func text(plan: BuildPlan, report: WriteReport, outDirectory: String) -> String {
        var out = ""
        for t in plan.scope.targets.sorted() {
            let files = plan.files.filter { $0.target == t }.count
            let resources = plan.manifest.resources.filter { $0.target == t }.count
            out += "\(t.rawValue): \(files) file\(files == 1 ? "" : "s"), \(resources) resource\(resources == 1 ? "" : "s")\n"
            for note in plan.notes[t] ?? [] { out += "  note: \(note)\n" }
        }
        out += "wrote \(outDirectory): \(report.written.count) changed, \(report.unchanged.count) unchanged, \(report.removed.count) removed\n"
        for kept in report.keptEdited { out += "  kept \(kept): edited since distlang wrote it\n" }
        return out
    }
}
