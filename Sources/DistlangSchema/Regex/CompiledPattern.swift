import Foundation

/// A `pattern`/`patternProperties` regular expression, compiled once.
///
/// Simple patterns — a sequence of literals, `.`, classes and escapes with quantifiers, optionally
/// anchored, as most schema patterns are (`^[a-z][a-z0-9-]{0,30}$`) — run on a small built-in
/// matcher over UTF-8 that needs no string conversion. Everything else goes to ICU through
/// `NSRegularExpression`, translated by `ECMARegexTranslator`. Both search (a pattern is not
/// implicitly anchored).
final class CompiledPattern: @unchecked Sendable {
    struct InvalidPattern: Error {
        let message: String
    }

    let source: String
    private let simple: SimplePattern?
    private let regex: NSRegularExpression?

    init(_ source: String) throws(InvalidPattern) {
        self.source = source
        let translated: String
        do {
            translated = try ECMARegexTranslator.translate(source)
        } catch {
            throw InvalidPattern(message: error.message)
        }
        // The empty pattern is valid and matches every string; ICU refuses to compile it.
        if translated.isEmpty {
            regex = nil
            simple = nil
            return
        }
        do {
            regex = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            throw InvalidPattern(message: "ICU rejects the pattern")
        }
        simple = SimplePattern(source)
    }

    /// Whether the pattern matches somewhere in `s`.
    func matches(_ s: String) -> Bool {
        if let simple, let answer = simple.matches(s) { return answer }
        guard let regex else { return true }
        return regex.firstMatch(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count)) != nil
    }
}
