import CTOMLReader
import DistlangCore

/// TOML 1.0 through toml++ (`CTOMLReader`): the document is one table, an object; every value and key
/// keeps the line and column toml++ gives it. Dates and times become strings in RFC 3339 form (as
/// JSON Schema's `date-time`, `date` and `time` formats expect); `inf` and `nan` are errors, since
/// JSON has no such numbers.
struct TOMLLoader {
    let bytes: ArraySlice<UInt8>
    let file: String
    let options: LoadOptions

    /// An open table or array while the flat node list is folded back into a tree.
    private final class Frame {
        let isTable: Bool
        let span: SourceSpan
        let keySpan: SourceSpan?
        let key: String?
        var remaining: Int
        var object = JSONObject()
        var items: [Value] = []
        var nodes: [SourceNode] = []

        init(isTable: Bool, span: SourceSpan, key: String?, keySpan: SourceSpan?, children: Int) {
            self.isTable = isTable
            self.span = span
            self.key = key
            self.keySpan = keySpan
            remaining = children
        }
    }

    func load() -> LoadResult {
        if let offset = TOMLDepthCheck(bytes: bytes, maxDepth: options.maxDepth).firstTooDeepLine() {
            let at = LineIndex(bytes).position(ofByteOffset: offset)
            return LoadResult(diagnostics: [.error(
                "input.too-deep", "the document nests deeper than the limit of \(options.maxDepth) levels (a dotted key of too many parts)",
                at: SourceLocation(file: file, line: at.line, column: at.column), hint: "flatten the structure")])
        }
        let document: OpaquePointer = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { dl_toml_parse($0.baseAddress, $0.count, file)! }
        }
        defer { dl_toml_free(document) }
        if let error = dl_toml_error(document) {
            return LoadResult(diagnostics: [.error(
                "toml.syntax", String(cString: error), at: SourceLocation(file: file, span: Self.span(dl_toml_error_span(document)) ?? SourceSpan(line: 1, column: 1)))])
        }
        let nodes = UnsafeBufferPointer(start: dl_toml_nodes(document), count: dl_toml_node_count(document))
        switch build(nodes) {
        case .success(let (value, node)):
            return LoadResult(documents: [Document(value: value, sourceMap: SourceMap(file: file, root: node))])
        case .failure(let diagnostic):
            return LoadResult(diagnostics: [diagnostic])
        }
    }

    /// Folds the pre-order node list into a `Value` and its `SourceNode`, without recursion.
    private func build(_ nodes: UnsafeBufferPointer<dl_toml_node>) -> Result<(Value, SourceNode), Diagnostic> {
        var stack: [Frame] = []
        var result: (Value, SourceNode)?

        func attach(_ value: Value, _ node: SourceNode, key: String?, keySpan: SourceSpan?) {
            guard let parent = stack.last else {
                result = (value, node)
                return
            }
            var member = node
            member.keySpan = keySpan
            if parent.isTable {
                parent.object.appendUnchecked(key ?? "", value)
            } else {
                parent.items.append(value)
            }
            parent.nodes.append(member)
            parent.remaining -= 1
        }

        for n in nodes {
            let span = Self.span(n.span) ?? stack.last?.span ?? SourceSpan(line: 1, column: 1)
            let key = n.key.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: n.key_length), as: UTF8.self) }
            let keySpan = Self.span(n.key_span)
            switch n.kind {
            case Int32(DL_TOML_TABLE.rawValue), Int32(DL_TOML_ARRAY.rawValue):
                if stack.count >= options.maxDepth {
                    return .failure(.error(
                        "input.too-deep", "the document nests deeper than the limit of \(options.maxDepth) levels",
                        at: SourceLocation(file: file, span: span), hint: "flatten the structure"))
                }
                stack.append(Frame(
                    isTable: n.kind == Int32(DL_TOML_TABLE.rawValue), span: span, key: key, keySpan: keySpan, children: Int(n.children)))
            default:
                switch scalar(n, span) {
                case .success(let value): attach(value, SourceNode(span: span), key: key, keySpan: keySpan)
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            // Close every container whose last child has just been attached.
            while let top = stack.last, top.remaining == 0 {
                stack.removeLast()
                let value: Value = top.isTable ? .object(top.object) : .array(top.items)
                let keys = top.isTable ? top.object.keys : []
                attach(value, SourceNode(span: top.span, children: top.nodes, keys: keys), key: top.key, keySpan: top.keySpan)
            }
        }
        guard let result else { return .success((.object(JSONObject()), SourceNode(span: SourceSpan(line: 1, column: 1)))) }
        return .success(result)
    }

    private func scalar(_ n: dl_toml_node, _ span: SourceSpan) -> Result<Value, Diagnostic> {
        switch n.kind {
        case Int32(DL_TOML_STRING.rawValue), Int32(DL_TOML_DATETIME.rawValue):
            if n.text_length > options.maxStringBytes {
                return .failure(.error(
                    "input.string-too-long", "this string is \(n.text_length) bytes long, more than the limit of \(options.maxStringBytes)",
                    at: SourceLocation(file: file, span: span)))
            }
            guard let text = n.text, n.text_length > 0 else { return .success(.string("")) }
            return .success(.string(String(decoding: UnsafeRawBufferPointer(start: text, count: n.text_length), as: UTF8.self)))
        case Int32(DL_TOML_INTEGER.rawValue):
            return .success(.integer(n.integer))
        case Int32(DL_TOML_FLOAT.rawValue):
            guard n.real.isFinite else {
                return .failure(.error(
                    "toml.non-finite-number", "\(n.real.isNaN ? "nan (not a number)" : "infinity") has no JSON equivalent",
                    at: SourceLocation(file: file, span: span), hint: "use a string, or a large finite number"))
            }
            return .success(.number(n.real))
        default:
            return .success(.bool(n.boolean != 0))
        }
    }

    /// toml++'s region as a span (nil when it has no position).
    static func span(_ s: dl_toml_span) -> SourceSpan? {
        guard s.line > 0 else { return nil }
        let start = SourcePosition(line: Int(s.line), column: Int(max(s.column, 1)))
        let end = s.end_line > 0 ? SourcePosition(line: Int(s.end_line), column: Int(max(s.end_column, 1))) : start
        return SourceSpan(start: start, end: end)
    }
}
