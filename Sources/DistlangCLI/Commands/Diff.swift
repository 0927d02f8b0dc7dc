import ArgumentParser
import DistlangBuild
import DistlangCore
import DistlangModel
import Foundation

/// `distlang diff`: what a build would change, resource by resource, against a previous build.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what building the spec would change compared with a previous build.",
        discussion: """
            Compares the build the spec would produce now with a previous build: dist/ next to the spec \
            by default, another build's folder (--against DIR), or a git revision (--against-git REF: the \
            manifest committed there, or else the spec committed there built from git objects; no checkout). \
            A baseline that cannot be read is an error, never an empty comparison; only the default dist/ \
            may be missing (a first build, said on standard error). Exit codes: 0, or with --exit-code 1 \
            when anything changes, or with --fail-on data-loss 1 when a stateful resource would be deleted \
            or replaced; 2 usage or I/O error, or no baseline.
            """
    )

    enum Format: String, ExpressibleByArgument { case text, json, markdown }
    enum FailOn: String, ExpressibleByArgument { case dataLoss = "data-loss", any }
    enum ColorChoice: String, ExpressibleByArgument { case auto, always, never }

    @Argument(help: ArgumentHelp(SpecInput.argumentHelp, valueName: "spec"))
    var spec: String?

    @Option(help: "The folder holding the previous build (default: dist next to the spec).")
    var against: String?

    @Option(name: .customLong("against-git"), help: "Compare with a git revision: its committed manifest, or its spec built from git objects.")
    var againstGit: String?

    @Option(help: "The output folder the build uses (the default baseline; where --against-git looks for a committed manifest).")
    var out: String?

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(help: "Each output format on its own (by default a change is shown once for the formats of a provider it touches).")
    var verbose = false

    @Flag(help: "One line per changed resource (text and markdown).")
    var summary = false

    @Option(help: "Colour the text report: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "Exit 1 when anything changes.")
    var exitCode = false

    @Option(help: "Exit 1 only for these changes: data-loss (or any). Needs a baseline: without one, exit 2.")
    var failOn: FailOn?

    func validate() throws {
        if against != nil && againstGit != nil { throw ValidationError("use --against or --against-git, not both") }
    }

    func run() throws {
        let pipeline = try BuildPipeline(spec: spec, out: out, environments: [], targets: [], cloudFormationFormats: [.yaml])
        let baseline = try StageTimings.measure("previous build") { try findBaseline(pipeline) }
        var diff = StageTimings.measure("diff") { BuildPipeline.differ.diff(previous: baseline.manifest, current: pipeline.plan.manifest) }
        diff.baseline = baseline.origin
        let options = DiffRendering.Options(
            color: color == .always || (color == .auto && Terminal.colorEnabled(fileDescriptor: STDOUT_FILENO)),
            verbose: verbose, summary: summary)
        StageTimings.measure("output") {
            switch format {
            case .text: Terminal.write(DiffRendering.text(diff, options: options))
            case .json: Terminal.write(DiffRendering.json(diff))
            case .markdown: Terminal.write(DiffRendering.markdown(diff, options: options))
            }
        }
        if (exitCode || failOn == .any) && !diff.isEmpty { throw ExitCode(1) }
        if failOn == .dataLoss && diff.hasDataLoss { throw ExitCode(1) }
    }

    /// The baseline the flags name. Only the implicit one may be missing, and not with `--fail-on`
    /// (a gate with nothing to compare with would pass whatever the change).
    private func findBaseline(_ pipeline: BuildPipeline) throws -> Baseline {
        do {
            if let againstGit {
                return try GitBaseline.find(revision: againstGit, spec: pipeline.spec, outDirectory: pipeline.outDirectory, request: pipeline.request)
            }
            if let against { return try DirectoryBaseline.explicit(against) }
            let baseline = try DirectoryBaseline.implicit(pipeline.outDirectory)
            if case .firstBuild(let directory) = baseline.origin {
                let manifest = joinPath(directory, Manifest.fileName)
                if let failOn {
                    throw BaselineError(
                        "--fail-on \(failOn.rawValue) needs a previous build to compare with, and there is no previous build in \(directory)",
                        lookedFor: [manifest],
                        hint: "name one: --against-git REF (the base branch; its dist/ need not be committed) or --against DIR; or build first")
                }
                Terminal.writeError("note: first build: there is no previous build in \(directory) (no \(manifest)), so everything is new\n")
            }
            return baseline
        } catch let error as BaselineError {
            Terminal.writeError("error: \(error.description)\n")
            if let source = error.source, !error.diagnostics.isEmpty {
                let output = DiagnosticOutput(format: .text)
                output.sources.register(file: source.file, text: source.text)
                output.emit(error.diagnostics)
            }
            throw ExitCode(2)
        }
    }
}
