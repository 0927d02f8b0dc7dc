import DistlangCore

/// Where each draft keeps subschemas: the keywords the indexer walks to find `$id` and anchors.
/// Anything else (`enum`, `const`, unknown keywords) is data, so an `$id` inside it is not an identifier.
enum SubschemaKeywords {
    /// The keywords of one draft: those holding one schema, an array of schemas, an object of schemas.
    struct Table {
        let single: Set<String>
        let array: Set<String>
        let map: Set<String>
    }

    static func table(_ draft: Draft) -> Table {
        switch draft {
        case .draft4: return draft4
        case .draft6: return draft6
        case .draft7: return draft7
        case .draft2019_09: return draft2019
        case .draft2020_12: return draft2020
        }
    }

    private static let draft4 = Table(
        single: ["additionalItems", "additionalProperties", "not", "items"], array: ["allOf", "anyOf", "oneOf", "items"],
        map: ["definitions", "patternProperties", "properties", "dependencies"])
    private static let draft6 = Table(
        single: draft4.single.union(["contains", "propertyNames"]), array: draft4.array, map: draft4.map)
    private static let draft7 = Table(single: draft6.single.union(["if", "then", "else"]), array: draft6.array, map: draft6.map)
    private static let draft2019 = Table(
        single: [
            "additionalItems", "additionalProperties", "contains", "contentSchema", "else", "if", "items", "not", "propertyNames",
            "then", "unevaluatedItems", "unevaluatedProperties",
        ],
        array: ["allOf", "anyOf", "oneOf", "items"],
        map: ["$defs", "definitions", "dependentSchemas", "patternProperties", "properties"])
    private static let draft2020 = Table(
        single: [
            "additionalProperties", "contains", "contentSchema", "else", "if", "items", "not", "propertyNames", "then",
            "unevaluatedItems", "unevaluatedProperties",
        ],
        array: ["allOf", "anyOf", "oneOf", "prefixItems"],
        map: ["$defs", "definitions", "dependentSchemas", "patternProperties", "properties"])

    /// The subschemas directly inside `object`, as (pointer tokens relative to it, value).
    static func children(of object: JSONObject, draft: Draft) -> [([String], Value)] {
        let t = table(draft)
        var out: [([String], Value)] = []
        for (key, value) in object.entries {
            if t.single.contains(key), isSchema(value) { out.append(([key], value)) }
            if t.array.contains(key), case .array(let items) = value {
                for (i, item) in items.enumerated() where isSchema(item) { out.append(([key, String(i)], item)) }
            }
            if t.map.contains(key), case .object(let members) = value {
                for (name, item) in members.entries where isSchema(item) { out.append(([key, name], item)) }
            }
        }
        return out
    }

    static func isSchema(_ v: Value) -> Bool {
        switch v {
        case .object, .bool: return true
        default: return false
        }
    }
}
