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

    /// Compiles a spec. With timings on, loading is timed apart from the rest; the schema stage is
    /// timed by wrapping the spec's schema validator.
    static func compile(_ input: SpecInput, _ compiler: SpecCompiler) -> CompiledSpec {
        guard StageTimings.isEnabled else {
            // From a file, the schema compiles while the file loads.
            if let path = input.path { return compiler.compile(file: path) }
            return compiler.compile(loaded: input.load(), file: input.displayName, specDirectory: input.directory)
        }
        let loaded = StageTimings.measure("load") { input.load() }
        var timed = SpecCompiler(schema: TimedSchema(inner: SpecSchemaValidator.shared))
        timed.checkSourceFiles = compiler.checkSourceFiles
        timed.recordsProvenance = compiler.recordsProvenance
        timed.targetCheckers = compiler.targetCheckers
        return StageTimings.measure("normalise") { timed.compile(loaded: loaded, file: input.displayName, specDirectory: input.directory) }
    }
}

/// The spec's schema validator, timed as the stage `schema`.
struct TimedSchema: SpecSchemaValidating {
    let inner: SpecSchemaValidating

    func validate(_ document: Document) -> [Diagnostic] {
        StageTimings.measure("schema") { inner.validate(document) }
    }
}
