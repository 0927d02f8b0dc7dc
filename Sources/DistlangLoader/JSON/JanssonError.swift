import CJansson
import DistlangCore

/// Rewrites jansson's error into a diagnostic with the position of the offending token.
enum JanssonError {
    static func diagnostic(_ error: json_error_t, bytes: ArraySlice<UInt8>, file: String, options: LoadOptions) -> Diagnostic {
        let text = withUnsafeBytes(of: error.text) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        let (problem, token) = split(text)
        let index = LineIndex(bytes)
        let tokenBytes = token.map { Array($0.utf8).count } ?? 0
        let tokenStart = max(0, Int(error.position) - tokenBytes)
        func at(_ offset: Int) -> SourceLocation {
            let p = index.position(ofByteOffset: offset)
            return SourceLocation(file: file, line: p.line, column: p.column)
        }
        let scan = JSONStructureScan(bytes, maxDepth: options.maxDepth)

        if problem.hasPrefix("duplicate object key"), let dup = scan.firstDuplicateKey() {
            return .error(
                "json.duplicate-key", "duplicate key \"\(dup.key)\"", at: at(dup.second), pointer: dup.pointer,
                notes: [.init("\"\(dup.key)\" is first defined here", at: at(dup.first))])
        }
        if problem.hasPrefix("maximum parsing depth"), let deep = scan.firstTooDeep() {
            return .error(
                "input.too-deep", "the document nests deeper than the limit of \(options.maxDepth) levels",
                at: at(deep), hint: "flatten the structure")
        }
        if problem.hasPrefix("too big integer") || problem.hasPrefix("too big negative integer") {
            // jansson does not always name the number; it ends where the error is reported.
            let number = token.flatMap { $0.isEmpty ? nil : $0 } ?? numberEnding(at: Int(error.position), in: bytes)
            let start = Int(error.position) - number.utf8.count
            return .error(
                "input.integer-overflow", "the integer \(number) does not fit in 64 bits", at: at(start),
                hint: "write it as a string (\"…\") to keep its exact value")
        }
        if problem.hasPrefix("real number overflow") {
            return .error("json.number-out-of-range", "\(token ?? "the number") is too large for a 64-bit floating-point number", at: at(tokenStart))
        }
        if token == "end of file" || problem.hasPrefix("premature end of input") {
            if let open = scan.unclosed() {
                let what = open.isString ? "this string is never closed" : "this '\(open.character)' is never closed"
                return .error("json.unclosed", what, at: at(open.offset), notes: [.init("the file ends here", at: at(bytes.count))])
            }
        }
        if problem.hasPrefix("\\u0000 is not allowed") {
            return .error("json.nul-escape", "the escape \\u0000 (a NUL character) is not allowed in strings", at: at(tokenStart))
        }
        if let token {
            if token.hasPrefix("/") {
                return .error("json.comment", "comments are not allowed in JSON", at: at(tokenStart),
                              hint: "remove the comment, or write the file as YAML")
            }
            if token == "]" || token == "}", let comma = scan.commaBefore(tokenStart) {
                return .error("json.trailing-comma", "a trailing comma before '\(token)' is not allowed in JSON", at: at(comma),
                              hint: "remove this comma")
            }
            if ["NaN", "-NaN", "Infinity", "-Infinity", "inf", "-inf", "nan"].contains(token) {
                return .error("json.non-finite-number", "\(token) is not a JSON value", at: at(tokenStart),
                              hint: "use null or a string instead")
            }
        }
        return .error("json.syntax", problem + (token.map { " near '\($0)'" } ?? ""), at: at(tokenStart))
    }

    /// The number literal that ends just before byte `end`.
    private static func numberEnding(at end: Int, in bytes: ArraySlice<UInt8>) -> String {
        var start = min(end, bytes.count)
        while start > 0 {
            let b = bytes[bytes.startIndex + start - 1]
            guard (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") else { break }
            start -= 1
        }
        return String(decoding: bytes[(bytes.startIndex + start)..<(bytes.startIndex + min(end, bytes.count))], as: UTF8.self)
    }

    /// Splits "problem near 'token'" (jansson's wording).
    private static func split(_ text: String) -> (String, String?) {
        if let r = text.range(of: " near '"), text.hasSuffix("'") {
            return (String(text[..<r.lowerBound]), String(text[r.upperBound...].dropLast()))
        }
        if let r = text.range(of: " near end of file") {
            return (String(text[..<r.lowerBound]), "end of file")
        }
        return (text, nil)
    }
}
