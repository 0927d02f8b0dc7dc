import DistlangCore
import DistlangRuntime
import DistlangSpec
import Foundation

/// The declaration file `distlang types` writes (docs/typescript.md): where it goes by default, its
/// text for a compiled spec, and the staleness check `distlang build` runs.
enum TypesFile {
    /// `distlang-env.d.ts` in the spec's folder (the current folder for standard input).
    static func defaultPath(forSpecDirectory directory: String) -> String {
        directory == "."
            ? EnvDeclarations.defaultFileName
            : (directory as NSString).appendingPathComponent(EnvDeclarations.defaultFileName)
    }

    /// The declarations for every environment of the spec, or the diagnostics (placed in the spec)
    /// that prevent them.
    static func text(for compiled: CompiledSpec) -> Result<String, DiagnosticsError> {
        let name = (compiled.file as NSString).lastPathComponent
        return EnvDeclarations.generate(compiled.models, specFileName: name).mapError { error in
            DiagnosticsError(error.diagnostics.map { BuildPipeline.place($0, in: compiled.document) })
        }
    }

    /// A warning when the default declaration file exists and differs from what `distlang types`
    /// would write now; nil when it is missing, current, or cannot be generated.
    static func staleness(of compiled: CompiledSpec) -> Diagnostic? {
        let path = defaultPath(forSpecDirectory: compiled.specDirectory)
        guard let data = FileManager.default.contents(atPath: path), case .success(let expected) = text(for: compiled),
            Data(expected.utf8) != data
        else { return nil }
        return .warning(
            "types.stale",
            "these TypeScript declarations are out of date: the spec has changed since `distlang types` wrote them",
            at: SourceLocation(file: path, line: 1, column: 1),
            hint:
                "run `distlang types\(compiled.file == SpecInput.standardInputName ? "" : " " + compiled.file)` to regenerate it"
        )
    }
}
