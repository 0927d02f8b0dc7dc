import DistlangCore
import DistlangLoader
import DistlangSpec
import Foundation

/// `DISTLANG_TIMINGS=1`: each command reports on standard error how long each stage took (load,
/// schema, normalise, each emitter, render, manifest, write, diff ...). Outputs do not change.
enum Timings {
    static let requested: Bool = {
        let value = ProcessInfo.processInfo.environment["DISTLANG_TIMINGS"] ?? ""
        return !value.isEmpty && value != "0"
    }()

    /// Compiles a spec. With timings on, the stages `SpecCompiler.compile(file:)` runs in one go are
    /// run one by one (the same calls, so the same result) to time loading apart from the rest; the
    /// schema stage is timed by wrapping the spec's schema validator.
    static func compile(_ path: String, _ compiler: SpecCompiler) -> CompiledSpec {
        guard StageTimings.isEnabled else { return compiler.compile(file: path) }
        let loaded = StageTimings.measure("load") { Loader.load(file: path) }
        guard let document = loaded.document else {
            // Reported exactly as the compiler reports it (loading again costs little next to a failed run).
            return compiler.compile(file: path)
        }
        var timed = SpecCompiler(schema: TimedSchema(inner: SpecSchemaValidator.shared))
        timed.checkSourceFiles = compiler.checkSourceFiles
        timed.recordsProvenance = compiler.recordsProvenance
        timed.targetCheckers = compiler.targetCheckers
        var compiled = StageTimings.measure("normalise") { timed.compile(document: document, specDirectory: directory(of: path)) }
        compiled.text = loaded.text
        return compiled
    }

    /// The spec's folder, as `SpecCompiler.compile(file:)` computes it.
    static func directory(of path: String) -> String {
        let dir = PathText.deletingLastComponent(path)
        return dir.isEmpty ? "." : dir
    }
}

/// The spec's schema validator, timed as the stage `schema`.
struct TimedSchema: SpecSchemaValidating {
    let inner: SpecSchemaValidating

    func validate(_ document: Document) -> [Diagnostic] {
        StageTimings.measure("schema") { inner.validate(document) }
    }
}
