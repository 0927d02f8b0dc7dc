import DistlangCore

/// One command to start, resolved: the executable, the arguments as text, the folder, the
/// variables added to the inherited environment, standard input.
public struct DeployInvocation: Sendable, Equatable {
    public var executable: String
    public var arguments: [String]
    public var directory: String
    public var environment: [String: String]
    /// Bytes for standard input; nil inherits the terminal.
    public var input: [UInt8]?
    /// Keep what the command prints (it is still shown as it comes), to read ids from it.
    public var capture: Bool
}

/// What a command did.
public struct DeployProcessResult: Sendable {
    public var status: Int32
    /// Standard output, when captured.
    public var output: String
    /// Standard error, when captured.
    public var errors: String

    public init(status: Int32, output: String = "", errors: String = "") {
        self.status = status
        self.output = output
        self.errors = errors
    }
}

/// Starting programs: the real ones (`SystemProcesses`), or a test's.
public protocol DeployProcesses {
    /// The tool's executable on PATH, or nil.
    func find(_ tool: DeployTool) -> String?
    /// Runs to completion, its output shown as it comes.
    func run(_ invocation: DeployInvocation) -> DeployProcessResult
    /// Writes a file only this user can read, for a secret handed to a tool as `file://`.
    func writePrivateFile(_ bytes: [UInt8]) throws -> String
    func removeFile(_ path: String)
}

/// How a deploy ended.
public struct DeployOutcome: Sendable {
    /// What each successful step deployed, in order.
    public var deployed: [String] = []
    /// The step that failed (its index) and why; nil when every step succeeded.
    public var failure: (step: Int, message: String)?
    /// Ids the wrangler steps found by name or created, which the spec does not have yet.
    public var newIDs: [(resource: String, id: String)] = []

    public var succeeded: Bool { failure == nil }
}

/// Runs a plan's steps in order, printing each step and its command before it runs; stops at the
/// first failure. The wrangler store steps find ids in the account's lists or create the stores,
/// and `writeBuild` hands every id to `rebuild`, which writes the build again.
public struct DeployRunner {
    public var processes: any DeployProcesses
    /// The process environment: where `.variable` values come from.
    public var environment: [String: String]
    /// The build's output folder, as the user named it (steps' folders are inside it).
    public var outDirectory: String
    /// Our own lines (steps, commands, results).
    public var print: (String) -> Void
    /// Writes the build again with these ids (resource -> id) in `targets.cloudflare.ids`.
    public var rebuild: ([String: String]) throws -> Void

    public init(
        processes: any DeployProcesses, environment: [String: String], outDirectory: String, print: @escaping (String) -> Void,
        rebuild: @escaping ([String: String]) throws -> Void = { _ in }
    ) {
        self.processes = processes
        self.environment = environment
        self.outDirectory = outDirectory
        self.print = print
        self.rebuild = rebuild
    }

    /// The tools the plan needs that are not installed, each with what installs it.
    public func missingTools(_ plan: DeployPlan) -> [DeployTool] {
        plan.tools.filter { processes.find($0) == nil }
    }

    public func run(_ plan: DeployPlan) -> DeployOutcome {
        var outcome = DeployOutcome()
        var ids: [String: String] = [:]
        for store in plan.stores { if let id = store.specID { ids[store.resource] = id } }
        print(DeployText.header(plan))
        for (index, step) in plan.steps.enumerated() {
            print(DeployText.title(step, index: index, of: plan.steps.count))
            let result = perform(step, plan: plan, ids: &ids, newIDs: &outcome.newIDs)
            switch result {
            case .done:
                if let deploys = step.deploys { outcome.deployed.append(deploys) }
            case .skipped:
                break
            case .failed(let message):
                outcome.failure = (index, message)
                return outcome
            }
        }
        for remark in plan.remarks { print("note: \(remark)") }
        return outcome
    }

    private enum StepResult {
        case done, skipped
        case failed(String)
    }

    private func perform(_ step: DeployStep, plan: DeployPlan, ids: inout [String: String], newIDs: inout [(resource: String, id: String)]) -> StepResult {
        switch step.kind {
        case .writeBuild:
            do {
                try rebuild(ids)
                print("  wrote the ids into the build")
                return .done
            } catch {
                return .failed("the build could not be written again: \(error)")
            }
        case .createStore(let resource, let kind):
            if let found = ids[resource] {
                print("  \(kind.noun) \(title(of: resource, in: plan)) exists: \(found)")
                return .skipped
            }
            guard let output = execute(step.command!, capture: true) else { return .failed(failureText(step)) }
            guard case .ok(let text) = output else { return .failed(failureText(step, output)) }
            guard let id = WranglerOutput.createdID(text, kind: kind) else {
                return .failed("wrangler printed no \(kind.noun) id (`\(step.command!.displayArguments.joined(separator: " "))`)")
            }
            ids[resource] = id
            newIDs.append((resource, id))
            print("  created: \(id)")
            return .done
        case .listStores(let kind):
            guard let output = execute(step.command!, capture: true) else { return .failed(failureText(step)) }
            guard case .ok(let text) = output else { return .failed(failureText(step, output)) }
            guard let listed = WranglerOutput.stores(text, kind: kind) else {
                return .failed("wrangler's list of \(kind.noun)s is not the JSON expected")
            }
            for store in plan.stores where store.kind == kind {
                if let specID = store.specID {
                    guard listed.values.contains(specID) else {
                        return .failed(
                            "the id of \(store.resource) in targets.cloudflare.ids (\(specID)) is not a \(kind.noun) of this account: put the right id there (`\(kind == .kv ? "wrangler kv namespace list" : "wrangler d1 list")`), or remove it to have distlang deploy find or create \(store.title)")
                    }
                } else if let id = listed[store.title] {
                    ids[store.resource] = id
                    newIDs.append((store.resource, id))
                }
            }
            return .done
        case .createQueue:
            guard let output = execute(step.command!, capture: true) else { return .failed(failureText(step)) }
            switch output {
            case .ok: return .done
            case .failed(_, let text) where WranglerOutput.queueExists(text):
                print("  the queue exists already")
                return .done
            case .failed: return .failed(failureText(step, output))
            }
        case .run:
            guard let output = execute(step.command!, capture: false) else { return .failed(failureText(step)) }
            if case .failed = output { return .failed(failureText(step, output)) }
            return .done
        }
    }

    private func title(of resource: String, in plan: DeployPlan) -> String {
        plan.stores.first { $0.resource == resource }?.title ?? resource
    }

    private enum CommandOutput {
        case ok(String)
        case failed(Int32, String)
    }

    /// Runs a command (printing it first); nil when it could not even be prepared (a file for a secret).
    private func execute(_ command: DeployCommand, capture: Bool) -> CommandOutput? {
        print("  " + DeployText.commandLine(command, outDirectory: outDirectory))
        var files: [String] = []
        defer { files.forEach(processes.removeFile) }
        var arguments: [String] = []
        for argument in command.arguments {
            switch argument {
            case .text(let text): arguments.append(text)
            case .fileHoldingVariable(let name):
                guard let path = try? processes.writePrivateFile(Array((environment[name] ?? "").utf8)) else { return nil }
                files.append(path)
                arguments.append("file://" + path)
            }
        }
        var variables: [String: String] = [:]
        for (name, value) in command.environment { variables[name] = resolve(value) }
        let invocation = DeployInvocation(
            executable: processes.find(command.tool) ?? command.tool.executable, arguments: arguments,
            directory: command.directory == "." ? outDirectory : outDirectory + "/" + command.directory,
            environment: variables, input: command.input.map { Array(resolve($0).utf8) }, capture: capture)
        let result = processes.run(invocation)
        return result.status == 0 ? .ok(result.output) : .failed(result.status, result.output + "\n" + result.errors)
    }

    private func resolve(_ value: DeployValue) -> String {
        switch value {
        case .literal(let text): return text
        case .variable(let name): return environment[name] ?? ""
        }
    }

    private func failureText(_ step: DeployStep, _ output: CommandOutput? = nil) -> String {
        // The tool and its subcommand: the words before the first option (`aws cloudformation deploy`).
        let tool = step.command.map { command in
            "`" + ([command.tool.executable] + command.displayArguments.prefix { !$0.hasPrefix("-") }.prefix(3)).joined(separator: " ") + "`"
        } ?? "the step"
        switch output {
        case .failed(let status, _)?: return "\(tool) exited with status \(status)"
        default: return "\(tool) could not be started"
        }
    }
}
