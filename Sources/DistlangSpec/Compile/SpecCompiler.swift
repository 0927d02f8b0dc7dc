import DistlangCore
import DistlangLoader
import DistlangModel
import Foundation

/// The result of compiling a spec: one model per environment, or the diagnostics that prevent it.
public struct CompiledSpec: Sendable {
    /// The spec file as the user named it.
    public var file: String
    /// The spec's folder (for source paths).
    public var specDirectory: String
    public var document: Document?
    /// The spec's text, for showing source lines in diagnostics.
    public var text: String?
    /// One model per environment, sorted by name; empty when there are errors.
    public var models: [AppModel] = []
    /// Where each model value came from, by environment name.
    public var provenance: [String: Provenance] = [:]
    /// Errors and warnings, sorted by position, each reported once.
    public var diagnostics: [Diagnostic] = []
    /// The file could not be read at all (exit code 2).
    public var isIOError = false

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Load -> schema -> environments -> normalise -> semantic checks: a spec file in, models out.
public struct SpecCompiler: Sendable {
    let schema: SpecSchemaValidating
    /// Check that function sources exist (a warning when they do not).
    public var checkSourceFiles = true
    /// Record where each model value came from (`CompiledSpec.provenance`, for `distlang explain`).
    public var recordsProvenance = false

    public init(schema: SpecSchemaValidating) {
        self.schema = schema
    }

    /// Compiles the spec at `path`; diagnostics name it `displayName` (default: the path as given).
    public func compile(file path: String, displayName: String? = nil) -> CompiledSpec {
        let loaded = Loader.load(file: path, displayName: displayName)
        var result = CompiledSpec(file: displayName ?? path, specDirectory: Self.directory(of: path), text: loaded.text)
        result.isIOError = loaded.isIOError
        guard let document = loaded.document else {
            result.diagnostics = loaded.diagnostics
            return result
        }
        return compile(document: document, into: result)
    }

    /// Compiles an already loaded spec; `specDirectory` nil skips the source-file check.
    public func compile(document: Document, specDirectory: String?) -> CompiledSpec {
        var result = CompiledSpec(file: document.file, specDirectory: specDirectory ?? ".")
        if specDirectory == nil {
            var copy = self
            copy.checkSourceFiles = false
            return copy.compile(document: document, into: result)
        }
        result.specDirectory = specDirectory!
        return compile(document: document, into: result)
    }

    private func compile(document: Document, into result: CompiledSpec) -> CompiledSpec {
        var result = result
        result.document = document
        // The base, then every environment, is validated; semantic checks run even after schema errors
        // (the normaliser reads values defensively), so a run reports every problem at once.
        var diagnostics = schema.validate(document)
        var models: [AppModel] = []
        for env in EnvironmentExpander.expand(document) {
            if env.overlaySpan != nil { diagnostics += schema.validate(env.document) }
            var normaliser = EnvironmentNormaliser(
                environment: env, specDirectory: checkSourceFiles ? result.specDirectory : nil, recordsProvenance: recordsProvenance)
            if let model = normaliser.run() {
                models.append(model)
                if recordsProvenance { result.provenance[env.name] = normaliser.provenance }
            }
            diagnostics += normaliser.sink.diagnostics
        }
        result.diagnostics = Self.deduplicated(diagnostics).sortedForOutput()
        result.models = result.diagnostics.hasErrors ? [] : models
        return result
    }

    /// A problem in the base shows up in every environment; report it once.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { d in
            let l = d.location
            return seen.insert("\(d.severity)|\(d.code)|\(d.message)|\(l?.file ?? "")|\(l?.line ?? 0)|\(l?.column ?? 0)").inserted
        }
    }

    static func directory(of path: String) -> String {
        let dir = PathText.deletingLastComponent(path)
        return dir.isEmpty ? "." : dir
    }
}
