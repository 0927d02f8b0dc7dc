import DistlangCore
import DistlangLoader

/// Writes the key-by-key reference of the spec (docs/spec-reference.md) from the JSON Schema's
/// titles, descriptions, types, defaults and examples, so the reference cannot drift from the schema.
public enum SpecReference {
    public static func markdown() -> String {
        guard let schema = Loader.load(text: SpecSchema.text, file: "schema", format: .json).document?.value else { return "" }
        var out = """
            # Spec reference

            Generated from `schemas/distlang.schema.json` (do not edit by hand: run the tests with
            `DISTLANG_RECORD=1` after changing the schema). See [spec.md](spec.md) for the overview and the
            merge rules of environments.

            | key | type | default | description |
            |---|---|---|---|

            """
        var rows: [String] = []
        walk(schema, path: "", root: schema, into: &rows, seen: [])
        out += rows.joined(separator: "\n") + "\n"
        return out
    }

    private static func walk(_ node: Value, path: String, root: Value, into rows: inout [String], seen: Set<String>) {
        guard case .object = node else { return }
        if let ref = node["$ref"]?.stringValue, ref.hasPrefix("#/$defs/") {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard !seen.contains(name), let target = root["$defs"]?[name] else { return }
            walk(target, path: path, root: root, into: &rows, seen: seen.union([name]))
            return
        }
        for (key, child) in node["properties"]?.objectValue?.entries.map({ ($0, $1) }) ?? [] {
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            rows.append(row(childPath, resolved(child, root)))
            walk(child, path: childPath, root: root, into: &rows, seen: seen)
        }
        let placeholder = path.hasSuffix("functions") ? "<function>" : path.hasSuffix("resources") ? "<resource>"
            : path.hasSuffix("environments") ? "<environment>" : "<name>"
        if let names = node["propertyNames"], names["title"] != nil {
            // The rule for the keys themselves (function names, variable names …).
            rows.append(row("\(path).\(placeholder)", names, type: "key"))
        }
        if case .object(let additional)? = node["additionalProperties"] {
            let childPath = "\(path).\(placeholder)"
            let child = Value.object(additional)
            if additional["properties"] != nil || additional["$ref"] != nil || additional["allOf"] != nil {
                walk(child, path: childPath, root: root, into: &rows, seen: seen)
            }
        }
        for branch in node["allOf"]?.arrayValue ?? [] {
            if let then = branch["then"], let kind = branch["if"]?["properties"]?["type"]?["const"]?.stringValue {
                rows.append("| *`\(path)` when `type: \(kind)`* | | | |")
                walk(then, path: path, root: root, into: &rows, seen: seen)
            }
        }
    }

    private static func resolved(_ node: Value, _ root: Value) -> Value {
        if let ref = node["$ref"]?.stringValue, ref.hasPrefix("#/$defs/"), let target = root["$defs"]?[String(ref.dropFirst(8))] {
            return target
        }
        return node
    }

    private static func row(_ path: String, _ node: Value, type typeName: String? = nil) -> String {
        let title = node["title"]?.stringValue.map { "**\($0).** " } ?? ""
        let description = (node["description"]?.stringValue ?? "").replacingAll("|", "\\|").replacingAll("\n", " ")
        var extras: [String] = []
        if let pattern = node["pattern"]?.stringValue { extras.append("Pattern `\(pattern.replacingAll("|", "\\|"))`.") }
        if let e = node["examples"]?.arrayValue?.first { extras.append("Example: `\(JSONWriter(indent: 0).string(e).replacingAll("|", "\\|"))`.") }
        let def = node["default"].map { "`\(JSONWriter(indent: 0).string($0))`" } ?? ""
        return "| `\(path)` | \(typeName ?? type(node)) | \(def) | \(title)\(description) \(extras.joined(separator: " "))".trimmingTrailingSpace() + " |"
    }

    private static func type(_ node: Value) -> String {
        if let c = node["const"] { return "`\(JSONWriter(indent: 0).string(c))`" }
        if let e = node["enum"]?.arrayValue { return e.map { JSONWriter(indent: 0).string($0) }.joined(separator: " \\| ") }
        if case .array(let ts)? = node["type"] { return ts.compactMap(\.stringValue).joined(separator: " or ") }
        if let t = node["type"]?.stringValue {
            if t == "array", let item = node["items"]?["type"]?.stringValue { return "array of \(item)" }
            return t
        }
        if node["anyOf"] != nil { return "string or array of string" }
        return "object"
    }
}

extension String {
    func trimmingTrailingSpace() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
