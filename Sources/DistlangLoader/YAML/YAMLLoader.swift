import CLibYAML
import DistlangCore

/// Builds documents from libyaml's event stream, without recursion (depth is bounded by `maxDepth`).
struct YAMLLoader {
    let bytes: ArraySlice<UInt8>
    let file: String
    let options: LoadOptions

    /// Frames by depth, reused: `frames[0..<depth]` are the open containers.
    private var frames: [ContainerFrame] = []
    private var depth = 0
    private var anchors: [String: AnchoredValue] = [:]
    private var nodeCount = 0
    private var aliasExpansion = 0
    private var documents: [Document] = []
    private var current: (value: Value, node: SourceNode)?
    private var diagnostics: [Diagnostic] = []

    init(bytes: ArraySlice<UInt8>, file: String, options: LoadOptions) {
        self.bytes = bytes
        self.file = file
        self.options = options
    }

    /// Parses the whole stream; stops at the first error that makes the rest meaningless.
    mutating func load() -> LoadResult {
        let source = YAMLEventSource(bytes: bytes, file: file)
        var event = yaml_event_t()
        var outcome: Void? = ()
        while source.next(into: &event) {
            let done = event.type == YAML_STREAM_END_EVENT
            let ok = handle(&event)
            yaml_event_delete(&event)
            if !ok { outcome = nil; break }
            if done { break }
        }
        source.finish()
        if let error = source.error {
            diagnostics.append(error)
            outcome = nil
        }
        if outcome != nil && documents.isEmpty && diagnostics.isEmpty {
            diagnostics.append(.error(
                "input.empty", "the file is empty: it holds no YAML document",
                at: SourceLocation(file: file, line: 1, column: 1)))
        }
        if diagnostics.hasErrors { return LoadResult(diagnostics: diagnostics) }
        return LoadResult(documents: documents, diagnostics: diagnostics)
    }

    // MARK: events

    /// Handles one event; false stops parsing.
    private mutating func handle(_ event: inout yaml_event_t) -> Bool {
        let span = Self.span(event.start_mark, event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            if !documents.isEmpty && !options.allowMultipleDocuments {
                fail(
                    "yaml.multiple-documents", "the file holds more than one YAML document; a spec must be a single document",
                    span, hint: "remove the '---' line and what follows it, or split the file")
                return false
            }
            anchors.removeAll()
            current = nil
            return true
        case YAML_DOCUMENT_END_EVENT:
            if let current {
                documents.append(Document(value: current.value, sourceMap: SourceMap(file: file, root: current.node)))
            }
            return true
        case YAML_SCALAR_EVENT:
            return scalar(event, span)
        case YAML_ALIAS_EVENT:
            return alias(Self.string(event.data.alias.anchor), span)
        case YAML_SEQUENCE_START_EVENT:
            guard checkContainerTag(event.data.sequence_start.tag, expected: "tag:yaml.org,2002:seq", span) else { return false }
            guard checkDepth(span) else { return false }
            push(isMapping: false, span, anchor: Self.optionalString(event.data.sequence_start.anchor))
            return true
        case YAML_MAPPING_START_EVENT:
            guard checkContainerTag(event.data.mapping_start.tag, expected: "tag:yaml.org,2002:map", span) else { return false }
            guard checkDepth(span) else { return false }
            push(isMapping: true, span, anchor: Self.optionalString(event.data.mapping_start.anchor))
            return true
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            depth -= 1
            let frame = frames[depth]
            let (value, node) = frame.isMapping ? frame.makeObject(end: span.end) : frame.makeArray(end: span.end)
            return finish(value, node, anchor: frame.anchor, size: nodeCount - frame.nodeCountAtStart + 1)
        default:
            return true
        }
    }

    private mutating func scalar(_ event: yaml_event_t, _ span: SourceSpan) -> Bool {
        let s = event.data.scalar
        if s.length > options.maxStringBytes {
            fail("input.string-too-long", "this string is \(s.length) bytes long, more than the limit of \(options.maxStringBytes)", span)
            return false
        }
        let text = Self.string(s.value, length: s.length)
        let tag = Self.optionalString(s.tag)
        let isPlain = s.style == YAML_PLAIN_SCALAR_STYLE
        let value: Value
        switch ScalarTags.resolve(text: text, tag: tag, plain: isPlain) {
        case .value(let v):
            value = v
        case .invalid(let code, let message, let hint):
            fail(code, message, span, hint: hint)
            return false
        }
        // A plain `<<` in key position is a merge key.
        if let mapping = top, mapping.isMapping, mapping.pendingKey == nil {
            if let anchor = Self.optionalString(s.anchor) {
                anchors[anchor] = AnchoredValue(value: value, node: SourceNode(span: span), size: 1)
            }
            return mappingKey(mapping, text: text, value: value, span: span, isMerge: isPlain && tag == nil && text == "<<")
        }
        return finish(value, SourceNode(span: span), anchor: Self.optionalString(s.anchor), size: 1)
    }

    private mutating func alias(_ name: String, _ span: SourceSpan) -> Bool {
        guard let anchored = anchors[name] else {
            fail("yaml.undefined-alias", "the alias *\(name) refers to an anchor &\(name) that is not defined before it", span)
            return false
        }
        aliasExpansion += anchored.size
        if aliasExpansion > options.maxAliasExpansion {
            fail(
                "yaml.alias-budget",
                "aliases expand this document to more than \(options.maxAliasExpansion) values (a \"billion laughs\" document?)",
                span, hint: "reduce the nesting of anchors and aliases")
            return false
        }
        if let mapping = top, mapping.isMapping, mapping.pendingKey == nil {
            guard case .string(let key) = anchored.value else {
                fail("yaml.non-scalar-key", "a mapping key must be a string; this alias names a \(anchored.value.typeName)", span)
                return false
            }
            return mappingKey(mapping, text: key, value: anchored.value, span: span, isMerge: false)
        }
        var node = anchored.node
        node.keySpan = nil
        nodeCount += anchored.size
        return attach(anchored.value, node)
    }

    // MARK: building

    private mutating func mappingKey(_ mapping: ContainerFrame, text: String, value: Value, span: SourceSpan, isMerge: Bool) -> Bool {
        switch value {
        case .string, .integer, .number, .bool, .null: break
        default:
            fail("yaml.non-scalar-key", "a mapping key must be a scalar", span)
            return false
        }
        if !isMerge, let existing = mapping.position(ofKey: text) {
            let first = mapping.nodes[existing].keySpan ?? mapping.nodes[existing].span
            let d = Diagnostic.error(
                "yaml.duplicate-key", "duplicate key \"\(text)\"",
                at: SourceLocation(file: file, span: span),
                pointer: pointerOfTop().appending(text),
                notes: [.init("\"\(text)\" is first defined here", at: SourceLocation(file: file, span: first))])
            diagnostics.append(d)
            return false
        }
        mapping.pendingKey = (text, span, isMerge)
        return true
    }

    /// A complete value: remember its anchor, then attach it to its parent (or make it the document).
    private mutating func finish(_ value: Value, _ node: SourceNode, anchor: String?, size: Int) -> Bool {
        nodeCount += 1
        if let anchor { anchors[anchor] = AnchoredValue(value: value, node: node, size: size) }
        return attach(value, node)
    }

    private mutating func attach(_ value: Value, _ node: SourceNode) -> Bool {
        guard let parent = top else {
            current = (value, node)
            return true
        }
        guard parent.isMapping else {
            parent.appendItem(value, node)
            return true
        }
        let key = parent.pendingKey!
        parent.pendingKey = nil
        if key.isMerge {
            return MergeKeys.record(value, node, in: parent, file: file, diagnostics: &diagnostics)
        }
        var member = node
        member.keySpan = key.span
        parent.appendMember(key.key, value, member)
        return true
    }

    /// The innermost open container.
    private var top: ContainerFrame? { depth > 0 ? frames[depth - 1] : nil }

    private mutating func push(isMapping: Bool, _ span: SourceSpan, anchor: String?) {
        if depth == frames.count { frames.append(ContainerFrame()) }
        frames[depth].reset(isMapping: isMapping, start: span, anchor: anchor, nodeCountAtStart: nodeCount)
        depth += 1
    }

    /// A container may not start where a mapping expects a key; the depth must stay bounded.
    private mutating func checkDepth(_ span: SourceSpan) -> Bool {
        if let mapping = top, mapping.isMapping, mapping.pendingKey == nil {
            fail("yaml.non-scalar-key", "a mapping key must be a scalar", span)
            return false
        }
        guard depth >= options.maxDepth else { return true }
        fail(
            "input.too-deep", "the document nests deeper than the limit of \(options.maxDepth) levels", span,
            hint: "flatten the structure")
        return false
    }

    private mutating func checkContainerTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, expected: String, _ span: SourceSpan) -> Bool {
        guard let tag = Self.optionalString(tag), tag != expected, tag != "!" else { return true }
        fail(
            "yaml.unknown-tag", "the tag \(ScalarTags.display(tag)) is not supported", span,
            hint: "distlang reads plain YAML data; remove the tag")
        return false
    }

    private func pointerOfTop() -> JSONPointer {
        // Rebuild the path of the innermost container from the frames (only needed for diagnostics).
        var tokens: [String] = []
        for frame in frames[..<max(depth - 1, 0)] {
            if frame.isMapping {
                if let k = frame.pendingKey { tokens.append(k.key) }
            } else {
                tokens.append(String(frame.items.count))
            }
        }
        return JSONPointer(tokens: tokens)
    }

    private mutating func fail(_ code: String, _ message: String, _ span: SourceSpan, hint: String? = nil) {
        diagnostics.append(.error(code, message, at: SourceLocation(file: file, span: span), hint: hint))
    }

    // MARK: C helpers

    static func span(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceSpan {
        SourceSpan(
            start: SourcePosition(line: Int(start.line) + 1, column: Int(start.column) + 1),
            end: SourcePosition(line: Int(end.line) + 1, column: Int(end.column) + 1))
    }

    static func string(_ p: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let p, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: p, count: length), as: UTF8.self)
    }

    static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    static func optionalString(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }
}
