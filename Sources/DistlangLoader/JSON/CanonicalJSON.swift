import CJansson
import Foundation
import DistlangCore

/// Canonical JSON through jansson: keys sorted, two-space indent, UTF-8 unescaped, a final newline.
/// Used for the build manifest, so the same content is always the same bytes.
public enum CanonicalJSON {
    public static func encode(_ value: Value) -> String {
        guard let json = make(value) else { return "null\n" }
        defer { json_decref(json) }
        let flags = JSON_SORT_KEYS | JSON_ENCODE_ANY | (2 & 0x1F) | ((17 & 0x1F) << 11)
        guard let text = json_dumps(json, Int(flags)) else { return "null\n" }
        defer { free(text) }
        return String(cString: text) + "\n"
    }

    /// Builds jansson's tree (caller owns the reference). Depth is bounded by the values distlang makes.
    private static func make(_ value: Value) -> UnsafeMutablePointer<json_t>? {
        switch value {
        case .null: return json_null()
        case .bool(let b): return b ? json_true() : json_false()
        case .integer(let i): return json_integer(json_int_t(i))
        case .number(let d): return d.isFinite ? json_real(d) : json_null()
        case .string(let s):
            return s.withCString { p in json_stringn(p, s.utf8.count) }
        case .array(let items):
            let array = json_array()
            for item in items { json_array_append_new(array, make(item)) }
            return array
        case .object(let o):
            let object = json_object()
            for (k, v) in o.entries {
                k.withCString { p in _ = json_object_setn_new(object, p, k.utf8.count, make(v)) }
            }
            return object
        }
    }
}
