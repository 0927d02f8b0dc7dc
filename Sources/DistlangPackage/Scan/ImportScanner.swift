import DistlangCore

/// One import found in a JavaScript module.
public struct ImportReference: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `import "x"`, `import d from "x"`, `import * as n from "x"`, `import { a } from "x"`, …
        case staticImport
        /// `export * from "x"`, `export * as n from "x"`, `export { a } from "x"`.
        case reexport
        /// `import("x")` with a string or a template literal without substitutions.
        case dynamicImport
    }

    /// The specifier as the module means it (escapes in the literal decoded).
    public var specifier: String
    public var kind: Kind
    /// Where the specifier's literal starts (its opening quote): 1-based, columns counting Unicode
    /// scalars, as `DistlangCore.SourcePosition`.
    public var line: Int
    public var column: Int
    /// Just past the literal's closing quote.
    public var endLine: Int
    public var endColumn: Int

    public init(specifier: String, kind: Kind, line: Int, column: Int, endLine: Int? = nil, endColumn: Int? = nil) {
        self.specifier = specifier
        self.kind = kind
        self.line = line
        self.column = column
        self.endLine = endLine ?? line
        self.endColumn = endColumn ?? column
    }

    /// The literal's span, for a diagnostic's location.
    public var span: SourceSpan {
        SourceSpan(start: SourcePosition(line: line, column: column), end: SourcePosition(line: endLine, column: endColumn))
    }
}

/// What `ImportScanner` finds in one module.
public struct ImportScan: Sendable, Equatable {
    /// Every import with a literal specifier, in the order written.
    public var imports: [ImportReference]
    /// Where each `import(…)` whose argument is not a literal starts (its `import` keyword): these
    /// cannot be followed without running the code.
    public var computedDynamicImports: [SourcePosition]

    public init(imports: [ImportReference] = [], computedDynamicImports: [SourcePosition] = []) {
        self.imports = imports
        self.computedDynamicImports = computedDynamicImports
    }
}

/// Finds the imports of an ES module by lexing it (`JSLexer`), so that text in comments, strings,
/// templates and regular expressions never counts. CommonJS `require` is not looked for.
public enum ImportScanner {
    public static func scan(_ text: String) -> ImportScan {
        var finder = ImportFinder(tokens: TokenStream(lexer: JSLexer(text)))
        return finder.run()
    }
}

/// The lexer's tokens with lookahead.
struct TokenStream {
    var lexer: JSLexer
    private var buffer: [JSToken] = []
    private var head = 0

    init(lexer: JSLexer) { self.lexer = lexer }

    mutating func peek(_ offset: Int = 0) -> JSToken {
        while buffer.count - head <= offset { buffer.append(lexer.next()) }
        return buffer[head + offset]
    }

    @discardableResult
    mutating func take() -> JSToken {
        let t = peek()
        head += 1
        if head >= 64 && head * 2 >= buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
        return t
    }
}

/// Recognises the import and export forms in the token stream. Every lookahead is bounded, so the
/// work stays linear in the size of the text whatever it holds.
struct ImportFinder {
    var tokens: TokenStream
    private var scan = ImportScan()

    /// How far to look for the `)` closing a computed `import(`, and the most tokens in `{ … }` of an
    /// import clause.
    static let lookaheadLimit = 64
    static let bracesLimit = 100_000

    init(tokens: TokenStream) { self.tokens = tokens }

    mutating func run() -> ImportScan {
        while true {
            let t = tokens.take()
            if t.kind == .end { return scan }
            if t.isWord("import") {
                afterImport(t)
            } else if t.isWord("export") {
                let next = tokens.peek()
                let typeOnly = next.isWord("type") && (tokens.peek(1).isPunctuator("{") || tokens.peek(1).isPunctuator("*"))
                if next.isPunctuator("*") || next.isPunctuator("{") || typeOnly { clause(.reexport, leadingNames: typeOnly ? 1 : 0) }
            }
        }
    }

    private mutating func afterImport(_ keyword: JSToken) {
        let next = tokens.peek()
        if next.isPunctuator("(") {
            dynamicImport(keyword)
        } else if next.kind == .string {
            record(tokens.take(), .staticImport)
        } else if next.kind == .identifier || next.isPunctuator("*") || next.isPunctuator("{") {
            clause(.staticImport, leadingNames: 4)
        }
        // Anything else (`import.meta`, `{ import: 1 }`, `import = …` in a class) is no import.
    }

    /// `import(…)`: a literal argument is an import; anything else is a computed import, unless the
    /// parentheses are the parameters of a method named `import` (`import(a) { … }`).
    private mutating func dynamicImport(_ keyword: JSToken) {
        let argument = tokens.peek(1), after = tokens.peek(2)
        if argument.isLiteralText && (after.isPunctuator(")") || after.isPunctuator(",")) {
            record(argument, .dynamicImport)
        } else if !isMethodDefinition() {
            scan.computedDynamicImports.append(keyword.start)
        }
    }

    /// Whether the `(` ahead closes, within `lookaheadLimit` tokens, with `) {`.
    private mutating func isMethodDefinition() -> Bool {
        var depth = 0
        for k in 0..<Self.lookaheadLimit {
            let t = tokens.peek(k)
            if t.kind == .end { return false }
            if t.isPunctuator("(") { depth += 1 }
            if t.isPunctuator(")") {
                depth -= 1
                if depth == 0 { return tokens.peek(k + 1).isPunctuator("{") }
            }
        }
        return false
    }

    /// The bindings of an import or export up to `from "x"`: up to `leadingNames` names (a default
    /// binding, `type`, `defer`, a binding named `from`) and commas, then `* as n`, `* as "n"`, `*` or
    /// `{ … }`, then `from` and the specifier (attributes after it are left to the main loop).
    private mutating func clause(_ kind: ImportReference.Kind, leadingNames: Int) {
        var names = 0
        while names < leadingNames, tokens.peek().kind == .identifier, !fromFollows() {
            tokens.take()
            names += 1
            if tokens.peek().isPunctuator(",") { tokens.take() }
        }
        if tokens.peek().isPunctuator("{") {
            guard skipBraces() else { return }
        } else if tokens.peek().isPunctuator("*") {
            tokens.take()
            if tokens.peek().isWord("as") {
                tokens.take()
                let name = tokens.peek()
                guard name.kind == .identifier || name.kind == .string else { return }
                tokens.take()
            }
        }
        if fromFollows() {
            tokens.take()
            record(tokens.take(), kind)
        }
    }

    private mutating func fromFollows() -> Bool {
        tokens.peek().isWord("from") && tokens.peek(1).kind == .string
    }

    /// Takes `{ … }` with what it holds; false when it does not close within the limit.
    private mutating func skipBraces() -> Bool {
        var depth = 0
        for _ in 0..<Self.bracesLimit {
            let t = tokens.take()
            if t.kind == .end { return false }
            if t.isPunctuator("{") { depth += 1 }
            if t.isPunctuator("}") {
                depth -= 1
                if depth == 0 { return true }
            }
        }
        return false
    }

    private mutating func record(_ literal: JSToken, _ kind: ImportReference.Kind) {
        scan.imports.append(
            ImportReference(
                specifier: literal.text, kind: kind, line: literal.start.line, column: literal.start.column,
                endLine: literal.end.line, endColumn: literal.end.column))
    }
}
