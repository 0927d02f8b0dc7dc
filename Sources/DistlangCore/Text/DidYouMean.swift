/// Suggestions for misspelt names: the closest candidate within a small edit distance.
public enum DidYouMean {
    /// The candidate closest to `name` (case-insensitive match first, then Levenshtein distance at
    /// most 1 for names up to 4 characters, 2 up to 8, 3 beyond), or nil.
    public static func suggest(_ name: String, from candidates: [String]) -> String? {
        let lower = name.lowercased()
        if let same = candidates.first(where: { $0.lowercased() == lower && $0 != name }) { return same }
        let n = Array(name.unicodeScalars).count
        let limit = n <= 4 ? 1 : n <= 8 ? 2 : 3
        var best: (String, Int)?
        for c in candidates where c != name {
            let d = distance(Array(lower.unicodeScalars), Array(c.lowercased().unicodeScalars), limit: limit)
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance with transpositions counted as one edit; stops early past `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prevPrev = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cur[j] = min(cur[j], prevPrev[j - 2] + 1) }
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            (prevPrev, prev, cur) = (prev, cur, prevPrev)
        }
        return prev[b.count]
    }
}
