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
    /// What each target cannot build, run on every environment that builds for it (the shipped
    /// checkers are `TargetEmitters.checkers` in DistlangBuild).
    public var targetCheckers: [any TargetChecker] = []

    public init(schema: SpecSchemaValidating) {
        self.schema = schema
    }

    /// Compiles the spec at `path`; diagnostics name it `displayName` (default: the path as given).
    public func compile(file path: String, displayName: String? = nil) -> CompiledSpec {
        // The schema compiles (once per process) while the file loads.
        let warmUp = schema.prepareConcurrently()
        let loaded = Loader.load(file: path, displayName: displayName)
        warmUp?.wait()
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
        // Environments are independent: they are checked in parallel.
        let environments = EnvironmentExpander.expand(document)
        let specDirectory = checkSourceFiles ? result.specDirectory : nil
        let outcomes = Parallel.map(environments.count + 1) { [self] i -> EnvironmentOutcome in
            guard i > 0 else { return EnvironmentOutcome(diagnostics: schema.validate(document)) }
            let env = environments[i - 1]
            // The base is checked whole; an environment only where its overlay can have changed it.
            let focused = env.overlaySpan != nil ? OverlayFocus.document(merged: env.document, overlay: env.overlay) : nil
            var outcome = EnvironmentOutcome(diagnostics: focused.map(schema.validate) ?? [])
            var normaliser = EnvironmentNormaliser(environment: env, specDirectory: specDirectory, recordsProvenance: recordsProvenance)
            outcome.model = normaliser.run()
            outcome.provenance = normaliser.provenance
            outcome.diagnostics += normaliser.sink.diagnostics
            if let model = outcome.model { outcome.diagnostics += targetDiagnostics(model, in: env.document) }
            return outcome
        }
        var models: [AppModel] = []
        for (i, outcome) in outcomes.enumerated() {
            if let model = outcome.model {
                models.append(model)
                if recordsProvenance { result.provenance[environments[i - 1].name] = outcome.provenance }
            }
        }
        result.diagnostics = Self.deduplicated(outcomes.flatMap(\.diagnostics)).sortedForOutput()
        result.models = result.diagnostics.hasErrors ? [] : models
        return result
    }

    /// The target checkers' findings on one environment's model, placed in its document.
    private func targetDiagnostics(_ model: AppModel, in document: Document) -> [Diagnostic] {
        var sink = DiagnosticSink(sourceMap: document.sourceMap)
        for checker in targetCheckers where model.targets.kinds.contains(checker.target) {
            for finding in checker.check(model) {
                let pointer = finding.pointers.first { document.sourceMap.contains($0) } ?? finding.pointers.last ?? .root
                sink.report(finding.severity, finding.code, finding.message, at: pointer, atKey: finding.atKey, hint: finding.hint)
            }
        }
        return sink.diagnostics
    }

    /// What checking one environment (or, first, the base) found.
    private struct EnvironmentOutcome: Sendable {
        var diagnostics: [Diagnostic]
        var model: AppModel?
        var provenance = Provenance()
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
