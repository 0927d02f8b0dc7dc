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
        var outcome: Void? = ()
        reading: while let chunk = source.next() {
            let stop = chunk.text.withUnsafeBufferPointer { text -> Bool in
                for record in chunk.records {
                    if !handle(record, text) { outcome = nil; return true }
                    if record.kind == .streamEnd { return true }
                }
                return false
            }
            if stop { break reading }
        }
        source.finish()
        if outcome != nil, let error = source.error {
            diagnostics.append(error)
            outcome = nil
        }
        if outcome != nil && documents.isEmpty && diagnostics.isEmpty && options.readsEmptyYAMLAsNull {
            let start = SourceSpan(line: 1, column: 1)
            documents.append(Document(value: .null, sourceMap: SourceMap(file: file, root: SourceNode(span: start))))
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
    private mutating func handle(_ event: YAMLEventRecord, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = event.span
        switch event.kind {
        case .documentStart:
            if !documents.isEmpty && !options.allowMultipleDocuments {
                fail(
                    "yaml.multiple-documents", "the file holds more than one YAML document; a spec must be a single document",
                    span, hint: "remove the '---' line and what follows it, or split the file")
                return false
            }
            anchors.removeAll()
            current = nil
            return true
        case .documentEnd:
            if let current {
                documents.append(Document(value: current.value, sourceMap: SourceMap(file: file, root: current.node)))
            }
            return true
        case .scalar:
            return scalar(event, text)
        case .alias:
            return alias(Self.string(event.value, text), span)
        case .sequenceStart, .mappingStart:
            let isMapping = event.kind == .mappingStart
            let expected = isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq"
            guard checkContainerTag(Self.optionalString(event.tag, text), expected: expected, span) else { return false }
            guard checkDepth(span) else { return false }
            push(isMapping: isMapping, span, anchor: Self.optionalString(event.anchor, text))
            return true
        case .sequenceEnd, .mappingEnd:
            depth -= 1
            let frame = frames[depth]
            let (value, node) = frame.isMapping ? frame.makeObject(end: span.end) : frame.makeArray(end: span.end)
            return finish(value, node, anchor: frame.anchor, size: nodeCount - frame.nodeCountAtStart + 1)
        case .streamStart, .streamEnd:
            return true
        }
    }

    private mutating func scalar(_ event: YAMLEventRecord, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = event.span
        if Int(event.value.length) > options.maxStringBytes {
            fail("input.string-too-long", "this string is \(event.value.length) bytes long, more than the limit of \(options.maxStringBytes)", span)
            return false
        }
        let string = Self.string(event.value, text)
        let tag = Self.optionalString(event.tag, text)
        let value: Value
        switch ScalarTags.resolve(text: string, tag: tag, plain: event.plain) {
        case .value(let v):
            value = v
        case .invalid("input.integer-overflow", _, _) where options.readsBigIntegersAsNumbers && ScalarResolver.bigInteger(string) != nil:
            value = ScalarResolver.bigInteger(string)!
        case .invalid(let code, let message, let hint):
            fail(code, message, span, hint: hint)
            return false
        }
        // A plain `<<` in key position is a merge key.
        if let mapping = top, mapping.isMapping, mapping.pendingKey == nil {
            if let anchor = Self.optionalString(event.anchor, text) {
                anchors[anchor] = AnchoredValue(value: value, node: SourceNode(span: span), size: 1)
            }
            return mappingKey(mapping, text: string, value: value, span: span, isMerge: event.plain && tag == nil && string == "<<")
        }
        return finish(value, SourceNode(span: span), anchor: Self.optionalString(event.anchor, text), size: 1)
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

    private mutating func checkContainerTag(_ tag: String?, expected: String, _ span: SourceSpan) -> Bool {
        guard let tag, tag != expected, tag != "!" else { return true }
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

    // MARK: text

    static func string(_ ref: YAMLEventRecord.TextRef, _ text: UnsafeBufferPointer<UInt8>) -> String {
        guard !ref.isNone, ref.length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: text[Int(ref.offset)..<Int(ref.offset + ref.length)]), as: UTF8.self)
    }

    static func optionalString(_ ref: YAMLEventRecord.TextRef, _ text: UnsafeBufferPointer<UInt8>) -> String? {
        ref.isNone ? nil : string(ref, text)
    }
}
