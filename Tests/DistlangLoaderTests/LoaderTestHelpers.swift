import DistlangCore
import DistlangLoader

/// Loads YAML text as a spec would be loaded.
func yaml(_ text: String, multi: Bool = false) -> LoadResult {
    Loader.load(text: text, file: "t.yaml", format: .yaml, options: LoadOptions(allowMultipleDocuments: multi))
}

func json(_ text: String) -> LoadResult {
    Loader.load(text: text, file: "t.json", format: .json)
}

/// The value of a document that must load.
func value(_ result: LoadResult) -> Value? {
    result.document?.value
}

/// The first error as `line:col: message`, the way tests assert it.
func firstError(_ result: LoadResult) -> String? {
    guard let d = result.diagnostics.first(where: { $0.severity == .error }) else { return nil }
    guard let l = d.location else { return d.message }
    return "\(l.line):\(l.column): \(d.message)"
}

/// The notes of the first error as `line:col: message`.
func firstErrorNotes(_ result: LoadResult) -> [String] {
    guard let d = result.diagnostics.first(where: { $0.severity == .error }) else { return [] }
    return d.notes.map { n in n.location.map { "\($0.line):\($0.column): \(n.message)" } ?? n.message }
}
