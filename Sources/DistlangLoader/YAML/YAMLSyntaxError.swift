import CLibYAML
import DistlangCore

/// Turns libyaml's parser error into a diagnostic a person can act on.
enum YAMLSyntaxError {
    static func diagnostic(parser: yaml_parser_t, bytes: ArraySlice<UInt8>, file: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let problemAt = location(parser.problem_mark, file)
        let contextAt = contextLocation(parser.context_mark, file)

        if parser.error == YAML_READER_ERROR {
            // The input checks catch encoding problems first; this covers what remains (e.g. U+FFFE).
            let position = LineIndex(bytes).position(ofByteOffset: parser.problem_offset)
            return .error(
                "yaml.syntax", readerMessage(problem, parser.problem_value),
                at: SourceLocation(file: file, line: position.line, column: position.column))
        }
        if problem.contains("found character that cannot start any token"),
            LineIndex(bytes).character(at: problemAt.span.start) == "\t"
        {
            return .error(
                "yaml.tab", "a tab character is not allowed here: YAML indentation must use spaces", at: problemAt,
                hint: "replace the tab with spaces")
        }
        if let hinted = YAMLStructureHint(bytes: bytes, file: file).diagnostic(
            problem: problem, at: problemAt, context: context, contextAt: contextAt)
        {
            return hinted
        }
        if let context, let contextAt {
            if context == "while scanning a quoted scalar", problem.contains("end of stream") {
                return .error(
                    "yaml.unclosed-quote", "this quoted string is never closed", at: contextAt,
                    hint: "add the closing quote", notes: [.init("the file ends here", at: problemAt)])
            }
            if context == "while parsing a flow sequence" || context == "while parsing a flow mapping" {
                let bracket = context.hasSuffix("sequence") ? "[" : "{"
                let closing = bracket == "[" ? "]" : "}"
                return .error(
                    "yaml.unclosed-bracket", "this '\(bracket)' is never closed", at: contextAt,
                    hint: "add the matching '\(closing)'",
                    notes: [.init("expected ',' or '\(closing)' here (\(problem))", at: problemAt)])
            }
            return .error(
                "yaml.syntax", problem, at: problemAt,
                notes: [.init(context + " that starts here", at: contextAt)])
        }
        return .error("yaml.syntax", problem, at: problemAt)
    }

    private static func readerMessage(_ problem: String, _ value: Int32) -> String {
        value >= 0 ? "\(problem) (U+\(String(value, radix: 16, uppercase: true)))" : problem
    }

    private static func location(_ mark: yaml_mark_t, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// libyaml leaves the context mark zeroed when there is no context.
    private static func contextLocation(_ mark: yaml_mark_t, _ file: String) -> SourceLocation? {
        mark.line == 0 && mark.column == 0 && mark.index == 0 ? nil : SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
