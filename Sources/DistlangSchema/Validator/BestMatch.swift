import DistlangCore

/// Chooses what to report when no branch of an `anyOf`/`oneOf` matches, in the spirit of
/// python-jsonschema's `best_match`:
///
/// - When every branch fails only on its `type` at the value itself, one error names all the
///   types ("expected a string or an array, got an integer"); likewise for `const`/`enum`
///   branches ("must be one of …").
/// - Otherwise the most relevant branch wins: first one whose discriminator matched (it did not
///   fail on `type`, `const` or `enum` at the value or one of its members, nor on `false`), then
///   the one whose errors go deepest into the value, then the one with the fewest errors, then
///   the first. Its errors are reported; the first of them carries notes on the other branches.
enum BestMatch {
    static func combine(_ branches: [[RawError]], at path: [Int32], keywordLocation: String, instance: Value) -> [RawError] {
        let base = path.count
        if let merged = mergedTypeError(branches, base: base, path: path, keywordLocation: keywordLocation, instance: instance) {
            return [merged]
        }
        if let merged = mergedConstError(branches, base: base, path: path, keywordLocation: keywordLocation, instance: instance) {
            return [merged]
        }
        var best = 0
        var bestScore = score(branches[0], base: base)
        for i in branches.indices.dropFirst() {
            let s = score(branches[i], base: base)
            if s > bestScore {
                best = i
                bestScore = s
            }
        }
        var chosen = branches[best]
        guard !chosen.isEmpty else {
            return [RawError(path: path, keywordLocation: keywordLocation, kind: .noAlternative(branches.count), instance: instance)]
        }
        var notes = ["\(keywordLocation): the value matches none of the \(branches.count) alternatives; this is the closest (alternative \(best + 1))"]
        var shown = 0
        for (i, b) in branches.enumerated() where i != best {
            guard let first = b.first else { continue }
            if shown == 3 {
                notes.append("… and \(branches.count - 1 - shown) more alternatives")
                break
            }
            let at = first.path.count > base ? " at \(Messages.pointer(first.path, in: instance, from: base))" : ""
            notes.append("alternative \(i + 1)\(at): \(Messages.text(first.kind, first.instance))")
            shown += 1
        }
        chosen[0].notes = notes + chosen[0].notes
        return chosen
    }

    /// (discriminator matched, deepest error, fewer errors): bigger is better.
    static func score(_ errors: [RawError], base: Int) -> (Int, Int, Int) {
        var mismatch = false
        var deepest = 0
        for e in errors {
            let depth = e.path.count - base
            deepest = max(deepest, depth)
            switch e.kind {
            case .type, .falseSchema: if depth == 0 { mismatch = true }
            case .const, .enumeration: if depth <= 1 { mismatch = true }
            default: break
            }
        }
        return (mismatch ? 0 : 1, deepest, -errors.count)
    }

    private static func mergedTypeError(_ branches: [[RawError]], base: Int, path: [Int32], keywordLocation: String, instance: Value) -> RawError? {
        var mask: TypeMask = []
        for b in branches {
            guard b.count == 1, b[0].path.count == base, case .type(let m) = b[0].kind else { return nil }
            mask.formUnion(m)
        }
        return RawError(path: path, keywordLocation: keywordLocation, kind: .type(mask), instance: instance)
    }

    private static func mergedConstError(_ branches: [[RawError]], base: Int, path: [Int32], keywordLocation: String, instance: Value) -> RawError? {
        // Every branch fails only on a `const`/`enum` at the same place (the value or one member,
        // as in a discriminated union): one error listing every allowed value, at that place.
        var values: [Value] = []
        guard let first = branches.first?.first, first.path.count <= base + 1 else { return nil }
        for b in branches {
            guard b.count == 1, b[0].path == first.path else { return nil }
            switch b[0].kind {
            case .const(let c): if !values.contains(where: { JSONEquality.equal($0, c) }) { values.append(c) }
            case .enumeration(let e): for c in e where !values.contains(where: { JSONEquality.equal($0, c) }) { values.append(c) }
            default: return nil
            }
        }
        let at = first.path.count == base ? keywordLocation : first.keywordLocation
        return RawError(path: first.path, keywordLocation: at, kind: .enumeration(values), instance: first.instance)
    }
}
