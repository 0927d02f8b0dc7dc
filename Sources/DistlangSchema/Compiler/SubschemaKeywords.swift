import DistlangCore

/// Where each draft keeps subschemas: the keywords the indexer walks to find `$id` and anchors.
/// Anything else (`enum`, `const`, unknown keywords) is data, so an `$id` inside it is not an identifier.
enum SubschemaKeywords {
    /// Keywords whose value is one schema.
    static func single(_ draft: Draft) -> Set<String> {
        switch draft {
        case .draft2020_12:
            return [
                "additionalProperties", "contains", "contentSchema", "else", "if", "items", "not", "propertyNames", "then",
                "unevaluatedItems", "unevaluatedProperties",
            ]
        case .draft7:
            return ["additionalItems", "additionalProperties", "contains", "else", "if", "not", "propertyNames", "then", "items"]
        }
    }

    /// Keywords whose value is an array of schemas.
    static func array(_ draft: Draft) -> Set<String> {
        switch draft {
        case .draft2020_12: return ["allOf", "anyOf", "oneOf", "prefixItems"]
        case .draft7: return ["allOf", "anyOf", "oneOf", "items"]
        }
    }

    /// Keywords whose value is an object of schemas.
    static func map(_ draft: Draft) -> Set<String> {
        switch draft {
        case .draft2020_12: return ["$defs", "definitions", "dependentSchemas", "dependencies", "patternProperties", "properties"]
        case .draft7: return ["definitions", "patternProperties", "properties", "dependencies"]
        }
    }

    static let single2020 = single(.draft2020_12), array2020 = array(.draft2020_12), map2020 = map(.draft2020_12)
    static let single7 = single(.draft7), array7 = array(.draft7), map7 = map(.draft7)

    /// The subschemas directly inside `object`, as (pointer tokens relative to it, value).
    static func children(of object: JSONObject, draft: Draft) -> [([String], Value)] {
        let single = draft == .draft7 ? single7 : single2020
        let array = draft == .draft7 ? array7 : array2020
        let map = draft == .draft7 ? map7 : map2020
        var out: [([String], Value)] = []
        for (key, value) in object.entries {
            if single.contains(key), isSchema(value) { out.append(([key], value)) }
            if array.contains(key), case .array(let items) = value {
                for (i, item) in items.enumerated() where isSchema(item) { out.append(([key, String(i)], item)) }
            }
            if map.contains(key), case .object(let members) = value {
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
