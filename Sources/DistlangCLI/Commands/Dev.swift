import ArgumentParser
import DistlangDev
import DistlangModel
import DistlangSpec
import Foundation

/// `distlang dev`: the whole app on this machine (docs/dev.md), or with `--trigger` a schedule run now
/// on the host another shell started.
struct Dev: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the whole app locally: every function, route, queue, schedule and store.",
        discussion: """
            One local server (Node.js 20.6 or later; databases need 22.13 or later) runs every function of \
            one environment with the runtime the build deploys: routes as deployed (404/405), queues that \
            deliver to their consumer with retries and a dead-letter queue, schedules on demand (and on \
            their cron with --cron), and kv, buckets, queues and databases in files under the state folder \
            that survive restarts. Secrets come from .dev.vars next to the spec or the environment. Editing \
            a handler reloads it; editing the spec restarts the host when the spec is valid. \
            Ctrl-C stops it. `distlang dev --trigger FUNCTION` (from another shell) runs that function's \
            schedule now on the running host.
            """)

    @Argument(help: ArgumentHelp(SpecInput.argumentHelp, valueName: "spec"))
    var spec: String?

    @Option(help: "The environment to run (default: the spec's only one).")
    var env: String?

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: Int = 8787

    @Option(help: "The address to listen on (only this machine by default).")
    var host: String = "127.0.0.1"

    @Option(help: "The state folder (default: .distlang/dev next to the spec).")
    var state: String?

    @Flag(help: "Also run schedules on their cron, in local time.")
    var cron = false

    @Option(
        help: ArgumentHelp(
            "Run this function's schedule now on the running host (from another shell), and exit.",
            valueName: "function"))
    var trigger: String?

    @Option(
        help: ArgumentHelp(
            "With --trigger: which of the function's schedules to run (default: its first).", valueName: "cron"))
    var schedule: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        if schedule != nil && trigger == nil { throw ValidationError("--schedule goes with --trigger") }
    }

    func run() throws {
        let input = try SpecInput.resolve(spec)
        guard !input.isStandardInput else {
            throw SpecRun.usage("distlang dev needs a spec file, not standard input: it watches the file for changes")
        }
        let compiled = try SpecRun.compile(spec)
        let model = try Self.environment(env, of: compiled)
        let specDirectory = DevPaths.absolute(compiled.specDirectory)
        let paths = DevPaths(
            stateRoot: state ?? DevPaths.join(specDirectory, DevPaths.defaultStateFolder),
            environment: model.environment)
        if let trigger {
            return try DevTrigger.run(
                function: trigger, schedule: schedule, paths: paths, environment: model.environment)
        }
        let node: NodeRuntime
        do {
            node = try NodeRuntime.locate()
        } catch {
            throw SpecRun.usage("\(error)")
        }
        let session = DevSession(
            input: input, environment: model.environment, stateRoot: state, node: node,
            options: DevSession.Options(host: host, port: port, cron: cron))
        try session.run(first: compiled, model: model)
    }

    /// The environment to run: `--env`, or the spec's only one; an error lists them otherwise.
    static func environment(_ requested: String?, of compiled: CompiledSpec) throws -> AppModel {
        let names = compiled.models.map(\.environment)
        if let requested {
            guard let model = compiled.models.first(where: { $0.environment == requested }) else {
                throw SpecRun.usage(
                    "no environment \"\(requested)\" in \(compiled.file) (it has: \(names.joined(separator: ", ")))")
            }
            return model
        }
        guard compiled.models.count == 1 else {
            throw SpecRun.usage(
                "\(compiled.file) has \(names.count) environments (\(names.joined(separator: ", "))); choose one with --env"
            )
        }
        return compiled.models[0]
    }
}
