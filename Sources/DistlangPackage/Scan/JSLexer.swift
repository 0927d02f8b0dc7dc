import DistlangCore

/// A small JavaScript lexer: enough of ECMAScript's lexical grammar to know where comments, string
/// literals, template literals (with nested `${ … }`) and regular-expression literals start and end,
/// so that the import finder only ever looks at real code.
///
/// Whether a `/` starts a regular expression or is division depends on the previous significant token,
/// as in JavaScript lexers that do not parse: after a value (a name, a number, a string, `)`, `]`, the
/// `}` of an object literal, `++`) it divides; after an operator, `(`, `,`, a block's `}`, keywords such
/// as `return` or `typeof`, or the `)` of `if (…)`/`while (…)`/`for (…)`, it starts a regular expression.
///
/// Works in one pass over the UTF-8 bytes, never backtracks, and accepts any input: an unterminated
/// string or regular expression ends at its line's end, an unterminated comment or template at the end
/// of the text. Positions are 1-based lines and columns counting Unicode scalars; lines break at LF,
/// CR and CRLF (as `SourceCache` splits them for display).
struct JSLexer {
    /// An open bracket, and how many `?` of conditional expressions in it still wait for their `:`.
    private struct Frame {
        enum Kind: Equatable {
            /// `(`; `condition` for the parentheses of `if`, `while`, `for` and `with`.
            case paren(condition: Bool)
            case bracket, block, object
            /// `${` in a template literal.
            case substitution
        }

        var kind: Kind
        var pendingConditionals = 0
    }

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var column = 1
    private var regexAllowed = true
    private var previous: JSToken?
    /// The open brackets, innermost last; `top` stands for the module's top level.
    private var frames: [Frame] = []
    private var top = Frame(kind: .block)
    /// Whether the last `:` ended a label, `case …` or `default` (a `{` after it opens a block).
    private var colonEndsStatementLabel = false

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    /// The next token; `.end` at the end of the text (and on every call after it).
    mutating func next() -> JSToken {
        skipTrivia()
        let start = position
        guard i < bytes.count else { return JSToken(kind: .end, text: "", start: start, end: start) }
        let b = bytes[i]
        var token: JSToken
        var opensSubstitution = false
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            token = stringLiteral(from: start, quote: b)
        case UInt8(ascii: "`"):
            advance()
            (token, opensSubstitution) = templateText(from: start, wholeLiteral: true)
        case UInt8(ascii: "}") where frames.last?.kind == .substitution:
            frames.removeLast()
            advance()
            (token, opensSubstitution) = templateText(from: start, wholeLiteral: false)
        case UInt8(ascii: "/") where regexAllowed:
            token = regexLiteral(from: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            token = numberLiteral(from: start)
        case UInt8(ascii: ".") where isDigit(at: i + 1):
            token = numberLiteral(from: start)
        default:
            if isIdentifierStart(at: i) {
                token = identifier(from: start)
            } else {
                token = punctuator(from: start)
            }
        }
        update(after: token, opensSubstitution: opensSubstitution)
        previous = token
        return token
    }

    // MARK: - State between tokens

    private static let keywordsBeforeExpression: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
        "yield", "await", "extends",
    ]
    private static let conditionKeywords: Set<String> = ["if", "while", "for", "with"]

    private mutating func update(after token: JSToken, opensSubstitution: Bool) {
        switch token.kind {
        case .identifier:
            regexAllowed = !token.afterDot && Self.keywordsBeforeExpression.contains(token.text)
        case .punctuator:
            regexAllowed = true
            switch token.text {
            case "(":
                let p = previous
                let condition = p?.kind == .identifier && p?.afterDot == false && Self.conditionKeywords.contains(p!.text)
                frames.append(Frame(kind: .paren(condition: condition)))
            case ")":
                if case .paren(let condition) = frames.last?.kind {
                    frames.removeLast()
                    regexAllowed = condition
                } else {
                    regexAllowed = false
                }
            case "[": frames.append(Frame(kind: .bracket))
            case "]":
                if frames.last?.kind == .bracket { frames.removeLast() }
                regexAllowed = false
            case "{": frames.append(Frame(kind: braceOpensObject() ? .object : .block))
            case "}":
                let kind = frames.last?.kind
                if kind == .block || kind == .object { frames.removeLast() }
                regexAllowed = kind != .object
            case "++", "--": regexAllowed = false
            case "?": current.pendingConditionals += 1
            case ":":
                if current.pendingConditionals > 0 {
                    current.pendingConditionals -= 1
                    colonEndsStatementLabel = false
                } else {
                    colonEndsStatementLabel = current.kind == .block
                }
            default: break
            }
        case .templatePart:
            if opensSubstitution { frames.append(Frame(kind: .substitution)) }
            regexAllowed = opensSubstitution
        case .string, .template, .number, .regex, .end: regexAllowed = false
        }
    }

    /// The innermost open bracket (or the top level).
    private var current: Frame {
        get { frames.last ?? top }
        set { if frames.isEmpty { top = newValue } else { frames[frames.count - 1] = newValue } }
    }

    /// Whether a `{` here starts an object literal (an expression) rather than a block: it does where an
    /// expression may start, except after `;`, `{`, `}`, `)`, `=>`, `else`, `do`, a label's or a case's
    /// `:`, and at the start.
    private func braceOpensObject() -> Bool {
        guard regexAllowed, let p = previous else { return false }
        if p.kind == .punctuator {
            if p.text == ":" { return !colonEndsStatementLabel }
            return ![";", "{", "}", ")", "=>"].contains(p.text)
        }
        if p.kind == .identifier { return p.afterDot || !["else", "do"].contains(p.text) }
        return true
    }

    // MARK: - Characters

    /// Moves past one byte, counting lines and columns (continuation bytes of a scalar add no column).
    private mutating func advance() {
        let b = bytes[i]
        i += 1
        if b == 0x0A || (b == 0x0D && (i >= bytes.count || bytes[i] != 0x0A)) {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 && b != 0x0D {
            column += 1
        }
    }

    private mutating func advance(_ count: Int) {
        for _ in 0..<count where i < bytes.count { advance() }
    }

    private func byte(at k: Int) -> UInt8? { k < bytes.count ? bytes[k] : nil }

    private func isDigit(at k: Int) -> Bool {
        guard let b = byte(at: k) else { return false }
        return b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    /// The length of a line terminator at `k` (LF, CR, U+2028, U+2029), or 0.
    private func lineTerminatorLength(at k: Int) -> Int {
        guard let b = byte(at: k) else { return 0 }
        if b == 0x0A || b == 0x0D { return 1 }
        if b == 0xE2, byte(at: k + 1) == 0x80, let c = byte(at: k + 2), c == 0xA8 || c == 0xA9 { return 3 }
        return 0
    }

    /// The length of a non-ASCII white space or line terminator scalar at `k` (NBSP, BOM, the Zs
    /// spaces, U+2028, U+2029), or 0.
    private func unicodeSpaceLength(at k: Int) -> Int {
        guard let b0 = byte(at: k), b0 >= 0x80, let b1 = byte(at: k + 1) else { return 0 }
        if b0 == 0xC2 { return b1 == 0xA0 ? 2 : 0 }
        guard let b2 = byte(at: k + 2) else { return 0 }
        switch (b0, b1) {
        case (0xEF, 0xBB): return b2 == 0xBF ? 3 : 0
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) ? 3 : 0
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0
        default: return 0
        }
    }

    private func isIdentifierPart(at k: Int) -> Bool {
        guard let b = byte(at: k) else { return false }
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "$"), UInt8(ascii: "_"), UInt8(ascii: "\\"):
            return true
        default:
            return b >= 0x80 && unicodeSpaceLength(at: k) == 0
        }
    }

    private func isIdentifierStart(at k: Int) -> Bool {
        if isDigit(at: k) { return false }
        if byte(at: k) == UInt8(ascii: "#") { return isIdentifierPart(at: k + 1) && !isDigit(at: k + 1) }
        return isIdentifierPart(at: k)
    }

    private mutating func skipTrivia() {
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                advance()
            case UInt8(ascii: "/") where byte(at: i + 1) == UInt8(ascii: "/"):
                skipToLineEnd()
            case UInt8(ascii: "/") where byte(at: i + 1) == UInt8(ascii: "*"):
                advance(2)
                while i < bytes.count && !(bytes[i] == UInt8(ascii: "*") && byte(at: i + 1) == UInt8(ascii: "/")) { advance() }
                advance(2)
            case UInt8(ascii: "#") where i == 0 && byte(at: 1) == UInt8(ascii: "!"):
                skipToLineEnd()
            default:
                let n = unicodeSpaceLength(at: i)
                guard n > 0 else { return }
                advance(n)
            }
        }
    }

    private mutating func skipToLineEnd() {
        while i < bytes.count && lineTerminatorLength(at: i) == 0 { advance() }
    }

    // MARK: - Tokens

    private mutating func identifier(from start: SourcePosition) -> JSToken {
        let first = i
        if bytes[i] == UInt8(ascii: "#") { advance() }
        while isIdentifierPart(at: i) {
            if bytes[i] == UInt8(ascii: "\\"), byte(at: i + 1) == UInt8(ascii: "u"), byte(at: i + 2) == UInt8(ascii: "{") {
                while i < bytes.count && bytes[i] != UInt8(ascii: "}") { advance() }  // `\u{…}`
            }
            if i < bytes.count { advance() }
        }
        let afterDot = previous.map { $0.isPunctuator(".") || $0.isPunctuator("?.") } ?? false
        return JSToken(
            kind: .identifier, text: String(decoding: bytes[first..<i], as: UTF8.self), start: start, end: position,
            afterDot: afterDot)
    }

    private mutating func punctuator(from start: SourcePosition) -> JSToken {
        let first = i
        let b = bytes[i], b1 = byte(at: i + 1)
        var length = 1
        if b == UInt8(ascii: "."), b1 == UInt8(ascii: "."), byte(at: i + 2) == UInt8(ascii: ".") {
            length = 3
        } else if b == UInt8(ascii: "?"), b1 == UInt8(ascii: "."), !isDigit(at: i + 2) {
            length = 2
        } else if b == UInt8(ascii: "="), b1 == UInt8(ascii: ">") {
            length = 2
        } else if b == UInt8(ascii: "?"), b1 == UInt8(ascii: "?") {
            length = 2  // `??`, so that its `?`s wait for no `:`
        } else if b == UInt8(ascii: "+") || b == UInt8(ascii: "-"), b1 == b {
            length = 2
        } else if b >= 0x80 {
            // Only unpaired garbage gets here (valid non-ASCII scalars are names or spaces): one scalar.
            length = 1
            while let c = byte(at: i + length), c & 0xC0 == 0x80 { length += 1 }
        }
        advance(length)
        return JSToken(kind: .punctuator, text: String(decoding: bytes[first..<i], as: UTF8.self), start: start, end: position)
    }

    private mutating func numberLiteral(from start: SourcePosition) -> JSToken {
        let first = i
        let hex = bytes[i] == UInt8(ascii: "0") && ((byte(at: i + 1) ?? 0) | 0x20) == UInt8(ascii: "x")
        while let b = byte(at: i) {
            if isIdentifierPart(at: i) && b < 0x80 && b != UInt8(ascii: "\\") || b == UInt8(ascii: ".") {
                advance()
            } else if !hex, b == UInt8(ascii: "+") || b == UInt8(ascii: "-"), i > first, bytes[i - 1] | 0x20 == UInt8(ascii: "e") {
                advance()
            } else {
                break
            }
        }
        return JSToken(kind: .number, text: "", start: start, end: position)
    }

    private mutating func stringLiteral(from start: SourcePosition, quote: UInt8) -> JSToken {
        advance()
        var value: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == quote {
                advance()
                break
            } else if b == UInt8(ascii: "\\") {
                escapeSequence(into: &value)
            } else if b == 0x0A || b == 0x0D {
                break  // unterminated: the string ends with its line
            } else {
                value.append(b)
                advance()
            }
        }
        return JSToken(kind: .string, text: String(decoding: value, as: UTF8.self), start: start, end: position)
    }

    /// Template text after its opening `` ` `` or after a substitution's `}`, up to the closing `` ` ``
    /// or the next `${`; `opensSubstitution` tells which.
    private mutating func templateText(from start: SourcePosition, wholeLiteral: Bool)
        -> (token: JSToken, opensSubstitution: Bool)
    {
        var value: [UInt8] = []
        var opensSubstitution = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "`") {
                advance()
                break
            } else if b == UInt8(ascii: "$"), byte(at: i + 1) == UInt8(ascii: "{") {
                advance(2)
                opensSubstitution = true
                break
            } else if b == UInt8(ascii: "\\") {
                escapeSequence(into: &value)
            } else {
                value.append(b)
                advance()
            }
        }
        let kind: JSToken.Kind = wholeLiteral && !opensSubstitution ? .template : .templatePart
        return (JSToken(kind: kind, text: String(decoding: value, as: UTF8.self), start: start, end: position), opensSubstitution)
    }

    private mutating func regexLiteral(from start: SourcePosition) -> JSToken {
        advance()
        var inClass = false
        while i < bytes.count && lineTerminatorLength(at: i) == 0 {
            let b = bytes[i]
            if b == UInt8(ascii: "\\") {
                advance()
                if i < bytes.count && lineTerminatorLength(at: i) == 0 { advance() }
                continue
            }
            advance()
            if b == UInt8(ascii: "[") {
                inClass = true
            } else if b == UInt8(ascii: "]") {
                inClass = false
            } else if b == UInt8(ascii: "/") && !inClass {
                while isIdentifierPart(at: i) { advance() }  // flags
                break
            }
        }
        return JSToken(kind: .regex, text: "", start: start, end: position)
    }

    // MARK: - Escapes

    /// Decodes the escape sequence at `i` (a `\`) into `value` as UTF-8.
    private mutating func escapeSequence(into value: inout [UInt8]) {
        advance()
        guard i < bytes.count else { return }
        let terminator = lineTerminatorLength(at: i)
        if terminator > 0 {  // a line continuation: nothing
            if bytes[i] == 0x0D && byte(at: i + 1) == 0x0A { advance() }
            advance(terminator)
            return
        }
        let c = bytes[i]
        advance()
        switch c {
        case UInt8(ascii: "n"): value.append(0x0A)
        case UInt8(ascii: "t"): value.append(0x09)
        case UInt8(ascii: "r"): value.append(0x0D)
        case UInt8(ascii: "b"): value.append(0x08)
        case UInt8(ascii: "f"): value.append(0x0C)
        case UInt8(ascii: "v"): value.append(0x0B)
        case UInt8(ascii: "0") where !isDigit(at: i): value.append(0)
        case UInt8(ascii: "x"):
            appendScalar(hexValue(digits: 2) ?? 0xFFFD, to: &value)
        case UInt8(ascii: "u"):
            appendScalar(unicodeEscape(), to: &value)
        default:
            value.append(c)
            while let b = byte(at: i), b & 0xC0 == 0x80 {
                value.append(b)
                advance()
            }
        }
    }

    /// The scalar of `\u` + `XXXX` or `{X…}` (at `i`, after the `u`), joining a surrogate pair written as
    /// two escapes; U+FFFD for anything malformed.
    private mutating func unicodeEscape() -> UInt32 {
        if byte(at: i) == UInt8(ascii: "{") {
            advance()
            var v: UInt32 = 0
            var digits = 0
            while let b = byte(at: i), let d = Self.hexDigit(b) {
                if v <= 0x10FFFF { v = v * 16 + d }
                digits += 1
                advance()
            }
            if byte(at: i) == UInt8(ascii: "}") { advance() } else { return 0xFFFD }
            return digits > 0 ? v : 0xFFFD
        }
        guard let high = hexValue(digits: 4) else { return 0xFFFD }
        if (0xD800...0xDBFF).contains(high), byte(at: i) == UInt8(ascii: "\\"), byte(at: i + 1) == UInt8(ascii: "u") {
            let save = (i, line, column)
            advance(2)
            if let low = hexValue(digits: 4), (0xDC00...0xDFFF).contains(low) {
                return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            (i, line, column) = save
        }
        return high
    }

    private mutating func hexValue(digits: Int) -> UInt32? {
        var v: UInt32 = 0
        for k in 0..<digits {
            guard let b = byte(at: i + k), let d = Self.hexDigit(b) else { return nil }
            v = v * 16 + d
        }
        advance(digits)
        return v
    }

    private static func hexDigit(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func appendScalar(_ v: UInt32, to value: inout [UInt8]) {
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"  // lone surrogates and values past U+10FFFF
        UTF8.encode(scalar) { value.append($0) }
    }
}
