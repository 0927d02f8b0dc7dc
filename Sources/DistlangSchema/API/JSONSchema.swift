import DistlangCore
import Foundation

/// A compiled JSON Schema (drafts 4, 6, 7, 2019-09 and 2020-12): compile once, validate many documents.
///
/// ```swift
/// let schema = try JSONSchema.compile(schemaDocument)          // throws DiagnosticsError
/// let problems = schema.validate(document)                    // [] when valid
/// let names = schema.allowedPropertyNames(at: JSONPointer("/functions/api")!)
/// ```
///
/// Compiling checks the schema against its meta-schema (chosen by `$schema`, default 2020-12, or forced
/// by `SchemaCompileOptions.forcesDraft`),
/// resolves every `$ref`/`$dynamicRef` (remote documents only from the `SchemaRegistry`), and
/// compiles regular expressions; any problem is a `DiagnosticsError` whose diagnostics point into
/// the schema file. A compiled schema is immutable and may be used from several threads.
public final class JSONSchema: @unchecked Sendable {
    let program: SchemaProgram
    /// The dialect of the root schema.
    public let draft: Draft
    /// The base URI of the root schema (its `$id`, or the file it came from).
    public let uri: String
    /// Problems that did not stop compilation (an unknown `$schema` read as the default draft).
    public let warnings: [Diagnostic]

    init(program: SchemaProgram, draft: Draft, uri: String, warnings: [Diagnostic]) {
        self.program = program
        self.draft = draft
        self.uri = uri
        self.warnings = warnings
    }

    /// Compiles the schema in `document` (as loaded by `Loader`, so errors get file:line:col).
    public static func compile(
        _ document: Document, registry: SchemaRegistry = SchemaRegistry(), options: SchemaCompileOptions = SchemaCompileOptions()
    ) throws(DiagnosticsError) -> JSONSchema {
        let base = options.baseURI ?? URL(fileURLWithPath: document.file).absoluteString
        return try compile(value: document.value, sourceMap: document.sourceMap, uri: base, registry: registry, options: options)
    }

    /// Compiles a schema held as a value, with `uri` as its base URI.
    public static func compile(
        value: Value, sourceMap: SourceMap? = nil, uri: String, registry: SchemaRegistry = SchemaRegistry(),
        options: SchemaCompileOptions = SchemaCompileOptions()
    ) throws(DiagnosticsError) -> JSONSchema {
        let compiler = SchemaCompiler(registry: registry, options: options)
        let docID = compiler.addDocument(
            value: value, sourceMap: sourceMap, uri: uri, defaultDialect: .standard(options.defaultDraft),
            honoursSchemaKeyword: !options.forcesDraft)
        if compiler.diagnostics.hasErrors { throw DiagnosticsError(compiler.diagnostics) }
        let document = compiler.documents[Int(docID)]
        if options.validatesAgainstMetaschema {
            let declared = document.declaresDialect ? value["$schema"]?.stringValue : nil
            let meta = try Metaschemas.schema(for: declared ?? document.dialect.draft.metaschemaURI, registry: registry)
            var builder = DiagnosticBuilder(program: meta.program, instance: value, sourceMap: sourceMap)
            builder.prefix = "invalid schema: "
            builder.code = "schema.invalid-schema"
            let errors = meta.rawErrors(value, options: ValidationOptions(maxErrors: 20))
            if !errors.isEmpty {
                let note = Diagnostic.Note("checked against the \(document.dialect.draft.displayName) meta-schema")
                throw DiagnosticsError(errors.map(builder.diagnostic).map { $0.adding(note) } + compiler.diagnostics)
            }
        }
        let root = compiler.node(document: docID, pointer: .root)
        compiler.drain()
        if compiler.diagnostics.hasErrors { throw DiagnosticsError(compiler.diagnostics) }
        let rootResource = compiler.resources[Int(compiler.nodes[Int(root)].resource)]
        return JSONSchema(
            program: compiler.program(root: root), draft: rootResource.dialect.draft, uri: rootResource.uri,
            warnings: compiler.diagnostics)
    }

    /// Validates a loaded document. Each error has the instance location as a JSON pointer and as
    /// file:line:col, the keyword location (e.g. `/properties/memory/minimum`, or through `$ref`s:
    /// `/properties/fn/$ref/properties/memory/minimum`), a message, and where useful a hint
    /// (did-you-mean for unknown properties) and notes (the other branches of a failed `anyOf`).
    /// An empty result means valid.
    public func validate(_ document: Document, options: ValidationOptions = ValidationOptions()) -> [Diagnostic] {
        diagnostics(document.value, sourceMap: document.sourceMap, options: options)
    }

    /// Validates a value without source positions (diagnostics carry pointers, no file locations).
    public func validate(_ value: Value, options: ValidationOptions = ValidationOptions()) -> [Diagnostic] {
        diagnostics(value, sourceMap: nil, options: options)
    }

    /// Whether `value` is valid: the quiet mode, which stops at the first failure.
    public func isValid(_ value: Value) -> Bool {
        let v = Validator(program: program, instance: value, collecting: false, options: ValidationOptions())
        return v.run() && v.cycles.isEmpty
    }

    /// The property names the schema declares for the object at `pointer` (through `properties`,
    /// following `$ref`, `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else`, `dependentSchemas`, and
    /// `items`/`additionalProperties`/`patternProperties` on the way down), in schema order.
    /// The spec stage uses it for did-you-mean hints; it does not depend on any instance.
    public func allowedPropertyNames(at pointer: JSONPointer) -> [String] {
        var nodes = [program.root]
        for token in pointer.tokens {
            nodes = AllowedProperties.step(nodes, token, in: program)
            if nodes.isEmpty { return [] }
        }
        return AllowedProperties.names(nodes, in: program)
    }

    // MARK: internals

    func rawErrors(_ value: Value, options: ValidationOptions) -> [RawError] {
        let v = Validator(program: program, instance: value, collecting: true, options: options)
        _ = v.run()
        return v.errors
    }

    private func diagnostics(_ value: Value, sourceMap: SourceMap?, options: ValidationOptions) -> [Diagnostic] {
        let v = Validator(program: program, instance: value, collecting: true, options: options)
        _ = v.run()
        let builder = DiagnosticBuilder(program: program, instance: value, sourceMap: sourceMap)
        var out = v.errors.map(builder.diagnostic)
        for cycle in v.cycles { out.append(cycleDiagnostic(cycle)) }
        return out
    }

    private func cycleDiagnostic(_ cycle: (site: NodeID, keyword: String, location: String)) -> Diagnostic {
        let node = program.nodes[Int(cycle.site)]
        let doc = program.documents[Int(node.document)]
        let pointer = JSONPointer(node.pointer)?.appending(cycle.keyword) ?? .root
        return .error(
            "schema.ref-cycle",
            "the schema refers to itself at \(cycle.location) without consuming any input (a \(cycle.keyword) cycle); validation cannot finish",
            at: doc.sourceMap?.location(of: pointer), pointer: pointer,
            hint: "make the reference go through a keyword that moves into the value, such as properties or items")
    }
}

/// The meta-schemas, compiled once per process (embedded ones) or per use (custom ones).
enum Metaschemas {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: JSONSchema] = [:]

    static func schema(for uri: String, registry: SchemaRegistry) throws(DiagnosticsError) -> JSONSchema {
        let key = SchemaRegistry.key(uri)
        let embedded = SchemaRegistry.embedded[key] != nil
        if embedded, let cached = lock.withLock({ cache[key] }) { return cached }
        guard case .found(let entry) = registry.lookup(key) else {
            throw DiagnosticsError([.error(
                "schema.unknown-metaschema",
                "unknown $schema \"\(uri)\": distlang knows drafts 4, 6, 7, 2019-09 and 2020-12, and meta-schemas served with --ref or --ref-dir")])
        }
        let options = SchemaCompileOptions(validatesAgainstMetaschema: false)
        let schema = try JSONSchema.compile(value: entry.value, sourceMap: entry.sourceMap, uri: key, registry: registry, options: options)
        if embedded { lock.withLock { cache[key] = schema } }
        return schema
    }
}

extension Diagnostic {
    /// The same diagnostic with one more note.
    func adding(_ note: Note) -> Diagnostic {
        var copy = self
        copy.notes.append(note)
        return copy
    }
}
