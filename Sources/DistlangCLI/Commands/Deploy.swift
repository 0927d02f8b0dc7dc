import ArgumentParser
import DistlangBuild
import DistlangCore
import DistlangDeploy
import DistlangModel
import DistlangSpec
import Foundation

extension DeployVia: ExpressibleByArgument {}

/// `distlang deploy`: build one environment of one target, then run the tools that deploy it
/// (docs/deploy.md). The plan of commands comes from `DistlangDeploy`; this file only wires it.
struct Deploy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, then deploy one environment with the target's own tools.",
        discussion: """
            aws: aws cloudformation package + deploy (or --via terraform: terraform init + apply). \
            cloudflare: wrangler (queues, KV and D1 created first, secrets, wrangler deploy per Worker; or \
            --via terraform). Each command is printed before it runs. Credentials come from the tools' own \
            configuration. Exit codes: 0 deployed; 1 the spec is invalid; 2 usage error, a missing tool, \
            secret or code bucket (nothing ran); 3 a step failed (what was deployed before it is listed).
            """
    )

    @Argument(help: ArgumentHelp(SpecInput.argumentHelp, valueName: "spec"))
    var spec: String?

    @Option(help: "The environment to deploy (default when the spec has none).")
    var env: String?

    @Option(help: "The target: aws or cloudflare.")
    var target: TargetKind

    @Option(help: "The tool: cloudformation or terraform for aws (default cloudformation), wrangler or terraform for cloudflare (default wrangler).")
    var via: DeployVia?

    @Option(help: "The S3 bucket aws cloudformation package uploads the code to (default: targets.aws.code_bucket).")
    var codeBucket: String?

    @Option(help: "The output folder (default: dist next to the spec).")
    var out: String?

    @Flag(help: "Print the plan of commands; build in memory only, write and run nothing.")
    var dryRun = false

    @Flag(name: [.short, .long], help: "Do not ask: terraform apply -auto-approve.")
    var yes = false

    func run() throws {
        let compiled = try SpecRun.compile(spec, compiler: .withoutStoreIDRule)
        let environment = env ?? AppModel.defaultEnvironment
        guard let model = compiled.models.first(where: { $0.environment == environment }) else {
            let names = compiled.models.map(\.environment).sorted().joined(separator: ", ")
            throw SpecRun.usage(env == nil
                ? "the spec has environments (\(names)): choose one with --env"
                : "no environment \"\(environment)\" in the spec (it has: \(names))")
        }
        let request = DeployRequest(environment: environment, target: target, via: via, codeBucket: codeBucket, autoApprove: yes)
        let processEnvironment = ProcessInfo.processInfo.environment
        let plan: DeployPlan
        do {
            plan = try DeployPlanner(environmentNames: Set(processEnvironment.keys)).plan(model, request)
        } catch let error as DeployPlanError {
            throw SpecRun.usage(error.description)
        }
        let build = { (models: [AppModel]?) in
            try BuildPipeline(
                compiled: compiled, models: models, out: out, environments: [environment], targets: [target], cloudFormationFormats: [.yaml])
        }
        let pipeline = try build(nil)
        let runner = DeployRunner(
            processes: SystemProcesses(environment: processEnvironment), environment: processEnvironment,
            outDirectory: pipeline.outDirectory, print: { Terminal.write($0 + "\n") },
            rebuild: { ids in _ = try build(Self.models(compiled.models, ids: ids, environment: environment)).write() })
        if dryRun {
            Terminal.write("dry run: nothing is written or run; the build is checked in memory (\(pipeline.plan.files.count) files)\n")
            Terminal.write(DeployText.plan(plan, outDirectory: pipeline.outDirectory))
            for tool in runner.missingTools(plan) { Terminal.write("note: \(tool.executable) is not installed: \(tool.installHint)\n") }
            for file in plan.missingFiles(in: Set(pipeline.plan.files.map(\.file.path))) {
                Terminal.write("note: the build has no \(file.path): \(file.fix)\n")
            }
            return
        }
        let missingFiles = plan.missingFiles(in: Set(pipeline.plan.files.map(\.file.path)))
        guard missingFiles.isEmpty else {
            throw SpecRun.usage("the build has no \(missingFiles[0].path): \(missingFiles[0].fix)")
        }
        let missing = runner.missingTools(plan)
        guard missing.isEmpty else {
            throw SpecRun.usage(missing.map { "\($0.executable) is not installed (or not on PATH): \($0.installHint)" }.joined(separator: "\nerror: "))
        }
        let written = try pipeline.write()
        Terminal.write("built \(pipeline.outDirectory): \(written.report.written.count) changed, \(written.report.unchanged.count) unchanged\n")
        let outcome = runner.run(plan)
        if !outcome.newIDs.isEmpty {
            Terminal.write(DeployText.idsToAdd(outcome.newIDs, environment: environment, isDefault: model.isDefaultEnvironment))
        }
        if let failure = outcome.failure {
            let step = plan.steps[failure.step]
            Terminal.writeError("error: step \(failure.step + 1) of \(plan.steps.count) failed (\(step.summary)): \(failure.message)\n")
            Terminal.writeError(outcome.deployed.isEmpty
                ? "nothing was deployed before it\n"
                : "deployed before the failure:\n" + outcome.deployed.map { "  \($0)\n" }.joined())
            throw ExitCode(3)
        }
        Terminal.write("deployed:\n" + outcome.deployed.map { "  \($0)\n" }.joined())
    }

    /// The models with `ids` added to the environment's `targets.cloudflare.ids`.
    static func models(_ models: [AppModel], ids: [String: String], environment: String) -> [AppModel] {
        models.map { model in
            guard model.environment == environment, model.targets.cloudflare != nil else { return model }
            var model = model
            for (resource, id) in ids { model.targets.cloudflare!.ids[resource] = id }
            return model
        }
    }
}
