import DistlangCore
import Foundation

/// Values to suggest for a spec value the schema rejects: the nearest value the rule accepts, or
/// how to write the intended one.
enum ValueSuggestions {
    /// A value close to `value` that matches `pattern`, trying the smallest changes first: a date with
    /// its zeros (`2025-6-1` -> `2025-06-01`), no leading slash, another case, other separators
    /// (`Notes_App` -> `notes-app`, `stripe-key` -> `STRIPE_KEY`), a hyphen before a final number
    /// (`eu-west1` -> `eu-west-1`). Nil when none matches.
    static func matching(_ value: String, pattern: String) -> String? {
        // A name or a date is short; a value of kilobytes is no typo of one.
        guard value.utf8.count <= maxLength, let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        func matches(_ s: String) -> Bool {
            regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        }
        for candidate in candidates(value) where candidate != value && !candidate.isEmpty && matches(candidate) {
            return candidate
        }
        return nil
    }

    static let maxLength = 256

    private static func candidates(_ value: String) -> [String] {
        var out: [String] = []
        let numbers = value.split { !$0.isASCII || !$0.isNumber }
        if numbers.count == 3, numbers[0].count == 4, numbers.allSatisfy({ $0.count <= 4 }) {
            out.append(numbers.enumerated().map { $0.offset == 0 ? String($0.element) : padded($0.element) }.joined(separator: "-"))
        }
        out.append(String(value.drop { $0 == "/" || $0 == "\\" }))
        out.append(value.lowercased())
        out.append(value.uppercased())
        for splitDigits in [false, true] {
            let parts = words(value, splittingDigits: splitDigits)
            for separator in ["-", "_"] {
                out.append(parts.joined(separator: separator).lowercased())
                out.append(parts.joined(separator: separator).uppercased())
            }
        }
        return out
    }

    private static func padded(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }

    /// The words of a name: split at anything but letters and digits, and where a lowercase letter
    /// meets an uppercase one (`notesApp`), or a letter a digit.
    private static func words(_ value: String, splittingDigits: Bool) -> [String] {
        var words: [String] = [], current = ""
        var previous: Character?
        for c in value {
            guard c.isASCII, c.isLetter || c.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let p = previous, (p.isLowercase && c.isUppercase) || (splittingDigits && p.isLetter != c.isLetter) {
                words.append(current)
                current = ""
            }
            current.append(c)
            previous = c
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The words YAML 1.1 read as booleans and YAML 1.2 (which distlang reads) does not.
    static func yaml11Boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "on": return true
        case "no", "n", "off": return false
        default: return nil
        }
    }

    /// A value written for a message or a hint: flow YAML for a YAML spec, JSON for a JSON one.
    static func written(_ value: Value, json: Bool) -> String {
        if json { return JSONWriter(indent: 0).string(value) }
        switch value {
        case .object(let o):
            if o.isEmpty { return "{}" }
            return "{ " + o.entries.map { "\(plainOrQuoted($0.0)): \(written($0.1, json: false))" }.joined(separator: ", ") + " }"
        case .array(let a):
            return "[" + a.map { written($0, json: false) }.joined(separator: ", ") + "]"
        case .string(let s):
            return plainOrQuoted(s)
        default:
            return JSONWriter(indent: 0).string(value)
        }
    }

    /// A string as YAML writes it in a flow collection: plain when it is safe and stays a string, else quoted.
    static func plainOrQuoted(_ s: String) -> String {
        let safe = s.first.map { $0.isASCII && $0.isLetter } ?? false
            && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_./- ".contains($0)) }
            && !s.hasSuffix(" ") && yaml11Boolean(s) == nil
            && !["true", "false", "null"].contains(s.lowercased())
        return safe ? s : JSONWriter.quote(s)
    }
}
