import DistlangCore

extension Validator {
    func checkPrefixItems(_ ids: [NodeID], _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .array(let a) = v else { return true }
        var valid = true
        let n = min(ids.count, a.count)
        ev?.markItems(0..<n)
        for i in 0..<n where !descend(i, ids[i], a[i]) {
            valid = false
            if !collecting || stopped { return false }
        }
        return valid
    }

    func checkItems(_ id: NodeID, _ k: Int, _ node: NodeID, _ from: Int, _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .array(let a) = v, a.count > from else { return true }
        ev?.markItems(from..<a.count)
        if case .falseSchema? = nodes[Int(node)].keywords.first { return unexpectedItems(id, k, from, a) }
        var valid = true
        for i in from..<a.count where !descend(i, node, a[i]) {
            valid = false
            if !collecting || stopped { return false }
        }
        return valid
    }

    @inline(never)
    private func unexpectedItems(_ id: NodeID, _ k: Int, _ from: Int, _ a: [Value]) -> Bool {
        for i in from..<a.count {
            if !collecting { return false }
            fail(id, k, .unexpectedItem(from), a[i], childPath: Int32(i))
        }
        return false
    }

    func checkContains(_ id: NodeID, _ k: Int, _ rule: ContainsRule, _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .array(let a) = v else { return true }
        var found = 0
        quietly {
            for (i, item) in a.enumerated() where descend(i, rule.node, item) {
                found += 1
                ev?.markItem(i)
                // Without annotations to collect, stop as soon as the answer is known.
                if ev == nil, found >= rule.min, rule.max == nil { break }
                if ev == nil, let max = rule.max, found > max { break }
            }
        }
        if found >= rule.min && (rule.max.map { found <= $0 } ?? true) { return true }
        fail(id, k, .contains(min: rule.min, max: rule.max, found: found), v)
        return false
    }

    func checkUnevaluatedItems(_ id: NodeID, _ k: Int, _ node: NodeID, _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .array(let a) = v else { return true }
        var valid = true
        let forbids: Bool
        if case .falseSchema? = nodes[Int(node)].keywords.first { forbids = true } else { forbids = false }
        for i in a.indices where !(ev?.hasItem(i) ?? false) {
            if forbids {
                valid = false
                if !collecting { return false }
                fail(id, k, .unevaluatedItem(i), a[i], childPath: Int32(i))
            } else if !descend(i, node, a[i]) {
                valid = false
                if !collecting || stopped { return false }
            }
        }
        if valid { ev?.markItems(0..<a.count) }
        return valid
    }
}
