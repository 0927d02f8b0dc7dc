import DistlangCore

/// The dependencies a package's `package.json` declares, with where each is written (read with the
/// JavaScript lexer, which reads JSON too, so a warning can point at the line).
struct PackageManifest {
    enum Kind: Equatable { case required, optional, peer }

    struct Dependency: Equatable {
        var name: String
        var kind: Kind
        var position: SourcePosition
    }

    /// In the order written; a name in both `dependencies` and `optionalDependencies` is optional (as
    /// npm treats it). Malformed JSON gives what could be read before the problem.
    var dependencies: [Dependency] = []

    init(text: String) {
        var tokens = TokenStream(lexer: JSLexer(text))
        guard tokens.take().isPunctuator("{") else { return }
        var found: [Dependency] = []
        while tokens.peek().kind == .string, tokens.peek(1).isPunctuator(":") {
            let key = tokens.take().text
            tokens.take()
            let kind: Kind? = switch key {
            case "dependencies": .required
            case "optionalDependencies": .optional
            case "peerDependencies": .peer
            default: nil
            }
            if let kind, tokens.peek().isPunctuator("{") {
                tokens.take()
                while tokens.peek().kind == .string, tokens.peek(1).isPunctuator(":") {
                    let name = tokens.take()
                    tokens.take()
                    found.append(Dependency(name: name.text, kind: kind, position: name.start))
                    guard Self.skipValue(&tokens) else { return }
                    if tokens.peek().isPunctuator(",") { tokens.take() }
                }
                guard tokens.take().isPunctuator("}") else { break }
            } else {
                guard Self.skipValue(&tokens) else { break }
            }
            if tokens.peek().isPunctuator(",") { tokens.take() } else { break }
        }
        let optional = Set(found.filter { $0.kind == .optional }.map(\.name))
        dependencies = found.filter { $0.kind != .required || !optional.contains($0.name) }
    }

    /// Takes one JSON value; false when the text ends inside it.
    private static func skipValue(_ tokens: inout TokenStream) -> Bool {
        if tokens.peek().isPunctuator("-") { tokens.take() }  // a negative number's sign
        var depth = 0
        repeat {
            let t = tokens.take()
            if t.kind == .end { return false }
            if t.isPunctuator("{") || t.isPunctuator("[") { depth += 1 }
            if t.isPunctuator("}") || t.isPunctuator("]") { depth -= 1 }
        } while depth > 0
        return true
    }
}
