import DistlangCore

/// Which functions share a nested stack (docs/targets/aws.md §7, "The packing rule").
///
/// Each child holds a run of functions in name order. A function whose name's SHA-256 begins with
/// the hex digit `0` (one name in 16) is an *anchor*: it starts a new child, named after it; the
/// functions before the first anchor form the leading child. A run that breaks a limit is cut in
/// two before its function with the greatest SHA-256 (never its first), again until every part
/// fits or holds one function.
///
/// Whether a function starts a child depends on its own name only, never on how many functions
/// there are or where they sit, so adding a function changes only the child it joins; if the new
/// function is itself an anchor, it also takes the rest of its run out of the child before it (two
/// children change, no others). Removing one is the reverse. Only a run that crosses a limit is
/// re-cut, and only within itself. The digest only marks where runs begin: a child is still a
/// plain range of names, and nothing is assigned by "hash modulo number of children", which
/// would move almost every function whenever the number changed.
enum CFNStackPacking {
    static func digest(_ name: String) -> String { SHA256.hex(name) }

    static func isAnchor(_ name: String) -> Bool { digest(name).hasPrefix("0") }

    /// Functions in the order packing reads them: by name, byte by byte.
    static func sorted(_ names: [String]) -> [String] {
        names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The function that names the child holding `members` of `names`: its first, unless that is
    /// the leading child (nil: the functions before the first anchor).
    static func key(of members: Range<Int>, in names: [String]) -> String? {
        members.lowerBound == 0 && !isAnchor(names[0]) ? nil : names[members.lowerBound]
    }

    /// The children for `names` (already `sorted`), as ranges of positions in it; `fits(range)`
    /// says whether those functions fit in one child. A single function that does not fit still
    /// gets a child of its own (the caller reports it).
    static func pack(_ names: [String], fits: (Range<Int>) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for (i, name) in names.enumerated() {
            if i == 0 || isAnchor(name) {
                runs.append(i..<(i + 1))
            } else {
                runs[runs.count - 1] = runs[runs.count - 1].lowerBound..<(i + 1)
            }
        }
        let digests = names.map(digest)
        return runs.flatMap { cut($0, digests: digests, fits: fits) }
    }

    private static func cut(_ r: Range<Int>, digests: [String], fits: (Range<Int>) -> Bool) -> [Range<Int>] {
        if r.count <= 1 || fits(r) { return [r] }
        var pivot = r.lowerBound + 1
        for i in (r.lowerBound + 1)..<r.upperBound where digests[i] > digests[pivot] { pivot = i }
        return cut(r.lowerBound..<pivot, digests: digests, fits: fits) + cut(pivot..<r.upperBound, digests: digests, fits: fits)
    }
}
