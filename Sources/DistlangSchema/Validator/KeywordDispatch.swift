import DistlangCore

extension Validator {
    /// Evaluates keyword `k` of node `id` on `v`.
    @inline(__always)
    func check(_ id: NodeID, _ k: Int, _ v: Value, _ ev: Evaluated?) -> Bool {
        switch nodes[Int(id)].keywords[k] {
        case .falseSchema:
            fail(id, k, .falseSchema, v)
            return false
        case .type(let mask):
            if mask.matches(v) { return true }
            fail(id, k, .type(mask), v)
            return false
        case .const(let c):
            if JSONEquality.equal(v, c) { return true }
            fail(id, k, .const(c), v)
            return false
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
            guard case .string(let s) = v, !p.matches(s) else { return true }
            fail(id, k, .pattern(p.source), v)
            return false
        case .format(let f):
            guard case .string(let s) = v, !f.check(s) else { return true }
            fail(id, k, .format(f.name), v)
            return false
        case .maxItems(let n):
            guard case .array(let a) = v, a.count > n else { return true }
            fail(id, k, .maxItems(n), v)
            return false
        case .minItems(let n):
            guard case .array(let a) = v, a.count < n else { return true }
            fail(id, k, .minItems(n), v)
            return false
        case .uniqueItems:
            guard case .array(let a) = v, let (first, second) = JSONEquality.firstDuplicate(a) else { return true }
            fail(id, k, .uniqueItems(first: first, second: second), v)
            return false
        case .contains(let rule):
            return checkContains(id, k, rule, v, ev)
        case .maxProperties(let n):
            guard case .object(let o) = v, o.count > n else { return true }
            fail(id, k, .maxProperties(n), v)
            return false
        case .minProperties(let n):
            guard case .object(let o) = v, o.count < n else { return true }
            fail(id, k, .minProperties(n), v)
            return false
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
            var valid = true
            for b in ids where !validate(b, v, ev) {
                valid = false
                if !collecting || stopped { return false }
            }
            return valid
        case .anyOf(let ids):
            return checkAnyOf(id, k, ids, v, ev)
        case .oneOf(let ids):
            return checkOneOf(id, k, ids, v, ev)
        case .not(let node):
            if !quietly({ validate(node, v, nil) }) { return true }
            fail(id, k, .not, v)
            return false
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
