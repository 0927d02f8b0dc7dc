import DistlangBuild
import DistlangCore
import DistlangLoader
import DistlangSchema
import DistlangSpec

/// The JSON Schema engine: random instances against the spec's schema, and random schemas
/// against random instances.
///
/// Properties: compiling and validating end; the collecting mode (every error), the quiet mode
/// (valid or not) and the capped mode (`--max-errors 1`) agree on validity; the capped mode keeps
/// to its cap; every error's instance pointer names a value of the instance; diagnostics render.
enum SchemaHarness {
    /// The spec's schema, compiled once (as `distlang validate` does).
    static let specSchema: JSONSchema = {
        let loaded = Loader.load(text: SpecSchema.text, file: "distlang.schema.json", format: .json)
        guard let document = loaded.document,
              let schema = try? JSONSchema.compile(document, options: SchemaCompileOptions(baseURI: SpecSchema.id))
        else { FuzzFailure.fail("the embedded spec schema compiles") }
        return schema
    }()

    /// Bytes as a YAML spec, validated against the spec's schema, then through the spec compiler
    /// (environments, normalisation, semantic checks), whose errors must all be located.
    static func spec(_ bytes: [UInt8]) {
        let loaded = Loader.load(bytes: bytes, file: "distlang.yaml", format: .yaml)
        guard let document = loaded.document else { return }
        agree(specSchema, document, sources: [("distlang.yaml", loaded.text)])
        let compiled = SpecCompiler.shipped.compile(document: document, specDirectory: nil)
        Properties.errorsLocated(compiled.diagnostics, "spec compiler")
        Properties.diagnosticsRender(compiled.diagnostics, sources: [("distlang.yaml", loaded.text)])
        FuzzFailure.check(compiled.hasErrors || !compiled.models.isEmpty, "a spec without errors has a model")
    }

    /// Bytes as a YAML stream: the first document is a schema, the second the instance (null when
    /// absent). Remote references resolve only to the embedded meta-schemas; no file is read.
    static func random(_ bytes: [UInt8]) {
        let loaded = Loader.load(
            bytes: bytes, file: "fuzz.yaml", format: .yaml, options: LoadOptions(allowMultipleDocuments: true))
        guard !loaded.diagnostics.hasErrors, let schemaDocument = loaded.documents.first else { return }
        let instance = loaded.documents.count > 1
            ? loaded.documents[1] : Document(value: .null, sourceMap: SourceMap(file: "fuzz.yaml", root: SourceNode(span: SourceSpan(line: 1, column: 1))))
        let options = SchemaCompileOptions(assertFormats: true, baseURI: "https://fuzz.invalid/schema.json")
        let schema: JSONSchema
        do {
            schema = try JSONSchema.compile(schemaDocument, registry: SchemaRegistry(allowsFileURIs: false), options: options)
        } catch {
            Properties.diagnosticsRender(error.diagnostics, sources: [("fuzz.yaml", loaded.text)])
            return
        }
        agree(schema, instance, sources: [("fuzz.yaml", loaded.text)])
    }

    private static func agree(_ schema: JSONSchema, _ instance: Document, sources: [(file: String, text: String?)]) {
        let all = schema.validate(instance)
        let valid = schema.isValid(instance.value)
        FuzzFailure.check(
            valid == !all.hasErrors, "the quiet and collecting modes agree on validity",
            "quiet: \(valid), collecting: \(all.map(\.message))")
        let capped = schema.validate(instance, options: ValidationOptions(maxErrors: 1))
        FuzzFailure.check(
            capped.hasErrors == all.hasErrors, "the capped and collecting modes agree on validity",
            "capped: \(capped.map(\.message)), collecting: \(all.map(\.message))")
        let cycles = all.filter { $0.code == "schema.ref-cycle" }.count
        FuzzFailure.check(capped.count <= 1 + cycles, "--max-errors 1 reports at most one error", "\(capped.map(\.message))")
        for d in all where d.code != "schema.ref-cycle" {
            if let pointer = d.pointer {
                FuzzFailure.check(pointer.resolve(in: instance.value) != nil, "an error's instance pointer names a value", "\(d)")
            }
        }
        _ = schema.allowedPropertyNames(at: .root)
        if let pointer = all.first?.pointer { _ = schema.allowedPropertyNames(at: pointer) }
        Properties.diagnosticsRender(all, sources: sources)
    }
}
