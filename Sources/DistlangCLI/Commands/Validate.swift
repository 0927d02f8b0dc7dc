import ArgumentParser
import DistlangBuild
import DistlangCore
import DistlangLoader
import DistlangSchema
import DistlangSpec

/// `distlang validate`: a spec, or (with `--schema`) any YAML/JSON files against a JSON Schema.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a distlang spec, or any YAML/JSON file against a JSON Schema.",
        discussion: "Exit codes: 0 valid, 1 invalid, 2 usage or I/O error (or an invalid schema)."
    )

    @Argument(help: "The files to validate (default: ./distlang.yaml).")
    var files: [String] = []

    @Option(help: "Validate the files against this JSON Schema (draft 2020-12 or draft-07) instead of as specs.")
    var schema: String?

    @Option(name: .customLong("ref"), help: ArgumentHelp("Serve a remote schema from a file.", valueName: "URI=FILE"))
    var refs: [String] = []

    @Option(name: .customLong("ref-dir"), help: ArgumentHelp("Serve every schema under a URI prefix from a folder.", valueName: "URI-PREFIX=DIR"))
    var refDirectories: [String] = []

    @Flag(help: "Treat `format` as an assertion (date-time, email, uri, ...), not just an annotation.")
    var assertFormats = false

    @Option(help: "Report at most this many errors, and this many warnings (default 100; every one is counted).")
    var maxErrors: Int?

    @Option(help: "Output format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    func validate() throws {
        if schema == nil, !refs.isEmpty || !refDirectories.isEmpty || assertFormats {
            throw ValidationError("--ref, --ref-dir and --assert-formats need --schema")
        }
        if schema != nil, files.isEmpty { throw ValidationError("--schema needs at least one file to validate") }
        if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
        for r in refs + refDirectories where Self.splitPair(r) == nil {
            throw ValidationError("'\(r)' is not of the form URI=PATH")
        }
    }

    mutating func run() throws {
        let output = DiagnosticOutput(format: format, limit: maxErrors)
        if let schema {
            try runSchemaMode(schema, output)
        } else {
            try runSpecMode(output)
        }
    }

    private func runSchemaMode(_ schema: String, _ output: DiagnosticOutput) throws {
        var options = SchemaCheckOptions(
            schemaPath: schema,
            refs: refs.compactMap(Self.splitPair).map { (uri: $0.0, path: $0.1) },
            refDirectories: refDirectories.compactMap(Self.splitPair).map { (prefix: $0.0, directory: $0.1) },
            assertFormats: assertFormats, maxErrors: maxErrors)
        options.keepsLoadedFiles = true
        let result = SchemaCheck.run(files: files, options: options)
        ProcessLifetime.keepUntilExit(result.loaded)
        for source in result.sources { output.sources.register(file: source.file, text: source.text) }
        output.emit(result.diagnostics)
        output.summary(result.diagnostics, success: "valid: \(files.joined(separator: ", "))")
        if result.isUsageOrIOError { throw ExitCode(2) }
        if result.diagnostics.hasErrors { throw ExitCode(1) }
    }

    private func runSpecMode(_ output: DiagnosticOutput) throws {
        let paths = files.isEmpty ? ["distlang.yaml"] : files
        let compiler = SpecCompiler.shipped
        var diagnostics: [Diagnostic] = []
        var ioError = false
        for path in paths {
            let compiled = Timings.compile(path, compiler)
            if let text = compiled.text { output.sources.register(file: path, text: text) }
            diagnostics += compiled.diagnostics
            ioError = ioError || compiled.isIOError
            ProcessLifetime.keepUntilExit(compiled)
        }
        StageTimings.measure("output") {
            output.emit(diagnostics)
            output.summary(diagnostics, success: "valid: \(paths.joined(separator: ", "))")
        }
        if ioError { throw ExitCode(2) }
        if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) { throw ExitCode(1) }
    }

    /// Splits `A=B` at the first `=`.
    static func splitPair(_ s: String) -> (String, String)? {
        guard let eq = s.firstIndex(of: "="), eq != s.startIndex, s.index(after: eq) != s.endIndex else { return nil }
        return (String(s[..<eq]), String(s[s.index(after: eq)...]))
    }
}
