import DistlangCore
import Foundation

/// The input formats distlang reads.
public enum InputFormat: String, Sendable {
    case yaml, json, toml

    /// The format a file name implies: `.json` is JSON, `.toml` TOML, everything else YAML (a superset of JSON).
    public static func forPath(_ path: String) -> InputFormat {
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return .json }
        if lower.hasSuffix(".toml") { return .toml }
        return .yaml
    }
}

/// Bounds that keep hostile input from costing unbounded time or memory. Documented in `docs/limits.md`.
public struct LoadOptions: Sendable {
    /// Largest accepted input, in bytes.
    public var maxInputBytes: Int = 64 << 20
    /// Deepest accepted nesting of arrays and objects.
    public var maxDepth: Int = LoadOptions.defaultMaxDepth
    /// How many values alias expansion may add to a YAML document in total.
    public var maxAliasExpansion: Int = 1_000_000
    /// Longest accepted string or key, in bytes.
    public var maxStringBytes: Int = 16 << 20
    /// Whether a YAML stream may hold several documents (`validate --schema` allows it; a spec may not).
    public var allowMultipleDocuments: Bool = false
    /// Whether JSON strings may hold `\u0000`. Off for user files (a clear error); on for distlang's
    /// own manifest, which carries a spec's strings as they are, NUL characters included (YAML's `"\0"`).
    public var allowsNULInJSONStrings: Bool = false
    /// Whether an integer past 64 bits is read as the nearest double (as JSON Schema validators compare
    /// it, as a number) rather than rejected. On for `validate --schema`; off for specs, where a
    /// silently rounded integer would be a bug.
    public var readsBigIntegersAsNumbers: Bool = false
    /// Whether an empty YAML file (nothing, or only comments) is one null document (YAML 1.2) rather
    /// than an error. On for `validate --schema`; a spec must say something.
    public var readsEmptyYAMLAsNull: Bool = false

    public static let defaultMaxDepth = 2_000

    public init(allowMultipleDocuments: Bool = false) {
        self.allowMultipleDocuments = allowMultipleDocuments
    }

    /// What `validate --schema` reads: any JSON value a JSON Schema validator accepts (NUL characters in
    /// strings, integers past 64 bits), every document of a YAML stream, and an empty YAML file as null.
    public static var schemaValidation: LoadOptions {
        var o = LoadOptions(allowMultipleDocuments: true)
        o.allowsNULInJSONStrings = true
        o.readsBigIntegersAsNumbers = true
        o.readsEmptyYAMLAsNull = true
        return o
    }

    /// What a schema file of `validate --schema` may hold: one document, with any JSON value.
    public static var schemaDocument: LoadOptions {
        var o = schemaValidation
        o.allowMultipleDocuments = false
        return o
    }
}

/// What loading a file produced: its documents (one unless a YAML stream allows several) and
/// every problem found. When `diagnostics` has an error, `documents` is empty.
public struct LoadResult: Sendable {
    public var documents: [Document]
    public var diagnostics: [Diagnostic]
    /// The file could not be read at all (missing, a directory, unreadable): exit code 2, not 1.
    public var isIOError: Bool
    /// The text as loaded, for showing source lines in diagnostics (made from the bytes on demand:
    /// most loads never need it).
    public var text: String? {
        get { storedText ?? sourceBytes.map { String(decoding: $0, as: UTF8.self) } }
        set {
            storedText = newValue
            sourceBytes = nil
        }
    }
    private var storedText: String?
    var sourceBytes: ArraySlice<UInt8>?

    public init(documents: [Document] = [], diagnostics: [Diagnostic] = [], isIOError: Bool = false, text: String? = nil) {
        self.documents = documents
        self.diagnostics = diagnostics
        self.isIOError = isIOError
        self.storedText = text
    }

    /// The single document, when loading succeeded.
    public var document: Document? { diagnostics.hasErrors ? nil : documents.first }
}

/// Reads YAML, JSON and TOML into `Document`s (value tree + source map). The only place that uses libyaml,
/// jansson and toml++.
public enum Loader {
    /// Loads the file at `path`; `displayName` is how diagnostics name it (default: the path as given).
    public static func load(
        file path: String, displayName: String? = nil, format: InputFormat? = nil, options: LoadOptions = LoadOptions()
    ) -> LoadResult {
        let name = displayName ?? path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return ioError(name, "is a directory, not a file")
        }
        // The size limit is checked before reading: a file of gigabytes is rejected from its size
        // alone, instead of being read whole into memory first.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
           size.int64Value > Int64(options.maxInputBytes) {
            return LoadResult(diagnostics: [.error(
                "input.too-large", "the file is \(size.int64Value) bytes, more than the limit of \(options.maxInputBytes) bytes",
                at: SourceLocation(file: name, line: 1, column: 1))])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            return ioError(name, exists ? "cannot be read (permission denied?)" : "does not exist")
        }
        return load(bytes: [UInt8](data), file: name, format: format ?? .forPath(path), options: options)
    }

    /// Loads `bytes` as the content of a file named `file`.
    public static func load(
        bytes: [UInt8], file: String, format: InputFormat, options: LoadOptions = LoadOptions()
    ) -> LoadResult {
        var checked = InputCheck(bytes: bytes, file: file, options: options, format: format)
        if let problem = checked.run() {
            return LoadResult(diagnostics: [problem], text: checked.textForDisplay())
        }
        let body = checked.body
        switch format {
        case .yaml:
            var loader = YAMLLoader(bytes: body, file: file, options: options)
            var result = loader.load()
            result.sourceBytes = checked.body
            return result
        case .json:
            var result = JSONLoader(bytes: body, file: file, options: options).load()
            result.sourceBytes = checked.body
            return result
        case .toml:
            var result = TOMLLoader(bytes: body, file: file, options: options).load()
            result.sourceBytes = checked.body
            return result
        }
    }

    /// Loads text held in memory (tests, stdin).
    public static func load(text: String, file: String, format: InputFormat, options: LoadOptions = LoadOptions()) -> LoadResult {
        load(bytes: Array(text.utf8), file: file, format: format, options: options)
    }

    private static func ioError(_ file: String, _ problem: String) -> LoadResult {
        LoadResult(
            diagnostics: [.error("io.read", "\(file) \(problem)", at: nil)],
            isIOError: true)
    }
}
