import DistlangCore

extension Validator {
    func checkAllOf(_ ids: [NodeID], _ v: Value, _ ev: Evaluated?) -> Bool {
        var valid = true
        for b in ids where !validate(b, v, ev) {
            valid = false
            if !collecting || stopped { return false }
        }
        return valid
    }

    func checkNot(_ id: NodeID, _ k: Int, _ node: NodeID, _ v: Value) -> Bool {
        if !quietly({ validate(node, v, nil) }) { return true }
        return failed(id, k, .not, v)
    }

    func checkAnyOf(_ id: NodeID, _ k: Int, _ ids: [NodeID], _ v: Value, _ ev: Evaluated?) -> Bool {
        var matched = false
        quietly {
            for b in ids {
                if let ev {
                    // Every passing branch contributes annotations: evaluate them all.
                    let t = Evaluated()
                    if validate(b, v, t) {
                        matched = true
                        ev.merge(t)
                    }
                } else if validate(b, v, nil) {
                    matched = true
                    break
                }
            }
        }
        if matched { return true }
        if collecting && !stopped { reportAlternatives(id, k, ids, v) }
        return false
    }

    func checkOneOf(_ id: NodeID, _ k: Int, _ ids: [NodeID], _ v: Value, _ ev: Evaluated?) -> Bool {
        var matches = 0
        var winner: Evaluated?
        let reporting = collecting
        quietly {
            for b in ids {
                let t = ev != nil ? Evaluated() : nil
                if validate(b, v, t) {
                    matches += 1
                    if matches == 1 { winner = t }
                    if matches > 1 && !reporting { break }
                }
            }
        }
        if matches == 1 {
            if let ev, let winner { ev.merge(winner) }
            return true
        }
        if collecting && !stopped {
            if matches == 0 {
                reportAlternatives(id, k, ids, v)
            } else {
                let matched = quietly { ids.indices.filter { validate(ids[$0], v, nil) } }
                fail(id, k, .oneOfSeveral(matched), v)
            }
        }
        return false
    }

    func checkIf(_ rule: IfThenElse, _ v: Value, _ ev: Evaluated?) -> Bool {
        let t = ev != nil ? Evaluated() : nil
        if quietly({ validate(rule.condition, v, t) }) {
            if let ev, let t { ev.merge(t) }
            guard let then = rule.then else { return true }
            return validate(then, v, ev)
        }
        guard let otherwise = rule.otherwise else { return true }
        return validate(otherwise, v, ev)
    }

    /// `anyOf`/`oneOf` matched no branch: evaluate each branch again with errors, and report the
    /// best one's errors (see `BestMatch`), the others as notes.
    func reportAlternatives(_ id: NodeID, _ k: Int, _ ids: [NodeID], _ v: Value) {
        let saved = errors
        var branches: [[RawError]] = []
        branchDepth += 1
        for b in ids {
            errors = []
            _ = validate(b, v, nil)
            branches.append(errors)
        }
        branchDepth -= 1
        errors = saved
        let location = keywordLocation(id, nodes[Int(id)].names[k])
        let chosen = BestMatch.combine(branches, at: path, keywordLocation: location, instance: v)
        for e in chosen {
            errors.append(e)
            if branchDepth == 0 && errors.count >= maxErrors {
                stopped = true
                break
            }
        }
    }
}
