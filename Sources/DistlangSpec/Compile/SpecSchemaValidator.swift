import DistlangCore
import DistlangLoader
import DistlangSchema

/// Validates specs with distlang's own JSON Schema engine against the embedded spec schema,
/// compiled once per process.
public struct SpecSchemaValidator: SpecSchemaValidating {
    let schema: JSONSchema

    /// The compiled spec schema. The embedded schema is part of the binary and covered by tests, so
    /// failing to compile it is a build defect, not an input error.
    public static let shared: SpecSchemaValidator = {
        let loaded = Loader.load(text: SpecSchema.text, file: "distlang.schema.json", format: .json)
        guard let document = loaded.document else { fatalError("embedded spec schema does not load: \(loaded.diagnostics)") }
        do {
            return SpecSchemaValidator(schema: try JSONSchema.compile(document, options: SchemaCompileOptions(baseURI: SpecSchema.id)))
        } catch {
            fatalError("embedded spec schema does not compile: \((error as? DiagnosticsError)?.diagnostics.map { $0.message } ?? [])")
        }
    }()

    public func validate(_ document: Document) -> [Diagnostic] {
        schema.validate(document).map { d in
            var d = d
            if d.code.hasPrefix("schema.") { d.code = "spec." + d.code.dropFirst("schema.".count) }
            return d
        }
    }

    /// Property names the schema allows at `pointer` (for did-you-mean hints).
    public func allowedPropertyNames(at pointer: JSONPointer) -> [String] { schema.allowedPropertyNames(at: pointer) }
}

extension SpecCompiler {
    /// A compiler using the embedded spec schema.
    public init() { self.init(schema: SpecSchemaValidator.shared) }
}
