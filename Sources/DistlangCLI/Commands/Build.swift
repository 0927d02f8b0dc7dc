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

    enum CloudFormationFormatOption: String, ExpressibleByArgument {
        case yaml, json, both
        var formats: Set<CloudFormationFormat> { self == .both ? [.yaml, .json] : self == .json ? [.json] : [.yaml] }
    }

    @Argument(help: ArgumentHelp(SpecInput.argumentHelp, valueName: "spec"))
    var spec: String?

    @Option(help: "The output folder (default: dist next to the spec).")
    var out: String?

    @Option(help: "Only this environment (repeatable).")
    var env: [String] = []

    @Option(help: "Only this target (repeatable).")
    var target: [TargetKind] = []

    @Option(help: "CloudFormation format: yaml, json or both.")
    var cfnFormat: CloudFormationFormatOption = .yaml

    @OptionGroup var chatter: QuietOption

    func run() throws {
        let pipeline = try BuildPipeline(spec: spec, out: out, environments: env, targets: target, cloudFormationFormats: cfnFormat.formats)
        if let stale = TypesFile.staleness(of: pipeline.compiled) { DiagnosticOutput(format: .text).emit([stale]) }
        let written = try pipeline.write()
        guard !chatter.quiet else { return }
        StageTimings.measure("output") {
            Terminal.write(BuildSummary.text(
                plan: pipeline.plan, report: written.report, outDirectory: pipeline.outDirectory, diff: written.diff,
                hadPrevious: written.hadPrevious))
        }
    }
}

/// The lines `distlang build` ends with: one per target, then what changed since the previous build.
enum BuildSummary {
    static func text(plan: BuildPlan, report: WriteReport, outDirectory: String, diff: BuildDiff, hadPrevious: Bool) -> String {
        var out = ""
        for t in plan.scope.targets.sorted() {
            let files = plan.files.filter { $0.target == t }.count
            let resources = plan.manifest.resources.filter { $0.target == t }.count
            let envs = Set(plan.manifest.resources.filter { $0.target == t }.map(\.environment)).count
            out += "\(t.rawValue): \(files) file\(files == 1 ? "" : "s"), \(resources) resource\(resources == 1 ? "" : "s") in \(envs) environment\(envs == 1 ? "" : "s")\n"
            for note in plan.notes[t] ?? [] { out += "  note: \(note)\n" }
        }
        out += "wrote \(outDirectory): \(report.written.count) changed, \(report.unchanged.count) unchanged, \(report.removed.count) removed\n"
        for kept in report.keptEdited { out += "  kept \(kept): edited since distlang wrote it\n" }
        out += hadPrevious ? "compared with the previous build: \(DiffRendering.summary(diff))\n" : "first build: \(DiffRendering.summary(diff))\n"
        return out
    }
}
