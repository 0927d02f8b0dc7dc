/// The language of a function's `source`, by its extension: a TypeScript module (`.ts`, `.mts`) is
/// compiled to JavaScript with esbuild before it runs (docs/typescript.md); everything else runs as
/// written.
public enum SourceLanguage: Sendable, Equatable {
    case javascript, typescript

    public init(source: String) {
        self =
            Self.typeScriptExtensions.contains { source.hasSuffix($0.source) && !source.hasSuffix(".d" + $0.source) }
            ? .typescript : .javascript
    }

    /// Each TypeScript extension and the extension of its compiled module.
    static let typeScriptExtensions: [(source: String, compiled: String)] = [(".ts", ".js"), (".mts", ".mjs")]

    /// The module that runs for `source`, relative to the same folder: `src/api.ts` -> `src/api.js`,
    /// `src/api.mts` -> `src/api.mjs`; a JavaScript source is itself.
    public static func runnableModule(_ source: String) -> String {
        guard SourceLanguage(source: source) == .typescript,
            let ext = typeScriptExtensions.first(where: { source.hasSuffix($0.source) })
        else { return source }
        return String(source.dropLast(ext.source.count)) + ext.compiled
    }
}
