import DistlangCore
import Foundation
import TestSupport

/// A type-exact, order-independent form of a loaded document, made the same way in Python and in
/// Swift so that round-trip tests compare values byte for byte and type for type:
/// `["s", str]`, `["i", int]`, `["f", bits of the double]`, `["b", bool]`, `["n"]`,
/// `["a", [items]]`, `["t", [[key, value], ...]]` with keys sorted by code point, and
/// `["?", repr]` for anything else (a YAML date, say), which never equals an expected value.
enum TypedForm {
    /// Python: `typed(value)` and a loop that loads each file named on the command line with
    /// LOADER (`{loader}` is replaced) and prints one JSON line per file: typed form or error.
    static func pythonScript(imports: String, loader: String) -> String {
        """
        import json, struct, sys
        \(imports)
        def typed(v):
            if isinstance(v, bool): return ["b", v]
            if isinstance(v, str): return ["s", v]
            if isinstance(v, int): return ["i", v]
            if isinstance(v, float): return ["f", struct.unpack("<q", struct.pack("<d", v))[0]]
            if v is None: return ["n"]
            if isinstance(v, list): return ["a", [typed(x) for x in v]]
            if isinstance(v, dict):
                if not all(isinstance(k, str) for k in v): return ["?", repr(v)]
                return ["t", [[k, typed(v[k])] for k in sorted(v)]]
            return ["?", repr(v)]
        for path in sys.argv[1:]:
            try:
                with open(path, "rb") as f:
                    data = f.read()
                value = \(loader)
                print(json.dumps({"ok": typed(value)}, ensure_ascii=True))
            except Exception as e:
                print(json.dumps({"error": type(e).__name__ + ": " + str(e)}, ensure_ascii=True))
        """
    }

    struct Line: Decodable {
        var ok: DecodedValue?
        var error: String?
    }

    /// Runs the script on `files` and returns, per file, the typed value or the loader's error.
    static func load(_ files: [URL], imports: String, loader: String) throws -> [Result<Value, ExternalTool.Failure>] {
        let result = try ExternalTool.python(pythonScript(imports: imports, loader: loader), files.map(\.path))
        guard !result.timedOut, result.exitCode == 0 else {
            throw ExternalTool.Failure(description: "python failed (\(result.exitCode)): \(result.stderr)")
        }
        return try result.stdout.split(separator: "\n").map { line in
            let decoded = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            if let ok = decoded.ok { return .success(ok.value) }
            return .failure(ExternalTool.Failure(description: decoded.error ?? "no value"))
        }
    }

    /// Writes each text to `<dir>/fNNNN.<ext>`.
    static func writeFiles(_ texts: [String], ext: String, prefix: String) throws -> (URL, [URL]) {
        let dir = RepositoryPaths.temporaryDirectory("distlang-\(prefix)")
        var urls: [URL] = []
        for (i, text) in texts.enumerated() {
            let url = dir.appendingPathComponent(String(format: "f%04d.%@", i, ext))
            try Data(text.utf8).write(to: url)
            urls.append(url)
        }
        return (dir, urls)
    }

    static func string(_ s: String) -> Value { [.string("s"), .string(s)] }
    static func integer(_ i: Int64) -> Value { [.string("i"), .integer(i)] }
    static func float(_ d: Double) -> Value { [.string("f"), .integer(Int64(bitPattern: d.bitPattern))] }
    static func bool(_ b: Bool) -> Value { [.string("b"), .bool(b)] }
    static func array(_ items: [Value]) -> Value { [.string("a"), .array(items)] }

    /// A table from pairs, keys sorted by code point as Python's `sorted` does.
    static func table(_ pairs: [(String, Value)]) -> Value {
        let sorted = pairs.sorted { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) }
        return [.string("t"), .array(sorted.map { [.string($0.0), $0.1] })]
    }

    /// The typed form of a JSON-like value.
    static func of(_ value: Value) -> Value {
        switch value {
        case .null: return [.string("n")]
        case .bool(let b): return bool(b)
        case .integer(let i): return integer(i)
        case .number(let d): return float(d)
        case .string(let s): return string(s)
        case .array(let items): return array(items.map(of))
        case .object(let object): return table(object.entries.map { ($0.0, of($0.1)) })
        }
    }
}
