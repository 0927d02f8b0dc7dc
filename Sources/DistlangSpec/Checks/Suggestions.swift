import DistlangCore

/// "Did you mean …?" hints for names the spec refers to.
enum Suggestions {
    /// A hint naming the closest candidate, or listing the candidates when none is close.
    static func hint(_ word: String, among candidates: [String]) -> String? {
        if let best = DidYouMean.suggest(word, from: candidates) { return "did you mean \"\(best)\"?" }
        return candidates.isEmpty ? nil : "known names: \(candidates.sorted().joined(separator: ", "))"
    }
}
