import DistlangCore
import Foundation
import DistlangLoader
import DistlangRender

/// Properties shared by the fuzz targets.
enum Properties {
    /// Diagnostics render in every format: text (with the source lines and carets), JSON, GitHub and
    /// SARIF; the JSON and SARIF renderings are JSON that distlang's own loader accepts, and the
    /// GitHub one has one line per diagnostic (a message cannot start a new workflow command).
    static func diagnosticsRender(_ diagnostics: [Diagnostic], sources: [(file: String, text: String?)]) {
        let cache = SourceCache()
        for source in sources { if let text = source.text { cache.register(file: source.file, text: text) } }
        _ = TextDiagnosticRenderer(sources: cache, useColor: false).render(diagnostics)
        _ = TextDiagnosticRenderer(sources: cache, useColor: true).render(diagnostics)
        isJSON(JSONDiagnosticRenderer.render(diagnostics), "the JSON diagnostics")
        isJSON(SARIFDiagnosticRenderer.render(diagnostics), "the SARIF report")
        let github = GitHubDiagnosticRenderer.render(diagnostics)
        let lines = github.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        FuzzFailure.check(
            lines.allSatisfy { $0.hasPrefix("::") } && lines.count <= diagnostics.count * (1 + 8),
            "every GitHub annotation line starts a workflow command", github)
    }

    /// Every error of a loader is located (file:line:col, line and column from 1).
    static func errorsLocated(_ diagnostics: [Diagnostic], _ stage: String) {
        for d in diagnostics where d.severity == .error {
            guard let l = d.location else { FuzzFailure.fail("\(stage) errors have a location", "\(d)") }
            FuzzFailure.check(l.line >= 1 && l.column >= 1, "\(stage) error locations start at 1:1", "\(d)")
        }
    }

    /// `text` is JSON (RFC 8259), as another program reads it (Foundation's parser, which unlike
    /// jansson accepts `\u0000`).
    static func isJSON(_ text: String, _ what: String) {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            FuzzFailure.fail("\(what) is valid JSON", "\(error)\n\(text)")
        }
    }

    /// `text` loads as JSON with distlang's own loader, without errors.
    @discardableResult
    static func reloadsAsJSON(_ text: String, _ what: String, options: LoadOptions = LoadOptions()) -> Value {
        let loaded = Loader.load(text: text, file: "rendered.json", format: .json, options: options)
        guard let document = loaded.document else {
            FuzzFailure.fail("\(what) is valid JSON", "\(loaded.diagnostics.map(\.message))\n\(text)")
        }
        return document.value
    }

    /// A loaded value survives being written as JSON and as YAML and read back: the writers escape
    /// every string and the loaders read what the writers write. Skipped when the rendering is over
    /// the loader's size limit (alias expansion can make a small YAML file a large JSON one). The
    /// JSON leg is skipped for a value with a NUL character in a string: YAML's `"\0"` escape makes
    /// one, and jansson rejects `\u0000` (docs/loading.md).
    static func valueRoundTrips(_ value: Value) {
        // Aliases can expand a small file into a million values; writing and re-reading those
        // under AddressSanitizer takes longer than the fuzzer's timeout, and proves nothing more.
        guard nodeCount(value, limit: 100_000) < 100_000 else { return }
        let json = JSONWriter(indent: 0).string(value)
        if json.utf8.count < LoadOptions().maxInputBytes, !containsNUL(value) {
            let back = Loader.load(text: json, file: "roundtrip.json", format: .json)
            guard let document = back.document else {
                FuzzFailure.fail("a loaded value written as JSON loads again", "\(back.diagnostics.map(\.message))\n\(json)")
            }
            FuzzFailure.check(document.value == value, "a loaded value written as JSON loads as the same value", json)
        }
        let yaml = YAMLRenderer().render(value)
        if yaml.utf8.count < LoadOptions().maxInputBytes {
            let back = Loader.load(text: yaml, file: "roundtrip.yaml", format: .yaml)
            guard let document = back.document else {
                FuzzFailure.fail("a loaded value rendered as YAML loads again", "\(back.diagnostics.map(\.message))\n\(yaml)")
            }
            FuzzFailure.check(document.value == value, "a loaded value rendered as YAML loads as the same value", yaml)
        }
    }

    /// The number of values in the tree, counting up to `limit`.
    static func nodeCount(_ value: Value, limit: Int) -> Int {
        var count = 0
        var stack = [value]
        while let v = stack.popLast(), count < limit {
            count += 1
            switch v {
            case .array(let items): stack += items
            case .object(let o): stack += o.values
            default: break
            }
        }
        return count
    }

    static func containsNUL(_ value: Value) -> Bool {
        switch value {
        case .string(let s): return s.utf8.contains(0)
        case .array(let items): return items.contains(where: containsNUL)
        case .object(let o): return o.keys.contains { $0.utf8.contains(0) } || o.values.contains(where: containsNUL)
        default: return false
        }
    }

    /// Every value in the tree has a place in the source map.
    static func everyValueLocated(_ document: Document) {
        var budget = 20_000
        func walk(_ value: Value, _ pointer: JSONPointer) {
            budget -= 1
            guard budget > 0 else { return }
            FuzzFailure.check(document.sourceMap.contains(pointer), "every value has a node in the source map", pointer.description)
            let location = document.sourceMap.location(of: pointer)
            FuzzFailure.check(location.line >= 1 && location.column >= 1, "source locations start at 1:1", pointer.description)
            switch value {
            case .array(let items): for (i, item) in items.enumerated() { walk(item, pointer.appending(i)) }
            case .object(let o): for (k, v) in o.entries { walk(v, pointer.appending(k)) }
            default: break
            }
        }
        walk(document.value, .root)
    }
}
