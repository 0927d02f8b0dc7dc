import Foundation

/// The build packages each function's code, so a spec written by a test needs its sources: this
/// writes a small portable handler for every `source` the spec names that does not exist yet.
public enum HandlerStubs {
    /// A module with every method a trigger may need, answering `ok`.
    public static let module = """
        export default {
          async fetch(request, env, ctx) { return new Response("ok " + ctx.route.key); },
          async queue(batch) { batch.ackAll(); },
          async scheduled() {},
        };

        """

    /// Writes a stub beside the spec at `specPath` for each `source:` (YAML) or `"source": "..."` (JSON).
    public static func write(forSpecAt specPath: String) throws {
        let text = try String(contentsOfFile: specPath, encoding: .utf8)
        let folder = URL(fileURLWithPath: specPath).deletingLastPathComponent()
        for source in sources(in: text) {
            let url = folder.appendingPathComponent(source)
            guard !FileManager.default.fileExists(atPath: url.path) else { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try module.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// The `source` values of a spec's text (plain YAML scalars or JSON strings; tests' specs only).
    static func sources(in text: String) -> [String] {
        var found: [String] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            for prefix in ["source:", "\"source\":"] where trimmed.hasPrefix(prefix) {
                var value = trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
                if let comma = value.firstIndex(of: ","), value.hasPrefix("\"") { value = String(value[..<comma]) }
                value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' }"))
                if !value.isEmpty { found.append(value) }
            }
        }
        return found
    }
}
