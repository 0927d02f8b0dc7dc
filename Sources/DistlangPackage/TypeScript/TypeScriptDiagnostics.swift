import DistlangCore

/// The diagnostics of compiling TypeScript, worded in one place (docs/typescript.md lists the codes).
enum TypeScriptDiagnostics {
    static func esbuildMissing(_ entry: String) -> Diagnostic {
        .error(
            "typescript.esbuild-missing",
            "\(entry) is TypeScript, which distlang compiles with esbuild, and esbuild is not installed",
            hint:
                "install Debian's package: `apt-get install esbuild` (or put an esbuild binary on PATH, or name it in \(Esbuild.pathVariable))"
        )
    }

    static func esbuildFailed(_ entry: String, _ why: String) -> Diagnostic {
        .error("typescript.esbuild-failed", "compiling \(entry) with esbuild failed: \(why)")
    }

    /// One of esbuild's messages, at the TypeScript file's line:col.
    static func diagnostic(_ message: EsbuildMessage, root: String, columns: inout SourceColumns) -> Diagnostic {
        func place(_ location: EsbuildMessage.Location?) -> SourceLocation? {
            guard let location else { return nil }
            let file = PathNames.display(root: root, location.file)
            let column = columns.column(file: file, line: location.line, byteColumn: location.byteColumn)
            return SourceLocation(file: file, line: location.line, column: column)
        }
        let notes = message.notes.map { Diagnostic.Note($0.text, at: place($0.location)) }
        return message.severity == .error
            ? .error("typescript.compile-error", message.text, at: place(message.location), notes: notes)
            : .warning("typescript.compile-warning", message.text, at: place(message.location), notes: notes)
    }
}
