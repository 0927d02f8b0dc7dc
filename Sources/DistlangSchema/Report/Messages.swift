import DistlangCore

/// The words of each error: short, specific, in terms a person uses ("100 is less than the minimum
/// of 128", "expected a string, got an integer", "must be one of \"GET\", \"POST\", …").
enum Messages {
    static func text(_ kind: ErrorKind, _ v: Value) -> String {
        switch kind {
        case .falseSchema: return "no value is allowed here"
        case .type(let mask):
            let got = mask.contains(.integerExcludesFloats) && v.isFloatingPoint ? "number" : v.typeName
            return "expected \(typeList(mask)), got \(article(got))"
        case .const(let c): return "must be \(show(c)), got \(show(v))"
        case .enumeration(let values): return "must be one of \(list(values)), got \(show(v))"
        case .multipleOf(let m): return "\(show(v)) is not a multiple of \(show(m))"
        case .maximum(let b): return "\(show(v)) is greater than the maximum of \(show(b))"
        case .exclusiveMaximum(let b): return "\(show(v)) must be less than \(show(b))"
        case .minimum(let b): return "\(show(v)) is less than the minimum of \(show(b))"
        case .exclusiveMinimum(let b): return "\(show(v)) must be greater than \(show(b))"
        case .maxLength(let n): return "\(show(v)) is longer than \(n) \(plural(n, "character"))"
        case .minLength(let n):
            return n == 1 ? "must not be empty" : "\(show(v)) is shorter than \(n) \(plural(n, "character"))"
        case .pattern(let p): return "\(show(v)) does not match the pattern \(JSONWriter.quote(p))"
        case .format(let f): return "\(show(v)) is not a valid \(f)"
        case .maxItems(let n): return "has \(count(v)) items, more than the maximum of \(n)"
        case .minItems(let n): return "has \(count(v)) \(plural(count(v), "item")), fewer than the minimum of \(n)"
        case .uniqueItems(let a, let b): return "items \(a) and \(b) are equal; items must be unique"
        case .contains(let min, let max, let found):
            if let max, found > max { return "has \(found) items matching the `contains` schema, more than the maximum of \(max)" }
            if min == 1 { return "has no item matching the `contains` schema" }
            return "has \(found) \(plural(found, "item")) matching the `contains` schema, fewer than the minimum of \(min)"
        case .maxProperties(let n): return "has \(count(v)) properties, more than the maximum of \(n)"
        case .minProperties(let n): return "has \(count(v)) \(plural(count(v), "property", "properties")), fewer than the minimum of \(n)"
        case .required(let name): return "missing required property \(JSONWriter.quote(name))"
        case .dependentRequired(let p, let r): return "missing property \(JSONWriter.quote(r)), required when \(JSONWriter.quote(p)) is present"
        case .unknownProperty(let name, _): return "unknown property \(JSONWriter.quote(name))"
        case .unevaluatedProperty(let name, _): return "unknown property \(JSONWriter.quote(name)) (not evaluated by any subschema)"
        case .unexpectedItem(let allowed): return "unexpected item: at most \(allowed) \(plural(allowed, "item")) allowed here"
        case .unevaluatedItem(let i): return "unexpected item at index \(i) (not evaluated by any subschema)"
        case .not: return "\(show(v)) must not match the schema in `not`"
        case .oneOfSeveral(let matched):
            return "matches alternatives \(matched.map { String($0 + 1) }.joined(separator: " and ")) of `oneOf`; it must match exactly one"
        case .noAlternative(let n): return "matches none of the \(n) alternatives"
        case .refCycle(let at): return "the schema refers to itself at \(at) without consuming any input (a $ref cycle)"
        case .tooDeep(let n): return "the schema and value nest deeper than \(n) levels; validation stopped"
        }
    }

    /// The diagnostic code of an error kind: `schema.<keyword>`.
    static func code(_ kind: ErrorKind) -> String {
        switch kind {
        case .falseSchema: return "schema.false"
        case .type: return "schema.type"
        case .const: return "schema.const"
        case .enumeration: return "schema.enum"
        case .multipleOf: return "schema.multipleOf"
        case .maximum: return "schema.maximum"
        case .exclusiveMaximum: return "schema.exclusiveMaximum"
        case .minimum: return "schema.minimum"
        case .exclusiveMinimum: return "schema.exclusiveMinimum"
        case .maxLength: return "schema.maxLength"
        case .minLength: return "schema.minLength"
        case .pattern: return "schema.pattern"
        case .format: return "schema.format"
        case .maxItems: return "schema.maxItems"
        case .minItems: return "schema.minItems"
        case .uniqueItems: return "schema.uniqueItems"
        case .contains: return "schema.contains"
        case .maxProperties: return "schema.maxProperties"
        case .minProperties: return "schema.minProperties"
        case .required: return "schema.required"
        case .dependentRequired: return "schema.dependentRequired"
        case .unknownProperty: return "schema.additionalProperties"
        case .unevaluatedProperty: return "schema.unevaluatedProperties"
        case .unexpectedItem: return "schema.items"
        case .unevaluatedItem: return "schema.unevaluatedItems"
        case .not: return "schema.not"
        case .oneOfSeveral: return "schema.oneOf"
        case .noAlternative: return "schema.anyOf"
        case .refCycle: return "schema.ref-cycle"
        case .tooDeep: return "schema.too-deep"
        }
    }

    /// A value as it appears in a message: scalars in JSON, long strings cut, containers summarised.
    static func show(_ v: Value) -> String {
        switch v {
        case .string(let s):
            if s.unicodeScalars.count > 60 { return JSONWriter.quote(String(s.unicodeScalars.prefix(57))) + "…" }
            return JSONWriter.quote(s)
        case .array(let a): return a.isEmpty ? "[]" : "an array of \(a.count) \(plural(a.count, "item"))"
        case .object(let o): return o.isEmpty ? "{}" : "an object"
        default: return JSONWriter(indent: 0).string(v)
        }
    }

    /// `"GET", "POST", "PUT"` (at most 8, then `…`).
    static func list(_ values: [Value]) -> String {
        let shown = values.prefix(8).map(show).joined(separator: ", ")
        return values.count > 8 ? shown + ", …" : shown
    }

    static func typeList(_ mask: TypeMask) -> String {
        var names = mask.names
        // "integer or number" says no more than "number".
        if names.contains("number") { names.removeAll { $0 == "integer" } }
        let words = names.map(article)
        switch words.count {
        case 0: return "no value"
        case 1: return words[0]
        default: return words.dropLast().joined(separator: ", ") + " or " + words.last!
        }
    }

    static func article(_ typeName: String) -> String {
        switch typeName {
        case "null": return "null"
        case "integer", "object", "array": return "an \(typeName)"
        default: return "a \(typeName)"
        }
    }

    static func plural(_ n: Int, _ word: String, _ pluralForm: String? = nil) -> String {
        n == 1 ? word : (pluralForm ?? word + "s")
    }

    private static func count(_ v: Value) -> Int {
        switch v {
        case .array(let a): return a.count
        case .object(let o): return o.count
        default: return 0
        }
    }

    /// The JSON pointer of an index path, from level `base` on, resolved against `value` (the value at level `base`).
    static func pointer(_ path: [Int32], in value: Value, from base: Int) -> JSONPointer {
        var tokens: [String] = []
        var current = value
        for raw in path.dropFirst(base) {
            let index = raw < 0 ? Int(-raw - 1) : Int(raw)
            switch current {
            case .object(let o) where index < o.count:
                tokens.append(o.keys[index])
                current = raw < 0 ? .string(o.keys[index]) : o.values[index]
            case .array(let a) where index < a.count:
                tokens.append(String(index))
                current = a[index]
            default:
                break
            }
        }
        return JSONPointer(tokens: tokens)
    }
}

extension Value {
    /// Held as a double (written with a fraction or an exponent), even if integral.
    var isFloatingPoint: Bool {
        if case .number = self { return true }
        return false
    }
}
