import DistlangCore

extension Validator {
    func checkRequired(_ id: NodeID, _ k: Int, _ names: [String], _ v: Value) -> Bool {
        guard case .object(let o) = v else { return true }
        var valid = true
        for name in names where !o.contains(name) {
            valid = false
            if !collecting { return false }
            fail(id, k, .required(name), v)
        }
        return valid
    }

    func checkDependentRequired(_ id: NodeID, _ k: Int, _ pairs: [(String, [String])], _ v: Value) -> Bool {
        guard case .object(let o) = v else { return true }
        var valid = true
        for (property, required) in pairs where o.contains(property) {
            for name in required where !o.contains(name) {
                valid = false
                if !collecting { return false }
                fail(id, k, .dependentRequired(property: property, requires: name), v)
            }
        }
        return valid
    }

    func checkProperties(_ table: PropertyTable, _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .object(let o) = v else { return true }
        var valid = true
        if o.count < table.names.count {
            // Few members: look each one up in the schema.
            for (i, key) in o.keys.enumerated() {
                guard let p = table.position(of: key) else { continue }
                ev?.markProperty(i)
                if !descend(i, table.nodes[p], o.values[i]) {
                    valid = false
                    if !collecting || stopped { return false }
                }
            }
        } else {
            for (p, name) in table.names.enumerated() {
                guard let i = o.position(of: name) else { continue }
                ev?.markProperty(i)
                if !descend(i, table.nodes[p], o.values[i]) {
                    valid = false
                    if !collecting || stopped { return false }
                }
            }
        }
        return valid
    }

    func checkPatternProperties(_ list: [(CompiledPattern, NodeID)], _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .object(let o) = v else { return true }
        var valid = true
        for (i, key) in o.keys.enumerated() {
            for (pattern, node) in list where pattern.matches(key) {
                ev?.markProperty(i)
                if !descend(i, node, o.values[i]) {
                    valid = false
                    if !collecting || stopped { return false }
                }
            }
        }
        return valid
    }

    func checkAdditionalProperties(_ id: NodeID, _ k: Int, _ rule: AdditionalProperties, _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .object(let o) = v else { return true }
        var valid = true
        for (i, key) in o.keys.enumerated() where !rule.covers(key) {
            ev?.markProperty(i)
            if rule.forbids {
                valid = false
                if !collecting { return false }
                fail(id, k, .unknownProperty(key, schema: id), o.values[i], childPath: Int32(i), atKey: true)
            } else if !descend(i, rule.node, o.values[i]) {
                valid = false
                if !collecting || stopped { return false }
            }
        }
        return valid
    }

    func checkPropertyNames(_ node: NodeID, _ v: Value) -> Bool {
        guard case .object(let o) = v else { return true }
        var valid = true
        for (i, key) in o.keys.enumerated() {
            path.append(-Int32(truncatingIfNeeded: i) - 1)
            let savedBase = activeBase
            activeBase = active.count
            let ok = validate(node, .string(key), nil)
            activeBase = savedBase
            path.removeLast()
            if !ok {
                valid = false
                if !collecting || stopped { return false }
            }
        }
        return valid
    }

    func checkDependentSchemas(_ list: [(String, NodeID)], _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .object(let o) = v else { return true }
        var valid = true
        for (name, node) in list where o.contains(name) {
            if !validate(node, v, ev) {
                valid = false
                if !collecting || stopped { return false }
            }
        }
        return valid
    }

    func checkUnevaluatedProperties(_ id: NodeID, _ k: Int, _ node: NodeID, _ v: Value, _ ev: Evaluated?) -> Bool {
        guard case .object(let o) = v else { return true }
        var valid = true
        let forbids: Bool
        if case .falseSchema? = nodes[Int(node)].keywords.first { forbids = true } else { forbids = false }
        for (i, key) in o.keys.enumerated() where !(ev?.hasProperty(i) ?? false) {
            if forbids {
                valid = false
                if !collecting { return false }
                fail(id, k, .unevaluatedProperty(key, schema: id), o.values[i], childPath: Int32(i), atKey: true)
            } else if !descend(i, node, o.values[i]) {
                valid = false
                if !collecting || stopped { return false }
            }
        }
        if valid { ev?.markProperties(o.count) }
        return valid
    }
}
