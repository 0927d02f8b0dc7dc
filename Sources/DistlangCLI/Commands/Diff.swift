import ArgumentParser
import DistlangBuild
import DistlangCore

/// `distlang diff`: what a build would change, resource by resource, against a previous build.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what building the spec would change compared with a previous build.",
        discussion: """
            Compares the build the spec would produce now with the manifest of a previous build: dist/ \
            next to the spec by default, another folder (--against DIR), or a git revision (--against-git REF, \
            read from git objects without a checkout). Exit codes: 0, or with --exit-code 1 when anything \
            changes, or with --fail-on data-loss 1 when a stateful resource would be removed or replaced; \
            2 usage or I/O error.
            """
    )

    enum Format: String, ExpressibleByArgument { case text, json, markdown }
    enum FailOn: String, ExpressibleByArgument { case dataLoss = "data-loss", any }

    @Argument(help: ArgumentHelp(SpecInput.argumentHelp, valueName: "spec"))
    var spec: String?

    @Option(help: "The folder holding the previous build (default: dist next to the spec).")
    var against: String?

    @Option(name: .customLong("against-git"), help: "Compare with the build committed in this git revision.")
    var againstGit: String?

    @Option(help: "The output folder the build uses (where --against-git looks for the manifest).")
    var out: String?

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(help: "Exit 1 when anything changes.")
    var exitCode = false

    @Option(help: "Exit 1 only for these changes: data-loss (or any).")
    var failOn: FailOn?

    func validate() throws {
        if against != nil && againstGit != nil { throw ValidationError("use --against or --against-git, not both") }
    }

    func run() throws {
        let pipeline = try BuildPipeline(spec: spec, out: out, environments: [], targets: [], cloudFormationFormats: [.yaml])
        let previous: Manifest?
        do {
            previous = try StageTimings.measure("previous build") {
                if let againstGit {
                    return try PreviousBuild.fromGit(revision: againstGit, outputDirectory: pipeline.outDirectory)
                }
                return try PreviousBuild.fromDirectory(against ?? pipeline.outDirectory)
            }
        } catch {
            throw SpecRun.usage("\(error)")
        }
        let diff = StageTimings.measure("diff") { BuildPipeline.differ.diff(previous: previous, current: pipeline.plan.manifest) }
        StageTimings.measure("output") {
            switch format {
            case .text: Terminal.write(DiffRendering.text(diff))
            case .json: Terminal.write(DiffRendering.json(diff))
            case .markdown: Terminal.write(DiffRendering.markdown(diff))
            }
        }
        if (exitCode || failOn == .any) && !diff.isEmpty { throw ExitCode(1) }
        if failOn == .dataLoss && diff.hasDataLoss { throw ExitCode(1) }
    }
}
