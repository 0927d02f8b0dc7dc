import DistlangCore
import DistlangLoader
import Foundation

/// Options of `distlang validate --schema` and `--catalog`.
public struct SchemaCheckOptions: Sendable {
    /// The schema file (YAML or JSON), or nil when a catalogue picks each file's schema.
    public var schemaPath: String?
    /// `--catalog FILE`: a SchemaStore `catalog.json` that picks each file's schema by `fileMatch`.
    public var catalogPath: String?
    /// `--draft`: read the schema in this dialect whatever its `$schema` says.
    public var draft: Draft?
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
        schemaPath: String?, catalogPath: String? = nil, draft: Draft? = nil, refs: [(uri: String, path: String)] = [],
        refDirectories: [(prefix: String, directory: String)] = [], assertFormats: Bool = false, maxErrors: Int? = nil
    ) {
        self.schemaPath = schemaPath
        self.catalogPath = catalogPath
        self.draft = draft
        self.refs = refs
        self.refDirectories = refDirectories
        self.assertFormats = assertFormats
        self.maxErrors = maxErrors
    }
}

/// What a `validate --schema` run found.
public struct SchemaCheckResult: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// A schema is invalid or unavailable, or a file could not be read: exit code 2.
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

/// Validates YAML, JSON and TOML files against JSON Schemas: `distlang validate --schema SCHEMA FILE…`,
/// or `--catalog catalog.json FILE…` to pick each file's schemas by name.
///
/// Each schema is compiled once; each file is loaded (every document of a YAML stream) and validated.
/// Every validation error names the schema and its draft in a note. An unreadable file, an invalid or
/// unavailable schema (or a `$ref` cycle) is exit code 2; a file that does not parse or does not
/// validate is exit code 1; a file no catalogue entry matches is a warning.
public enum SchemaCheck {
    public static func run(files: [String], options: SchemaCheckOptions) -> SchemaCheckResult {
        var run = SchemaCheckRun(options: options)
        run.check(files)
        run.result.diagnostics = run.result.diagnostics.sortedForOutput()
        return run.result
    }
}

/// One `validate --schema` run: the registry, the schemas compiled so far, and what was found.
struct SchemaCheckRun {
    let options: SchemaCheckOptions
    let registry = SchemaRegistry()
    var result = SchemaCheckResult()
    /// Compiled schemas by path or URL (nil: it failed, and its diagnostics were reported once).
    private var schemas: [String: (schema: JSONSchema, note: Diagnostic.Note)?] = [:]
    private var remaining: Int

    init(options: SchemaCheckOptions) {
        self.options = options
        remaining = options.maxErrors ?? Int.max
        for r in options.refs { registry.addFile(r.path, uri: r.uri) }
        for d in options.refDirectories { registry.addDirectory(d.directory, prefix: d.prefix) }
    }

    mutating func check(_ files: [String]) {
        var catalog: SchemaCatalog?
        if let path = options.catalogPath {
            switch SchemaCatalog.load(path) {
            case .success(let c): catalog = c
            case .failure(let error):
                result.diagnostics += error.diagnostics
                result.isUsageOrIOError = true
                return
            }
        }
        if let path = options.schemaPath, schema(path: path) == nil { return }
        for file in files {
            if remaining <= 0 { break }
            var chosen: [(JSONSchema, Diagnostic.Note)] = []
            if let path = options.schemaPath, let s = schema(path: path) { chosen.append(s) }
            if let catalog {
                let entries = catalog.entries(for: file)
                if entries.isEmpty {
                    result.diagnostics.append(.warning(
                        "catalog.no-match", "\(file) is not validated: no entry of \(catalog.file) matches its name",
                        at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "add an entry whose fileMatch takes this name, or validate it with --schema"))
                    continue
                }
                for entry in entries {
                    guard let s = schema(url: entry.url, entry: entry.name) else { continue }
                    chosen.append(s)
                }
                if chosen.isEmpty { continue }
            }
            validate(file, against: chosen)
        }
    }

    // MARK: instances

    private mutating func validate(_ file: String, against schemas: [(JSONSchema, Diagnostic.Note)]) {
        let load = Loader.load(file: file, options: .schemaValidation)
        let diagnosticsBefore = result.diagnostics.count
        defer { if result.diagnostics.count > diagnosticsBefore { keepSource(load, file) } }
        result.filesChecked += 1
        if load.isIOError { result.isUsageOrIOError = true }
        if options.keepsLoadedFiles { result.loaded.append(load) }
        if load.diagnostics.hasErrors {
            result.diagnostics += load.diagnostics
            remaining -= load.diagnostics.errorCount
            return
        }
        for document in load.documents {
            result.documentsChecked += 1
            for (schema, note) in schemas {
                if remaining <= 0 { return }
                let found = schema.validate(document, options: ValidationOptions(maxErrors: remaining))
                if found.contains(where: { $0.code == "schema.ref-cycle" }) { result.isUsageOrIOError = true }
                result.diagnostics += found.map { $0.adding(note) }
                remaining -= found.errorCount
            }
        }
    }

    // MARK: schemas

    /// The schema in the file at `path` (`--schema`), compiled once.
    private mutating func schema(path: String) -> (JSONSchema, Diagnostic.Note)? {
        if let known = schemas[path] { return known }
        let loaded = Loader.load(file: path, options: .schemaDocument)
        keepSource(loaded, path)
        guard let document = loaded.document else {
            return failed(path, loaded.diagnostics)
        }
        let registry = self.registry
        return compile(path, name: path) { options throws(DiagnosticsError) in
            try JSONSchema.compile(document, registry: registry, options: options)
        }
    }

    /// The schema a catalogue entry names by URL, served by the registry, compiled once.
    private mutating func schema(url: String, entry: String) -> (JSONSchema, Diagnostic.Note)? {
        if let known = schemas[url] { return known }
        switch registry.lookup(url) {
        case .found(let found):
            if let file = found.sourceMap?.file, let text = try? String(contentsOfFile: file, encoding: .utf8) {
                result.sources.append((file, text))
            }
            let registry = self.registry
            return compile(url, name: "\(url) (catalogue entry \"\(entry)\")") { options throws(DiagnosticsError) in
                try JSONSchema.compile(value: found.value, sourceMap: found.sourceMap, uri: url, registry: registry, options: options)
            }
        case .failed(let problems):
            return failed(url, problems)
        case .notFound:
            let hint = URIReference(url).scheme == "file"
                ? nil : "serve it offline with --ref \(url)=FILE or --ref-dir PREFIX=DIR"
            return failed(url, [.error(
                "catalog.schema-unavailable", "the schema \(url) of catalogue entry \"\(entry)\" is not available offline", at: nil,
                hint: hint)])
        }
    }

    private mutating func compile(
        _ key: String, name: String, _ body: (SchemaCompileOptions) throws(DiagnosticsError) -> JSONSchema
    ) -> (JSONSchema, Diagnostic.Note)? {
        let options = SchemaCompileOptions(
            assertFormats: self.options.assertFormats, defaultDraft: self.options.draft ?? .draft2020_12,
            forcesDraft: self.options.draft != nil)
        do {
            let schema = try body(options)
            result.diagnostics += schema.warnings
            let compiled = (schema, Diagnostic.Note("validated against \(name) (\(schema.draft.displayName))"))
            schemas[key] = compiled
            return compiled
        } catch {
            return failed(key, error.diagnostics)
        }
    }

    private mutating func failed(_ key: String, _ diagnostics: [Diagnostic]) -> (JSONSchema, Diagnostic.Note)? {
        result.diagnostics += diagnostics
        result.isUsageOrIOError = true
        schemas[key] = .some(nil)
        return nil
    }

    /// Source text is for excerpts under diagnostics: a schema's is always kept (it is small, and errors
    /// may point into it); an instance's only when it has diagnostics, since making it for a valid
    /// 10 MB file costs time.
    private mutating func keepSource(_ load: LoadResult, _ file: String) {
        if let text = load.text { result.sources.append((file, text)) }
    }
}
