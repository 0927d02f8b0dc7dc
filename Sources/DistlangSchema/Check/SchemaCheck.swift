import DistlangCore
import DistlangLoader
import Foundation

/// Options of `distlang validate --schema`.
public struct SchemaCheckOptions: Sendable {
    /// The schema file (YAML or JSON).
    public var schemaPath: String
    /// `--ref URI=FILE`: documents to serve for remote references, by URI.
    public var refs: [(uri: String, path: String)]
    /// `--ref-dir URI-PREFIX=DIR`: a folder serving every URI under a prefix.
    public var refDirectories: [(prefix: String, directory: String)]
    /// `--assert-formats`: treat `format` as an assertion instead of an annotation.
    public var assertFormats: Bool
    /// `--max-errors N`: stop reporting after N errors (nil: no cap).
    public var maxErrors: Int?
    /// Return every loaded file in `SchemaCheckResult.loaded`.
    public var keepsLoadedFiles = false

    public init(
        schemaPath: String, refs: [(uri: String, path: String)] = [], refDirectories: [(prefix: String, directory: String)] = [],
        assertFormats: Bool = false, maxErrors: Int? = nil
    ) {
        self.schemaPath = schemaPath
        self.refs = refs
        self.refDirectories = refDirectories
        self.assertFormats = assertFormats
        self.maxErrors = maxErrors
    }
}

/// What a `validate --schema` run found.
public struct SchemaCheckResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// The schema is invalid or a file could not be read: exit code 2.
    public var isUsageOrIOError = false
    /// Text of every file loaded, so text diagnostics can show source lines.
    public var sources: [(file: String, text: String)] = []
    public var filesChecked = 0
    public var documentsChecked = 0
    /// The loaded files, when `SchemaCheckOptions.keepsLoadedFiles` asked for them (a CLI about to exit
    /// keeps them rather than spend time tearing large trees down).
    public var loaded: [LoadResult] = []

    public init() {}
}

/// Validates YAML/JSON files against a JSON Schema: `distlang validate --schema SCHEMA FILE…`.
///
/// The schema is compiled once; each file is loaded (every document of a YAML stream) and
/// validated. An unreadable file or an invalid schema (or a `$ref` cycle) is exit code 2; a file
/// that does not parse or does not validate is exit code 1.
public enum SchemaCheck {
    public static func run(files: [String], options: SchemaCheckOptions) -> SchemaCheckResult {
        var result = SchemaCheckResult()
        let registry = SchemaRegistry()
        for r in options.refs { registry.addFile(r.path, uri: r.uri) }
        for d in options.refDirectories { registry.addDirectory(d.directory, prefix: d.prefix) }

        // Source text is for excerpts under diagnostics: the schema's is always kept (it is small,
        // and errors may point into it); an instance's only when it has diagnostics, since making
        // it for a valid 10 MB file costs time.
        func keepSource(_ load: LoadResult, _ file: String) {
            if let text = load.text { result.sources.append((file, text)) }
        }
        let loaded = Loader.load(file: options.schemaPath)
        keepSource(loaded, options.schemaPath)
        guard let schemaDocument = loaded.document else {
            result.diagnostics = loaded.diagnostics
            result.isUsageOrIOError = true
            return result
        }
        let schema: JSONSchema
        do {
            schema = try JSONSchema.compile(schemaDocument, registry: registry, options: SchemaCompileOptions(assertFormats: options.assertFormats))
        } catch {
            result.diagnostics = error.diagnostics
            result.isUsageOrIOError = true
            return result
        }

        var remaining = options.maxErrors ?? Int.max
        for file in files {
            if remaining <= 0 { break }
            let load = Loader.load(file: file, options: LoadOptions(allowMultipleDocuments: true))
            let diagnosticsBefore = result.diagnostics.count
            defer { if result.diagnostics.count > diagnosticsBefore { keepSource(load, file) } }
            result.filesChecked += 1
            if load.isIOError { result.isUsageOrIOError = true }
            if options.keepsLoadedFiles { result.loaded.append(load) }
            if load.diagnostics.hasErrors {
                result.diagnostics += load.diagnostics
                remaining -= load.diagnostics.errorCount
                continue
            }
            for document in load.documents {
                if remaining <= 0 { break }
                result.documentsChecked += 1
                let found = schema.validate(document, options: ValidationOptions(maxErrors: remaining))
                if found.contains(where: { $0.code == "schema.ref-cycle" }) { result.isUsageOrIOError = true }
                result.diagnostics += found
                remaining -= found.errorCount
            }
        }
        result.diagnostics = result.diagnostics.sortedForOutput()
        return result
    }
}
