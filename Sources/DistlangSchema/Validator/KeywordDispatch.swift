import DistlangCore

extension Validator {
    /// Evaluates keyword `k` of node `id` on `v`. Every case calls out, so this frame stays small:
    /// it is on the stack once or twice per level of a deeply nested instance.
    func check(_ id: NodeID, _ k: Int, _ v: Value, _ ev: Evaluated?) -> Bool {
        switch nodes[Int(id)].keywords[k] {
        case .falseSchema:
            return failed(id, k, .falseSchema, v)
        case .type(let mask):
            return mask.matches(v) || failed(id, k, .type(mask), v)
        case .const(let c):
            return JSONEquality.equal(v, c) || failed(id, k, .const(c), v)
        case .enumeration(let e):
            return checkEnum(id, k, e, v)
        case .multipleOf(let d):
            return checkMultipleOf(id, k, d, v)
        case .maximum(let b):
            return checkBound(id, k, v, b) { $0 <= 0 } kind: { .maximum($0) }
        case .exclusiveMaximum(let b):
            return checkBound(id, k, v, b) { $0 < 0 } kind: { .exclusiveMaximum($0) }
        case .minimum(let b):
            return checkBound(id, k, v, b) { $0 >= 0 } kind: { .minimum($0) }
        case .exclusiveMinimum(let b):
            return checkBound(id, k, v, b) { $0 > 0 } kind: { .exclusiveMinimum($0) }
        case .maxLength(let n):
            return checkMaxLength(id, k, n, v)
        case .minLength(let n):
            return checkMinLength(id, k, n, v)
        case .pattern(let p):
            return checkPattern(id, k, p, v)
        case .format(let f):
            return checkFormat(id, k, f, v)
        case .maxItems(let n):
            return (v.arrayCount ?? 0) <= n || failed(id, k, .maxItems(n), v)
        case .minItems(let n):
            return (v.arrayCount ?? n) >= n || failed(id, k, .minItems(n), v)
        case .uniqueItems:
            return checkUniqueItems(id, k, v)
        case .contains(let rule):
            return checkContains(id, k, rule, v, ev)
        case .maxProperties(let n):
            return (v.objectCount ?? 0) <= n || failed(id, k, .maxProperties(n), v)
        case .minProperties(let n):
            return (v.objectCount ?? n) >= n || failed(id, k, .minProperties(n), v)
        case .required(let names):
            return checkRequired(id, k, names, v)
        case .dependentRequired(let pairs):
            return checkDependentRequired(id, k, pairs, v)
        case .properties(let table):
            return checkProperties(table, v, ev)
        case .patternProperties(let list):
            return checkPatternProperties(list, v, ev)
        case .additionalProperties(let rule):
            return checkAdditionalProperties(id, k, rule, v, ev)
        case .propertyNames(let node):
            return checkPropertyNames(node, v)
        case .dependentSchemas(let list):
            return checkDependentSchemas(list, v, ev)
        case .prefixItems(let ids):
            return checkPrefixItems(ids, v, ev)
        case .items(let node, let from):
            return checkItems(id, k, node, from, v, ev)
        case .allOf(let ids):
            return checkAllOf(ids, v, ev)
        case .anyOf(let ids):
            return checkAnyOf(id, k, ids, v, ev)
        case .oneOf(let ids):
            return checkOneOf(id, k, ids, v, ev)
        case .not(let node):
            return checkNot(id, k, node, v)
        case .ifThenElse(let rule):
            return checkIf(rule, v, ev)
        case .ref(let target):
            return follow(id, k, target, v, ev)
        case .dynamicRef(let d):
            return follow(id, k, dynamicTarget(d), v, ev)
        case .unevaluatedProperties(let node):
            return checkUnevaluatedProperties(id, k, node, v, ev)
        case .unevaluatedItems(let node):
            return checkUnevaluatedItems(id, k, node, v, ev)
        }
    }
}
