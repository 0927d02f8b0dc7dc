import DistlangCore

/// One token of JavaScript source, as far as the import finder needs to tell tokens apart.
struct JSToken {
    enum Kind: Equatable {
        /// A name or keyword; `text` holds it as written (escapes not decoded).
        case identifier
        /// An operator or bracket; `text` holds it.
        case punctuator
        /// A string literal; `text` holds its value (escapes decoded).
        case string
        /// A whole template literal without substitutions; `text` holds its value.
        case template
        /// A part of a template literal with substitutions: up to `${`, between `}` and `${`, or after
        /// the last `}`.
        case templatePart
        case number
        case regex
        case end
    }

    var kind: Kind
    var text: String
    var start: SourcePosition
    /// Just past the token's last character.
    var end: SourcePosition
    /// An identifier written right after `.` or `?.`: a property name, never a keyword.
    var afterDot: Bool = false

    func isPunctuator(_ p: String) -> Bool { kind == .punctuator && text == p }
    /// A name, not a property: `import` in `import x from` but not in `x.import`.
    func isWord(_ w: String) -> Bool { kind == .identifier && !afterDot && text == w }
    /// A string literal or a template literal without substitutions: a specifier Node can read.
    var isLiteralText: Bool { kind == .string || kind == .template }
}
