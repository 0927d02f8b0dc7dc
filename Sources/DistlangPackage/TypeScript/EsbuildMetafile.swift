import Foundation

/// What esbuild's `--metafile` says about one build: the files it read, and the imports it left in
/// the output (packages and Node's built-in modules), each with the file that wrote it.
struct EsbuildMetafile {
    /// The files read, as esbuild names them (relative to its working folder).
    var files: [String]
    /// `(file, specifier)` of every import left external, in file order.
    var externalImports: [(file: String, specifier: String)]

    init?(json: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
            let inputs = object["inputs"] as? [String: Any]
        else { return nil }
        files = inputs.keys.sorted()
        externalImports = []
        for file in files {
            let imports = (inputs[file] as? [String: Any])?["imports"] as? [[String: Any]] ?? []
            for entry in imports where entry["external"] as? Bool == true {
                if let specifier = entry["path"] as? String { externalImports.append((file, specifier)) }
            }
        }
    }
}
