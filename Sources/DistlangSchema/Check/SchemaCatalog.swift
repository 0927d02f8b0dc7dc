import DistlangCore
import DistlangLoader
import Foundation

/// A schema catalogue in SchemaStore's `catalog.json` format (`--catalog FILE`):
///
/// ```json
/// {"version": 1, "schemas": [{"name": "pyproject.toml", "fileMatch": ["pyproject.toml"],
///                             "url": "https://json.schemastore.org/pyproject.json"}]}
/// ```
///
/// Each instance file is validated against the schema of every entry whose `fileMatch` matches its
/// path (editors combine them the same way); an entry with no `fileMatch` never matches. A `url`
/// without a scheme is a file relative to the catalogue; any other URL is served offline by
/// `--ref`/`--ref-dir` like any remote reference.
public struct SchemaCatalog: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var url: String
        var globs: [FileGlob]

        /// Whether the entry's patterns take `path`: one inclusion matches and no exclusion does.
        func matches(_ path: String) -> Bool {
            var included = false
            for g in globs where g.matches(path) {
                if g.excludes { return false }
                included = true
            }
            return included
        }
    }

    public var file: String
    public var entries: [Entry]

    /// Reads a catalogue file; problems are diagnostics pointing into it.
    public static func load(_ path: String) -> Result<SchemaCatalog, DiagnosticsError> {
        let loaded = Loader.load(file: path)
        guard let document = loaded.document else { return .failure(DiagnosticsError(loaded.diagnostics)) }
        let map = document.sourceMap
        guard case .array(let list)? = document.value["schemas"] else {
            return .failure(DiagnosticsError([.error(
                "catalog.invalid", "a schema catalogue is an object with a \"schemas\" array (SchemaStore's catalog.json format)",
                at: map.location(of: .root))]))
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        var entries: [Entry] = []
        var problems: [Diagnostic] = []
        for (i, item) in list.enumerated() {
            let at = JSONPointer(tokens: ["schemas", String(i)])
            guard let url = item["url"]?.stringValue else {
                problems.append(.error("catalog.invalid", "this catalogue entry has no \"url\"", at: map.location(of: at), pointer: at))
                continue
            }
            let globs = (item["fileMatch"]?.arrayValue ?? []).compactMap(\.stringValue).map(FileGlob.init)
            entries.append(Entry(name: item["name"]?.stringValue ?? url, url: resolve(url, against: base), globs: globs))
        }
        if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
        return .success(SchemaCatalog(file: path, entries: entries))
    }

    /// A URL without a scheme is a path relative to the catalogue's folder, made a `file:` URL.
    private static func resolve(_ url: String, against base: URL) -> String {
        if URIReference(url).scheme != nil { return url }
        return URL(fileURLWithPath: url, relativeTo: base).standardizedFileURL.absoluteString
    }

    /// The entries whose `fileMatch` takes `path`, in catalogue order, one per schema URL.
    public func entries(for path: String) -> [Entry] {
        var seen = Set<String>()
        return entries.filter { $0.matches(path) && seen.insert($0.url).inserted }
    }
}
