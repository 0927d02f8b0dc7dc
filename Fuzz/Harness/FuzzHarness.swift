import DistlangCore
import Foundation

/// The fuzz targets. Each takes arbitrary bytes, runs a stage of distlang on them the way the CLI
/// does, and checks properties that must hold for every input (see `docs/fuzzing.md`). A broken
/// property stops the process with `FuzzFailure.fail`, which libFuzzer reports as a crash and the
/// replay driver as a non-zero exit.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Bytes -> YAML loader (single and multi-document), diagnostics rendered, value re-read through
    /// JSON and YAML renderings.
    case yaml
    /// Bytes -> JSON loader, diagnostics rendered, value re-read through JSON and YAML renderings.
    case json
    /// Bytes -> YAML -> the spec's JSON Schema (collecting, quiet and capped modes must agree).
    case specSchema = "spec-schema"
    /// Bytes -> a YAML stream of a schema and an instance -> compile the schema, validate the instance.
    case schema
    /// Bytes -> validate -> build every target and format in memory -> manifest -> diff.
    case pipeline

    /// Runs the target on `bytes`, on a thread with the CLI's stack size (the CLI validates
    /// documents nested 2,000 deep on a 512 MiB stack; see `EntryPoint`). The thread is made once
    /// and reused: under AddressSanitizer, starting and ending a thread with such a stack costs more
    /// than most inputs.
    public func run(_ bytes: [UInt8]) {
        Worker.shared.run { self.runHere(bytes) }
    }

    /// Runs the target on the calling thread.
    public func runHere(_ bytes: [UInt8]) {
        switch self {
        case .yaml: LoaderHarness.yaml(bytes)
        case .json: LoaderHarness.json(bytes)
        case .specSchema: SchemaHarness.spec(bytes)
        case .schema: SchemaHarness.random(bytes)
        case .pipeline: PipelineHarness.run(bytes)
        }
    }
}

/// Stops the process when a property does not hold, with the property and what broke it.
enum FuzzFailure {
    static func fail(_ property: String, _ detail: @autoclosure () -> String = "") -> Never {
        var d = detail()
        if d.utf8.count > 4_000 { d = String(d.prefix(4_000)) + "…" }
        let message = "distlang-fuzz: property broken: \(property)\(d.isEmpty ? "" : "\n\(d)")\n"
        FileHandle.standardError.write(Data(message.utf8))
        abort()
    }

    static func check(_ condition: Bool, _ property: String, _ detail: @autoclosure () -> String = "") {
        if !condition { fail(property, detail()) }
    }
}

/// One thread with a large stack that runs jobs one at a time for the caller, which waits.
final class Worker: @unchecked Sendable {
    static let shared = Worker()

    private let ready = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private var job: (() -> Void)?

    private init() {
        let thread = Thread { [unowned self] in
            while true {
                ready.wait()
                job?()
                job = nil
                done.signal()
            }
        }
        thread.stackSize = 512 << 20
        thread.start()
    }

    func run(_ work: @escaping () -> Void) {
        job = work
        ready.signal()
        done.wait()
    }
}
