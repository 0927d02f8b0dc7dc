import Foundation

/// A `fileMatch` pattern of a schema catalogue, matched the way editors match them (VS Code's JSON
/// language service): a pattern without a leading `/` or `**/` may match at any folder depth
/// (`pyproject.toml` matches `a/b/pyproject.toml`), `*` stays within one path segment, `**` crosses
/// segments, `?` is one character, `{a,b}` either alternative, and a leading `!` excludes.
struct FileGlob: @unchecked Sendable {
    let pattern: String
    let excludes: Bool
    private let regex: NSRegularExpression?

    init(_ pattern: String) {
        self.pattern = pattern
        var p = Substring(pattern)
        excludes = p.hasPrefix("!")
        if excludes { p = p.dropFirst() }
        if p.hasPrefix("./") { p = p.dropFirst(2) }
        var glob = String(p)
        if glob.hasPrefix("/") {
            glob.removeFirst()
        } else if !glob.hasPrefix("**/") {
            glob = "**/" + glob
        }
        regex = try? NSRegularExpression(pattern: "^" + Self.translate(glob) + "$")
    }

    /// Whether `path` (as given on the command line; `\` taken as `/`) matches.
    func matches(_ path: String) -> Bool {
        guard let regex else { return false }
        var p = path.replacingOccurrences(of: "\\", with: "/")
        while p.hasPrefix("./") { p.removeFirst(2) }
        // A relative path is matched from its first segment, an absolute one from the root.
        if p.hasPrefix("/") { p.removeFirst() }
        return regex.firstMatch(in: p, range: NSRange(p.startIndex..., in: p)) != nil
    }

    /// The glob as an ICU regular expression (without anchors).
    static func translate(_ glob: String) -> String {
        var out = ""
        var chars = Array(glob)[...]
        var braceDepth = 0
        while let c = chars.popFirst() {
            switch c {
            case "*":
                if chars.first == "*" {
                    chars.removeFirst()
                    if chars.first == "/" {
                        chars.removeFirst()
                        out += "(?:.*/)?"
                    } else {
                        out += ".*"
                    }
                } else {
                    out += "[^/]*"
                }
            case "?": out += "[^/]"
            case "{":
                braceDepth += 1
                out += "(?:"
            case "}" where braceDepth > 0:
                braceDepth -= 1
                out += ")"
            case "," where braceDepth > 0: out += "|"
            default:
                out += NSRegularExpression.escapedPattern(for: String(c))
            }
        }
        if braceDepth > 0 { out += String(repeating: ")", count: braceDepth) }
        return out
    }
}
