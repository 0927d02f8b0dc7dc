import ArgumentParser
import DistlangBuild
import DistlangCore
import DistlangLoader
import DistlangSchema
import DistlangSpec

/// `distlang validate`: a spec, or (with `--schema` or `--catalog`) any YAML/JSON/TOML files against JSON Schemas.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a distlang spec, or any YAML/JSON/TOML file against a JSON Schema.",
        discussion: "Exit codes: 0 valid, 1 invalid, 2 usage or I/O error (or an invalid schema)."
    )

    @Argument(help: "The files to validate; - reads standard input (default: distlang.yaml, .yml or .json here or in a parent folder).")
    var files: [String] = []

    @Option(help: "Validate the files against this JSON Schema (drafts 4, 6, 7, 2019-09, 2020-12) instead of as specs.")
    var schema: String?

    @Option(help: ArgumentHelp("Pick each file's schema from a SchemaStore catalog.json by its fileMatch patterns.", valueName: "FILE"))
    var catalog: String?

    @Option(help: ArgumentHelp("Read the schema in this draft whatever its $schema says: 4, 6, 7, 2019-09 or 2020-12 (without $schema: 2020-12).", valueName: "DRAFT"))
    var draft: String?

    @Option(name: .customLong("ref"), help: ArgumentHelp("Serve a remote schema from a file.", valueName: "URI=FILE"))
    var refs: [String] = []

    @Option(name: .customLong("ref-dir"), help: ArgumentHelp("Serve every schema under a URI prefix from a folder.", valueName: "URI-PREFIX=DIR"))
    var refDirectories: [String] = []

    @Flag(help: "Treat `format` as an assertion (date-time, email, uri, ...), not just an annotation.")
    var assertFormats = false

    @Option(help: "Report at most this many errors, and this many warnings (default 100; every one is counted).")
    var maxErrors: Int?

    @Option(help: "Output format: text to standard error; json, github (workflow annotations) or sarif to standard output.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @OptionGroup var chatter: QuietOption

    func validate() throws {
        if schema != nil, catalog != nil { throw ValidationError("--schema and --catalog cannot be used together") }
        if !schemaMode, !refs.isEmpty || !refDirectories.isEmpty || assertFormats || draft != nil {
            throw ValidationError("--ref, --ref-dir, --draft and --assert-formats need --schema or --catalog")
        }
        if schemaMode, files.isEmpty { throw ValidationError("\(schema != nil ? "--schema" : "--catalog") needs at least one file to validate") }
        if let draft, Draft.named(draft) == nil {
            throw ValidationError("--draft must be 4, 6, 7, 2019-09 or 2020-12, not '\(draft)'")
        }
        if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
        for r in refs + refDirectories where Self.splitPair(r) == nil {
            throw ValidationError("'\(r)' is not of the form URI=PATH")
        }
    }

    mutating func run() throws {
        let output = DiagnosticOutput(format: format, limit: maxErrors, quiet: chatter.quiet)
        if schemaMode {
            try runSchemaMode(output)
        } else {
            try runSpecMode(output)
        }
    }

    /// `--schema` or `--catalog`: files against JSON Schemas rather than as specs.
    private var schemaMode: Bool { schema != nil || catalog != nil }

    private func runSchemaMode(_ output: DiagnosticOutput) throws {
        var options = SchemaCheckOptions(
            schemaPath: schema, catalogPath: catalog, draft: draft.flatMap(Draft.named),
            refs: refs.compactMap(Self.splitPair).map { (uri: $0.0, path: $0.1) },
            refDirectories: refDirectories.compactMap(Self.splitPair).map { (prefix: $0.0, directory: $0.1) },
            assertFormats: assertFormats, maxErrors: maxErrors)
        options.keepsLoadedFiles = true
        let result = SchemaCheck.run(files: files, options: options)
        ProcessLifetime.keepUntilExit(result.loaded)
        for source in result.sources { output.sources.register(file: source.file, text: source.text) }
        output.emit(result.diagnostics)
        let failed = files.filter { file in
            result.diagnostics.contains { $0.severity == .error && ($0.location?.file == file || $0.code == "io.read" && $0.message.hasPrefix(file + " ")) }
        }
        output.summary(result.diagnostics, files: files, failed: failed)
        if result.isUsageOrIOError { throw ExitCode(2) }
        if result.diagnostics.hasErrors || (strict && result.diagnostics.warningCount > 0) { throw ExitCode(1) }
    }

    private func runSpecMode(_ output: DiagnosticOutput) throws {
        let inputs = try files.isEmpty ? [SpecInput.resolve(nil)] : files.map { try SpecInput.resolve($0) }
        let compiler = SpecCompiler.shipped
        var diagnostics: [Diagnostic] = []
        var failed: [String] = []
        var ioError = false
        for input in inputs {
            let compiled = Timings.compile(input, compiler)
            if let text = compiled.text { output.sources.register(file: compiled.file, text: text) }
            diagnostics += compiled.diagnostics
            ioError = ioError || compiled.isIOError
            if compiled.hasErrors || compiled.isIOError || (strict && compiled.diagnostics.warningCount > 0) { failed.append(input.displayName) }
            ProcessLifetime.keepUntilExit(compiled)
        }
        StageTimings.measure("output") {
            output.emit(diagnostics)
            output.summary(diagnostics, files: inputs.map(\.displayName), failed: failed)
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
