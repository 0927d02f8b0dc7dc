import DistlangCore
import DistlangSchema
import TestSupport

/// Seeded random schemas and instances for the differential test against python-jsonschema, built
/// around what differs between drafts: draft-04's integer and boolean exclusive bounds, `const`,
/// `contains`, `propertyNames` (from draft-06), `if`/`then`/`else` (draft-07), tuple `items` with
/// `additionalItems` versus `prefixItems`, `dependencies` versus `dependentRequired`/`dependentSchemas`,
/// `$ref` beside other keywords, `unevaluatedProperties`/`unevaluatedItems` and `minContains`.
struct SchemaGenerator {
    var random: SeededRandom
    let draft: Draft

    /// The schemas that accept and refuse everything (draft-04 has no boolean schemas).
    private var anything: Value { draft == .draft4 ? [:] : true }
    private var nothing: Value { draft == .draft4 ? ["not": [:]] : false }

    mutating func schema() -> Value {
        var o = JSONObject()
        o["$schema"] = .string(draft.metaschemaURI)
        let count = Int.random(in: 1...3, using: &random)
        for _ in 0..<count {
            for (k, v) in fragment().entries where o[k] == nil { o[k] = v }
        }
        return .object(o)
    }

    private mutating func fragment() -> JSONObject {
        var o = JSONObject()
        let n = number()
        switch Int.random(in: 0..<16, using: &random) {
        case 0: o["type"] = .string(random.pick(["integer", "number", "string", "array", "object"]))
        case 1:
            o["maximum"] = n
            o["exclusiveMaximum"] = draft == .draft4 ? .bool(random.chance(0.5)) : number()
        case 2:
            o["minimum"] = n
            o["exclusiveMinimum"] = draft == .draft4 ? .bool(random.chance(0.5)) : number()
        case 3: o["const"] = scalar()
        case 4: o["contains"] = ["type": "integer", "minimum": n]
            if random.chance(0.5) { o["minContains"] = .integer(Int64.random(in: 0...2, using: &random)) }
        case 5: o["propertyNames"] = ["maxLength": 1]
        case 6:
            o["if"] = ["required": ["a"]]
            o["then"] = ["required": ["b"]]
            if random.chance(0.5) { o["else"] = ["required": ["c"]] }
        case 7:
            if draft == .draft2020_12 {
                o["prefixItems"] = [["type": "integer"], ["type": "string"]]
                o["items"] = random.chance(0.5) ? nothing : ["type": "boolean"]
            } else {
                o["items"] = [["type": "integer"], ["type": "string"]]
                o["additionalItems"] = random.chance(0.5) ? nothing : ["type": "boolean"]
            }
        case 8: o["dependencies"] = random.chance(0.5) ? ["a": ["b"]] : ["a": ["required": ["c"]]]
        case 9: o["dependentRequired"] = ["a": ["b"]]
        case 10: o["dependentSchemas"] = ["b": ["required": ["c"]]]
        case 11:
            o["definitions"] = ["n": ["type": "integer"]]
            o["$ref"] = "#/definitions/n"
            o["maximum"] = n
        case 12:
            o["properties"] = ["a": ["type": "integer"]]
            o["unevaluatedProperties"] = nothing
            if random.chance(0.5) { o["allOf"] = [["properties": ["b": anything]]] }
        case 13:
            o["unevaluatedItems"] = nothing
            o["allOf"] = draft == .draft2020_12 ? [["prefixItems": [anything]]] : [["items": [anything]]]
        case 14: o["type"] = ["integer", "string"]
            o["multipleOf"] = .number(random.pick([0.5, 2.0, 0.1]))
        default:
            o["properties"] = ["a": ["minimum": n], "b": ["enum": [1, "x", .null]]]
            o["required"] = random.chance(0.5) ? ["a"] : ["b"]
            if random.chance(0.5) { o["additionalProperties"] = nothing }
        }
        return o
    }

    mutating func instance() -> Value {
        switch Int.random(in: 0..<6, using: &random) {
        case 0, 1: return scalar()
        case 2: return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in scalar() })
        default:
            var o = JSONObject()
            for key in ["a", "b", "c", "dd"] where random.chance(0.5) { o[key] = scalar() }
            return .object(o)
        }
    }

    private mutating func number() -> Value {
        random.chance(0.5) ? .integer(Int64.random(in: -3...3, using: &random)) : .number(random.pick([-1.5, 0.0, 1.0, 2.5, 3.0]))
    }

    private mutating func scalar() -> Value {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return number()
        case 1: return .string(random.pick(["", "x", "ab", "1"]))
        case 2: return .bool(random.chance(0.5))
        case 3: return .null
        default: return .integer(Int64.random(in: 0...3, using: &random))
        }
    }
}
