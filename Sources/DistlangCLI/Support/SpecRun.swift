import ArgumentParser
import DistlangBuild
import DistlangCore
import DistlangSpec

/// Compiling the spec for commands that need a valid one (explain, build, diff): diagnostics are
/// printed as text, and an invalid spec ends the command with exit code 1 (2 for I/O problems).
enum SpecRun {
    /// Compiles the spec named by a command's argument (nil: the one found from the current folder).
    static func compile(_ argument: String?, strict: Bool = false, recordingProvenance: Bool = false) throws -> CompiledSpec {
        let compiled = report(try SpecInput.resolve(argument), strict: strict, recordingProvenance: recordingProvenance)
        if compiled.isIOError { throw ExitCode(2) }
        if compiled.hasErrors { throw ExitCode(1) }
        return compiled
    }

    /// Compiles the spec and prints its diagnostics as text, with the error count when it has errors
    /// (as `validate` prints them); the caller decides what an invalid spec means.
    static func report(_ input: SpecInput, strict: Bool = false, recordingProvenance: Bool = false) -> CompiledSpec {
        var compiler = SpecCompiler.shipped
        compiler.recordsProvenance = recordingProvenance
        let compiled = Timings.compile(input, compiler)
        let output = DiagnosticOutput(format: .text)
        if let text = compiled.text { output.sources.register(file: compiled.file, text: text) }
        let shown = compiled.diagnostics.filter { $0.severity == .error || strict || $0.code != "spec.source-missing" }
        if !shown.isEmpty { output.emit(shown) }
        ProcessLifetime.keepUntilExit(compiled)
        if compiled.hasErrors && !compiled.isIOError { output.summary(compiled.diagnostics, success: "") }
        return compiled
    }

    /// A usage problem found after parsing (exit code 2).
    static func usage(_ message: String) -> Error {
        Terminal.writeError("error: \(message)\n")
        return ExitCode(2)
    }
}
