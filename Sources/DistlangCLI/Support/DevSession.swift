import ArgumentParser
import DistlangDev
import DistlangModel
import DistlangSpec
import Foundation

/// A running `distlang dev`: writes the host's files, runs the host (Node.js), and watches what the
/// host reads only at start (the spec, `.dev.vars`, migrations). A change re-validates the spec: when
/// it has errors they are printed as `validate` prints them and the running host stays; when it is
/// valid and what the host runs changed, the host restarts on the same port (stored data stays, in
/// files). Handler edits are the host's own business (it reloads the function). Ctrl-C, SIGTERM or
/// SIGHUP stop the host cleanly, then `distlang dev` exits 0.
final class DevSession {
    struct Options {
        var host: String
        var port: Int
        var cron: Bool
    }

    let input: SpecInput
    let environment: String
    let stateRoot: String?
    let node: NodeRuntime
    var options: Options
    private var host: DevHostProcess?
    private var manifest: DevManifest?
    private var watch = DevWatch(files: [], folders: [])
    private let stop = StopRequest()

    /// How often the watched files are checked.
    static let pollInterval: TimeInterval = 0.25
    /// How long a starting host may take to listen (it loads every function first).
    static let startTimeout: TimeInterval = 60

    init(input: SpecInput, environment: String, stateRoot: String?, node: NodeRuntime, options: Options) {
        self.input = input
        self.environment = environment
        self.stateRoot = stateRoot
        self.node = node
        self.options = options
    }

    func run(first compiled: CompiledSpec, model: AppModel) throws {
        let signals = stop.install()
        defer { signals.forEach { $0.cancel() } }
        let manifest = makeManifest(compiled, model)
        watch = watchOf(manifest)
        switch start(manifest) {
        case .ready: break
        case .failed(let code): throw ExitCode(code)
        }
        var lastCheck = Date()
        while !stop.requested {
            usleep(50_000)
            if let host, let code = host.poll() {
                Terminal.writeError("distlang dev: the host stopped (exit code \(code))\n")
                throw ExitCode(code == 0 ? 1 : code)
            }
            guard Date().timeIntervalSince(lastCheck) >= Self.pollInterval else { continue }
            lastCheck = Date()
            let now = watchOf(self.manifest ?? manifest)
            let changed = now.changes(since: watch)
            if !changed.isEmpty {
                watch = now
                respond(to: changed)
            }
        }
        host?.stop()
    }

    // MARK: - Starting and restarting

    enum Start { case ready, failed(Int32) }

    /// Writes the host's files and starts it; waits until it listens (or fails).
    private func start(_ manifest: DevManifest) -> Start {
        let paths = self.paths(manifest)
        do {
            try DevHostFolder.write(manifest, to: paths)
        } catch {
            Terminal.writeError("error: cannot write \(paths.hostFolder): \(error.localizedDescription)\n")
            return .failed(2)
        }
        var arguments = [
            paths.mainModule, paths.manifest, "--host", options.host, "--port", String(options.port), "--lifeline",
        ]
        if options.cron { arguments.append("--cron") }
        let process: DevHostProcess
        do {
            process = try DevHostProcess.start(node: node.path, arguments: arguments)
        } catch {
            Terminal.writeError("error: \(error)\n")
            return .failed(2)
        }
        let deadline = Date().addingTimeInterval(Self.startTimeout)
        while true {
            if let code = process.poll() { return .failed(code == 0 ? 1 : code) }
            if let ready = ReadyFile.read(paths.readyFile), ready.pid == process.pid {
                // A restart keeps the port, even one the system picked (--port 0).
                options.port = ready.port
                host = process
                self.manifest = manifest
                return .ready
            }
            if Date() > deadline || stop.requested {
                process.stop()
                if !stop.requested {
                    Terminal.writeError(
                        "error: the dev host did not start listening within \(Int(Self.startTimeout)) s\n")
                }
                return .failed(stop.requested ? 0 : 1)
            }
            usleep(20_000)
        }
    }

    /// A watched file changed: re-validate, and restart the host when what it runs changed.
    private func respond(to changed: [String]) {
        let names = changed.map(shown).joined(separator: ", ")
        Terminal.write("distlang dev: \(names) changed\n")
        let compiled = SpecRun.report(input)
        if compiled.hasErrors || compiled.isIOError {
            Terminal.writeError("distlang dev: the spec has errors; still running the previous version\n")
            return
        }
        guard let model = compiled.models.first(where: { $0.environment == environment }) else {
            let names = compiled.models.map(\.environment).joined(separator: ", ")
            Terminal.writeError(
                "distlang dev: the spec no longer has environment \(environment) (it has: \(names)); still running the previous version\n"
            )
            return
        }
        let next = makeManifest(compiled, model)
        let specOnly = changed.allSatisfy { $0 == specPath }
        if specOnly, next == manifest, host != nil {
            Terminal.write("distlang dev: nothing the host runs changed\n")
            return
        }
        Terminal.write("distlang dev: restarting\n")
        host?.stop()
        host = nil
        watch = watchOf(next)
        if case .failed = start(next) {
            self.manifest = next
            Terminal.writeError("distlang dev: the host did not start; fix the problem above and save to try again\n")
        }
    }

    // MARK: - Paths and manifests

    private var specPath: String { DevPaths.absolute(input.path ?? "") }

    private func paths(_ manifest: DevManifest) -> DevPaths {
        DevPaths(
            stateRoot: stateRoot ?? DevPaths.join(manifest.specDirectory, DevPaths.defaultStateFolder),
            environment: environment)
    }

    private func makeManifest(_ compiled: CompiledSpec, _ model: AppModel) -> DevManifest {
        let specDirectory = DevPaths.absolute(compiled.specDirectory)
        let state = DevPaths(
            stateRoot: stateRoot ?? DevPaths.join(specDirectory, DevPaths.defaultStateFolder),
            environment: model.environment)
        return DevManifest(model: model, specDirectory: specDirectory, state: state.environmentState)
    }

    private func watchOf(_ manifest: DevManifest) -> DevWatch {
        DevWatch(files: [specPath, manifest.devVars], folders: manifest.migrationFolders)
    }

    /// A path relative to the current folder when inside it.
    private func shown(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(here) ? String(path.dropFirst(here.count)) : path
    }
}

/// Ctrl-C, SIGTERM and SIGHUP, turned into a flag the session's loop reads.
final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false

    var requested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }

    func request() {
        lock.lock()
        flag = true
        lock.unlock()
    }

    /// Handles the signals from now on (the default action, ending the process, is off while the
    /// sources live).
    func install() -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in request() }
            source.resume()
            return source
        }
    }
}
