import DistlangCore

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

    public init() {}
}

/// Validates YAML/JSON files against a JSON Schema.
public enum SchemaCheck {
    public static func run(files: [String], options: SchemaCheckOptions) -> SchemaCheckResult {
        var result = SchemaCheckResult()
        result.diagnostics = [.error("schema.unsupported", "JSON Schema validation is not available yet")]
        result.isUsageOrIOError = true
        return result
    }
}
