import DistlangCore

/// Walks a compiled schema over one instance.
///
/// Two modes share one code path: *quiet* (`collecting == false`) answers valid/invalid and stops at
/// the first failure; *collecting* records every error. Applicators that only need an answer
/// (`anyOf`, `oneOf`, `not`, `if`, `contains`) evaluate their branches quietly and re-run them with
/// errors only when they fail, to choose the best branch to report.
///
/// The success path allocates nothing per value: the instance location is a stack of member
/// indices (a JSON pointer and a source location are made only for a reported error), keyword
/// locations are rebuilt from the node and the `$ref`s followed, and annotations for
/// `unevaluated*` are collected only below a schema that has such a keyword.
final class Validator {
    let program: SchemaProgram
    let nodes: UnsafeMutableBufferPointer<SchemaNode>
    /// The root instance, to turn index paths into JSON pointers.
    let root: Value
    var collecting: Bool
    var errors: [RawError] = []
    /// Instance location: member/element index per level (`-(i+1)`: the key of member i).
    var path: [Int32] = []
    /// `$ref`/`$dynamicRef` followed so far: for keyword locations.
    var refs: [(site: NodeID, keyword: String, target: NodeID)] = []
    /// The dynamic scope: schema resources entered, outermost first.
    var scope: [Int32] = []
    /// Reference targets being evaluated at the current instance location (cycle detection).
    var active: [NodeID] = []
    var activeBase = 0
    var depth = 0
    let maxDepth: Int
    let maxErrors: Int
    /// Nesting of best-match branch evaluation (the error cap applies only outside it).
    var branchDepth = 0
    var stopped = false
    /// Keyword locations of `$ref` cycles met (reported once each, whatever the mode).
    var cycles: [(site: NodeID, keyword: String, location: String)] = []

    init(program: SchemaProgram, instance: Value, collecting: Bool, options: ValidationOptions) {
        self.program = program
        self.nodes = program.nodes
        self.root = instance
        self.collecting = collecting
        self.maxDepth = options.maxEvaluationDepth
        self.maxErrors = options.maxErrors ?? Int.max
        path.reserveCapacity(64)
        refs.reserveCapacity(16)
        scope.reserveCapacity(16)
        active.reserveCapacity(16)
    }

    /// Validates the root instance against the root schema.
    func run() -> Bool { validate(program.root, root, nil) }

    /// Validates `v` (at the current instance location) against node `id`. `ev`, when given,
    /// receives what the node evaluated (for an enclosing `unevaluated*`).
    func validate(_ id: NodeID, _ v: Value, _ ev: Evaluated?) -> Bool {
        let i = Int(id)
        if nodes[i].isTrivial { return true }
        if stopped { return false }
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth {
            tooDeep(id, v)
            return false
        }
        let resource = nodes[i].resource
        let pushed = scope.last != resource
        if pushed { scope.append(resource) }
        defer { if pushed { scope.removeLast() } }
        let local = nodes[i].hasUnevaluated ? Evaluated() : ev
        var valid = true
        let count = nodes[i].keywords.count
        var k = 0
        while k < count {
            if !check(id, k, v, local) {
                valid = false
                if !collecting || stopped { return false }
            }
            k += 1
        }
        if valid, let ev, let local, local !== ev { ev.merge(local) }
        return valid
    }

    /// Validates a member or element of the current value (a new instance location).
    @inline(__always)
    func descend(_ index: Int, _ id: NodeID, _ child: Value) -> Bool {
        if nodes[Int(id)].isTrivial { return true }
        path.append(Int32(truncatingIfNeeded: index))
        let savedBase = activeBase
        activeBase = active.count
        let ok = validate(id, child, nil)
        activeBase = savedBase
        path.removeLast()
        return ok
    }

    /// Runs `body` quietly (no errors recorded), restoring the mode after.
    @inline(__always)
    func quietly<T>(_ body: () -> T) -> T {
        let was = collecting
        collecting = false
        defer { collecting = was }
        return body()
    }

    // MARK: errors

    /// Records an error for keyword `k` of node `id` (collecting mode only).
    func fail(_ id: NodeID, _ k: Int, _ kind: ErrorKind, _ v: Value, childPath: Int32? = nil, atKey: Bool = false, hint: String? = nil) {
        guard collecting, !stopped else { return }
        var p = path
        if let childPath { p.append(childPath) }
        errors.append(RawError(
            path: p, keywordLocation: keywordLocation(id, nodes[Int(id)].names[k]), kind: kind, instance: v, atKey: atKey, hint: hint))
        if branchDepth == 0 && errors.count >= maxErrors { stopped = true }
    }

    /// Records an error (see `fail`) and returns false, for `ok || failed(...)`.
    @inline(never)
    func failed(_ id: NodeID, _ k: Int, _ kind: ErrorKind, _ v: Value) -> Bool {
        fail(id, k, kind, v)
        return false
    }

    /// The keyword location of `keyword` in node `id`, through the references followed to get there.
    func keywordLocation(_ id: NodeID, _ keyword: String) -> String {
        var out = ""
        var base = nodes[Int(program.root)].pointer
        for frame in refs {
            out += Self.relative(nodes[Int(frame.site)].pointer, from: base) + "/" + frame.keyword
            base = nodes[Int(frame.target)].pointer
        }
        out += Self.relative(nodes[Int(id)].pointer, from: base)
        if !keyword.isEmpty { out += "/" + JSONPointer(tokens: [keyword]).description.dropFirst() }
        return out
    }

    private static func relative(_ pointer: String, from base: String) -> String {
        pointer.hasPrefix(base) ? String(pointer.dropFirst(base.count)) : pointer
    }

    private func tooDeep(_ id: NodeID, _ v: Value) {
        let was = collecting
        collecting = true
        errors.append(RawError(path: path, keywordLocation: keywordLocation(id, ""), kind: .tooDeep(maxDepth), instance: .null))
        collecting = was
        stopped = true
    }

    // MARK: references

    /// Follows a reference from keyword `k` of node `site` to `target`, in place.
    func follow(_ site: NodeID, _ k: Int, _ target: NodeID, _ v: Value, _ ev: Evaluated?) -> Bool {
        var i = activeBase
        while i < active.count {
            if active[i] == target { return cycle(site, k) }
            i += 1
        }
        active.append(target)
        refs.append((site, nodes[Int(site)].names[k], target))
        let ok = validate(target, v, ev)
        refs.removeLast()
        active.removeLast()
        return ok
    }

    @inline(never)
    private func cycle(_ site: NodeID, _ k: Int) -> Bool {
        let location = keywordLocation(site, nodes[Int(site)].names[k])
        if !cycles.contains(where: { $0.location == location }) {
            cycles.append((site, nodes[Int(site)].names[k], location))
        }
        return false
    }

    /// The target of a `$dynamicRef`: the outermost resource in the dynamic scope with the anchor.
    /// For a `$recursiveRef`, the scope is walked from the innermost resource outwards, and the walk
    /// stops at the first resource without `$recursiveAnchor: true` (as python-jsonschema does).
    func dynamicTarget(_ d: DynamicReference) -> NodeID {
        guard let anchor = d.anchor else { return d.target }
        if d.recursive {
            var target = d.target
            for r in scope.reversed() {
                guard let t = program.resources[Int(r)].dynamicAnchors[anchor] else { break }
                target = t
            }
            return target
        }
        for r in scope {
            if let t = program.resources[Int(r)].dynamicAnchors[anchor] { return t }
        }
        return d.target
    }
}
