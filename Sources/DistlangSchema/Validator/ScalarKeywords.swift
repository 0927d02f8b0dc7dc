import DistlangCore

extension Validator {
    func checkEnum(_ id: NodeID, _ k: Int, _ e: EnumValues, _ v: Value) -> Bool {
        if case .string(let s) = v, e.onlyStrings {
            if e.containsString(s) { return true }
        } else {
            for c in e.values where JSONEquality.equal(v, c) { return true }
        }
        fail(id, k, .enumeration(e.values), v)
        return false
    }

    func checkMultipleOf(_ id: NodeID, _ k: Int, _ d: ExactDecimal, _ v: Value) -> Bool {
        switch v {
        case .integer, .number:
            if d.divides(v) { return true }
            fail(id, k, .multipleOf(d.value), v)
            return false
        default:
            return true
        }
    }

    /// `maximum`/`minimum` and their exclusive forms: `ok` says whether the comparison of the
    /// instance with the bound (-1, 0, 1) passes.
    @inline(__always)
    func checkBound(_ id: NodeID, _ k: Int, _ v: Value, _ b: NumberBound, _ ok: (Int) -> Bool, kind: (Value) -> ErrorKind) -> Bool {
        guard let c = NumberCompare.compare(v, b.value) else { return true }
        if ok(c) { return true }
        fail(id, k, kind(b.value), v)
        return false
    }

    func checkMaxLength(_ id: NodeID, _ k: Int, _ n: Int, _ v: Value) -> Bool {
        guard case .string(let s) = v else { return true }
        // Code points never outnumber UTF-8 bytes: most strings pass without counting.
        if s.utf8.count <= n || s.unicodeScalars.count <= n { return true }
        fail(id, k, .maxLength(n), v)
        return false
    }

    func checkMinLength(_ id: NodeID, _ k: Int, _ n: Int, _ v: Value) -> Bool {
        guard case .string(let s) = v else { return true }
        let bytes = s.utf8.count
        if bytes / 4 >= n || (bytes >= n && s.unicodeScalars.count >= n) { return true }
        fail(id, k, .minLength(n), v)
        return false
    }

    func checkPattern(_ id: NodeID, _ k: Int, _ p: CompiledPattern, _ v: Value) -> Bool {
        guard case .string(let s) = v, !p.matches(s) else { return true }
        return failed(id, k, .pattern(p.source), v)
    }

    func checkFormat(_ id: NodeID, _ k: Int, _ f: FormatCheck, _ v: Value) -> Bool {
        guard case .string(let s) = v, !f.check(s) else { return true }
        return failed(id, k, .format(f.name), v)
    }

    func checkUniqueItems(_ id: NodeID, _ k: Int, _ v: Value) -> Bool {
        guard case .array(let a) = v, let (first, second) = JSONEquality.firstDuplicate(a) else { return true }
        return failed(id, k, .uniqueItems(first: first, second: second), v)
    }
}

extension Value {
    /// The element count of an array, or nil.
    @inline(__always)
    var arrayCount: Int? {
        if case .array(let a) = self { return a.count }
        return nil
    }

    /// The member count of an object, or nil.
    @inline(__always)
    var objectCount: Int? {
        if case .object(let o) = self { return o.count }
        return nil
    }
}
