import DistlangCore
import DistlangModel
import DistlangRender

/// `distlang explain`: a normalised model with, for each value, where it came from (file:line and
/// base / overlay / defaults / built-in default).
public enum Explanation {
    /// The model as YAML, one comment per value naming its origin. Functions and resources are keyed
    /// by name (as in the spec) rather than listed.
    public static func yaml(_ model: AppModel, provenance: Provenance?) -> String {
        var lines: [(text: String, comment: String?)] = [("environment: \(scalar(model.environment))", nil)]
        var view = ModelJSON.value(model).objectValue ?? JSONObject()
        view["environment"] = nil
        emit(.object(keyedByName(view)), path: [], indent: 0, provenance: provenance, into: &lines)
        let width = min(60, (lines.filter { $0.comment != nil }.map(\.text.count).max() ?? 0) + 2)
        return lines.map { line in
            guard let c = line.comment else { return line.text }
            return line.text + String(repeating: " ", count: max(2, width - line.text.count)) + "# " + c
        }.joined(separator: "\n") + "\n"
    }

    /// Every environment's model and origins as one JSON document.
    public static func json(_ models: [AppModel], provenance: [String: Provenance]) -> String {
        let envs: [Value] = models.map { m in
            var origins = JSONObject()
            for (path, origin) in (provenance[m.environment]?.origins ?? [:]).sorted(by: { $0.key < $1.key }) {
                var o = JSONObject()
                o["layer"] = .string(origin.layer.description)
                if let l = origin.location {
                    o["file"] = .string(l.file)
                    o["line"] = .integer(Int64(l.line))
                    o["column"] = .integer(Int64(l.column))
                }
                origins[path] = .object(o)
            }
            return ["environment": .string(m.environment), "model": ModelJSON.value(m), "origins": .object(origins)]
        }
        return JSONWriter(indent: 2).string(["environments": .array(envs)]) + "\n"
    }

    /// Functions and resources as maps keyed by name, without the repeated `name`.
    private static func keyedByName(_ view: JSONObject) -> JSONObject {
        var out = view
        for key in ["functions", "resources"] {
            guard case .array(let items)? = view[key] else { continue }
            var byName = JSONObject()
            for case .object(var item) in items {
                guard let name = item["name"]?.stringValue else { continue }
                item["name"] = nil
                byName[name] = .object(item)
            }
            out[key] = .object(byName)
        }
        return out
    }

    /// Spec keys differ from model keys in two places.
    private static let specKey = ["schedules": "schedule", "app": "name", "type": "type"]

    private static func emit(
        _ value: Value, path: [String], indent: Int, provenance: Provenance?, into lines: inout [(text: String, comment: String?)]
    ) {
        guard case .object(let o) = value else { return }
        let pad = String(repeating: " ", count: indent)
        for (key, child) in o.entries {
            let childPath = path + [specKey[key] ?? key]
            let comment = origin(childPath, provenance)
            switch child {
            case .object(let inner) where !inner.isEmpty:
                lines.append(("\(pad)\(scalar(key)):", comment))
                emit(child, path: childPath, indent: indent + 2, provenance: provenance, into: &lines)
            case .array(let items) where !items.isEmpty && items.allSatisfy({ $0.objectValue == nil }):
                lines.append(("\(pad)\(scalar(key)):", comment))
                for item in items { lines.append(("\(pad)  - \(inline(item))", nil)) }
            default:
                lines.append(("\(pad)\(scalar(key)): \(inline(child))", comment))
            }
        }
    }

    private static func origin(_ path: [String], _ provenance: Provenance?) -> String? {
        guard let provenance, let o = provenance.origin(of: path.joined(separator: ".")) else { return nil }
        guard let l = o.location else { return o.layer.description }
        return "\(l.file):\(l.line) (\(o.layer))"
    }

    private static func inline(_ v: Value) -> String {
        switch v {
        case .string(let s): return scalar(s)
        case .object(let o) where o.isEmpty: return "{}"
        case .array(let a) where a.isEmpty: return "[]"
        case .object, .array: return JSONWriter(indent: 0).string(v)
        default: return JSONWriter(indent: 0).string(v)
        }
    }

    private static func scalar(_ s: String) -> String { YAMLRenderer().renderScalar(s) }
}
