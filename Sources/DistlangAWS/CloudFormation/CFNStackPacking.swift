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
    /// One child: the anchor that names it (nil for the leading child) and its members' positions
    /// in the sorted list.
    struct Bin: Equatable, Sendable {
        var key: String?
        var members: Range<Int>
    }

    static func digest(_ name: String) -> String { SHA256.hex(name) }

    static func isAnchor(_ name: String) -> Bool { digest(name).hasPrefix("0") }

    /// Functions in the order packing reads them: by name, byte by byte.
    static func sorted(_ names: [String]) -> [String] {
        names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The bins for `names` (already `sorted`); `fits(range)` says whether those functions fit in
    /// one child. A single function that does not fit still gets its own bin (the caller reports it).
    static func pack(_ names: [String], fits: (Range<Int>) -> Bool) -> [Bin] {
        var runs: [Bin] = []
        for (i, name) in names.enumerated() {
            if i == 0 || isAnchor(name) {
                runs.append(Bin(key: isAnchor(name) ? name : nil, members: i..<(i + 1)))
            } else {
                runs[runs.count - 1].members = runs[runs.count - 1].members.lowerBound..<(i + 1)
            }
        }
        let digests = names.map(digest)
        return runs.flatMap { cut($0, names: names, digests: digests, fits: fits) }
    }

    private static func cut(_ bin: Bin, names: [String], digests: [String], fits: (Range<Int>) -> Bool) -> [Bin] {
        let r = bin.members
        if r.count <= 1 || fits(r) { return [bin] }
        var pivot = r.lowerBound + 1
        for i in (r.lowerBound + 1)..<r.upperBound where digests[i] > digests[pivot] { pivot = i }
        return cut(Bin(key: bin.key, members: r.lowerBound..<pivot), names: names, digests: digests, fits: fits)
            + cut(Bin(key: names[pivot], members: pivot..<r.upperBound), names: names, digests: digests, fits: fits)
    }
}
