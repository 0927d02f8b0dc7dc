import DistlangCore
import DistlangLoader
import DistlangSchema
import Foundation

/// Validates specs with distlang's own JSON Schema engine against the embedded spec schema,
/// compiled once per process, and words its reports for a spec author (`SpecSchemaWording`).
public struct SpecSchemaValidator: SpecSchemaValidating {
    let schema: JSONSchema
    let wording: SpecSchemaWording

    /// The compiled spec schema. The embedded schema is part of the binary and covered by tests (which
    /// also check it against its meta-schema), so failing to compile it is a build defect.
    public static let shared: SpecSchemaValidator = {
        do {
            return try compile(checkingMetaschema: false)
        } catch {
            fatalError("embedded spec schema does not compile: \((error as? DiagnosticsError)?.diagnostics.map { $0.message } ?? [])")
        }
    }()

    /// Compiles the embedded schema; `checkingMetaschema` also validates it against draft 2020-12.
    public static func compile(checkingMetaschema: Bool) throws(DiagnosticsError) -> SpecSchemaValidator {
        let loaded = Loader.load(text: SpecSchema.text, file: "distlang.schema.json", format: .json)
        guard let document = loaded.document else { throw DiagnosticsError(loaded.diagnostics) }
        let options = SchemaCompileOptions(validatesAgainstMetaschema: checkingMetaschema, baseURI: SpecSchema.id)
        return SpecSchemaValidator(
            schema: try JSONSchema.compile(document, options: options),
            wording: SpecSchemaWording(annotations: SchemaAnnotations(root: document.value)))
    }

    public func validate(_ document: Document) -> [Diagnostic] {
        let found = schema.validate(document)
        guard !found.isEmpty else { return [] }
        return wording.reword(found.map { d in
            var d = d
            if d.code.hasPrefix("schema.") { d.code = "spec." + d.code.dropFirst("schema.".count) }
            return d
        }, in: document)
    }

    /// Property names the schema allows at `pointer` (for did-you-mean hints).
    public func allowedPropertyNames(at pointer: JSONPointer) -> [String] { schema.allowedPropertyNames(at: pointer) }
}

/// The embedded schema, compiled on first use (or ahead of it, on another thread).
public struct EmbeddedSpecSchemaValidator: SpecSchemaValidating {
    public init() {}

    public func validate(_ document: Document) -> [Diagnostic] { SpecSchemaValidator.shared.validate(document) }

    public func prepareConcurrently() -> DispatchGroup? {
        let group = DispatchGroup()
        group.enter()
        let thread = Thread {
            _ = SpecSchemaValidator.shared
            group.leave()
        }
        thread.stackSize = 64 << 20
        thread.start()
        return group
    }
}

extension SpecCompiler {
    /// A compiler using the embedded spec schema.
    public init() { self.init(schema: EmbeddedSpecSchemaValidator()) }
}
