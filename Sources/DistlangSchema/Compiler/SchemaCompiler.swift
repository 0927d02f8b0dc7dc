import DistlangCore

/// Compiles schema documents into a `SchemaProgram`: loads and indexes documents, resolves every
/// `$ref`/`$dynamicRef` to a node, and compiles each reachable schema position exactly once.
///
/// Compilation is a work list, not recursion, so schema depth never threatens the stack.
final class SchemaCompiler {
    let registry: SchemaRegistry
    let options: SchemaCompileOptions

    private(set) var documents: [LoadedDocument] = []
    private var documentByURI: [String: Int32] = [:]
    private(set) var resources: [ResourceRecord] = []
    private var resourceByURI: [String: Int32] = [:]
    var nodes: [SchemaNode] = []
    private var nodeByLocation: [String: NodeID] = [:]
    private var pending: [(NodeID, Int32, JSONPointer)] = []
    /// Interned `$dynamicAnchor` names used by dynamic references.
    private(set) var anchorNames: [String: Int32] = [:]
    var diagnostics: [Diagnostic] = []

    init(registry: SchemaRegistry, options: SchemaCompileOptions) {
        self.registry = registry
        self.options = options
    }

    // MARK: documents

    /// Adds a document under `uri` and indexes its resources; returns its id.
    /// `honoursSchemaKeyword` false reads the document in `defaultDialect` whatever its `$schema` says.
    @discardableResult
    func addDocument(value: Value, sourceMap: SourceMap?, uri: String, defaultDialect: Dialect, honoursSchemaKeyword: Bool = true) -> Int32 {
        let key = SchemaRegistry.key(uri)
        if let existing = documentByURI[key] { return existing }
        let doc = LoadedDocument(id: Int32(documents.count), uri: key, value: value, sourceMap: sourceMap)
        documents.append(doc)
        documentByURI[key] = doc.id
        var indexer = ResourceIndexer(compiler: self, document: doc)
        let (dialect, declared) = indexer.run(defaultDialect: defaultDialect, honoursSchemaKeyword: honoursSchemaKeyword)
        doc.dialect = dialect
        doc.declaresDialect = declared
        return doc.id
    }

    /// Registers a resource; the first resource with a URI wins.
    func addResource(_ record: ResourceRecord) -> Int32 {
        if let existing = resourceByURI[record.uri] { return existing }
        let id = Int32(resources.count)
        resources.append(record)
        resourceByURI[record.uri] = id
        return id
    }

    func alias(uri: String, to resource: Int32) {
        if resourceByURI[uri] == nil { resourceByURI[uri] = resource }
    }

    func updateResource(_ id: Int32, _ change: (inout ResourceRecord) -> Void) {
        change(&resources[Int(id)])
    }

    /// The resource with this URI, loading it from the registry when needed.
    func resource(forURI uri: String, referrerDialect: Dialect, diagnosticsAt location: SchemaPosition?) -> Int32? {
        if let id = resourceByURI[uri] { return id }
        if documentByURI[uri] != nil { return resourceByURI[uri] }
        switch registry.lookup(uri) {
        case .found(let entry):
            addDocument(value: entry.value, sourceMap: entry.sourceMap, uri: uri, defaultDialect: referrerDialect)
            return resourceByURI[uri]
        case .failed(let problems):
            diagnostics += problems
            report("schema.ref-unreadable", "the schema for \(uri) could not be loaded", at: location)
            return nil
        case .notFound:
            return nil
        }
    }

    // MARK: nodes

    /// The node for the schema at `pointer` in `document`, compiled later if new.
    func node(document: Int32, pointer: JSONPointer) -> NodeID {
        let key = "\(document)#\(pointer)"
        if let id = nodeByLocation[key] { return id }
        let id = NodeID(nodes.count)
        var node = SchemaNode()
        node.document = document
        node.pointer = pointer.description
        node.resource = resourceOf(document: document, pointer: pointer)
        nodes.append(node)
        nodeByLocation[key] = id
        pending.append((id, document, pointer))
        return id
    }

    /// The resource a schema position belongs to: its own, or that of the nearest indexed ancestor.
    func resourceOf(document: Int32, pointer: JSONPointer) -> Int32 {
        let doc = documents[Int(document)]
        var tokens = pointer.tokens
        while true {
            if let r = doc.positions[JSONPointer(tokens: tokens).description] { return r }
            if tokens.isEmpty { return 0 }
            tokens.removeLast()
        }
    }

    /// Compiles every pending node, then the dynamic anchors that dynamic references may jump to.
    func drain() {
        var resolvedAnchorCount = -1
        while !pending.isEmpty || resolvedAnchorCount != dynamicAnchorTargetsNeeded() {
            while let (id, document, pointer) = pending.popLast() {
                let doc = documents[Int(document)]
                guard let value = pointer.resolve(in: doc.value) else { continue }
                var kc = KeywordCompiler(compiler: self, document: document, pointer: pointer, nodeID: id)
                kc.compile(value)
            }
            resolvedAnchorCount = dynamicAnchorTargetsNeeded()
            compileDynamicAnchorTargets()
        }
    }

    private var dynamicTargets: [Int32: [Int32: NodeID]] = [:]

    private func dynamicAnchorTargetsNeeded() -> Int {
        var count = 0
        for (name, _) in anchorNames {
            for r in resources where r.dynamicAnchors[name] != nil { count += 1 }
        }
        return count
    }

    private func compileDynamicAnchorTargets() {
        for (name, nameID) in anchorNames {
            for (i, r) in resources.enumerated() {
                guard let p = r.dynamicAnchors[name] else { continue }
                let n = node(document: r.document, pointer: p)
                dynamicTargets[Int32(i), default: [:]][nameID] = n
            }
        }
    }

    func internAnchor(_ name: String) -> Int32 {
        if let id = anchorNames[name] { return id }
        let id = Int32(anchorNames.count)
        anchorNames[name] = id
        return id
    }

    /// The finished program (call after `drain`).
    func program(root: NodeID) -> SchemaProgram {
        let res = resources.enumerated().map { i, r in
            ProgramResource(uri: r.uri, dynamicAnchors: dynamicTargets[Int32(i)] ?? [:])
        }
        return SchemaProgram(
            nodes: nodes, resources: res, root: root,
            documents: documents.map { ($0.uri, $0.sourceMap, $0.value) })
    }

    // MARK: references

    /// Resolves `reference` written in the schema at `from` to a document position.
    func resolve(_ reference: String, from: SchemaPosition) -> (document: Int32, pointer: JSONPointer)? {
        let record = resources[Int(resourceOf(document: from.document, pointer: from.pointer))]
        let target = URIReference(record.uri).resolving(reference)
        let uri = target.withoutFragment.description
        guard let rid = resource(forURI: uri, referrerDialect: record.dialect, diagnosticsAt: from) else {
            report(
                "schema.unresolved-ref", "cannot resolve the reference \"\(reference)\": no schema is known for \(uri)",
                at: from, hint: "serve it with --ref \(uri)=FILE or --ref-dir PREFIX=DIR")
            return nil
        }
        let r = resources[Int(rid)]
        let fragment = URIReference.percentDecoded(target.fragment ?? "")
        if fragment.isEmpty { return (r.document, r.pointer) }
        if fragment.hasPrefix("/") {
            guard let p = JSONPointer(fragment) else {
                report("schema.unresolved-ref", "\"\(reference)\" has an invalid JSON pointer fragment", at: from)
                return nil
            }
            let full = JSONPointer(tokens: r.pointer.tokens + p.tokens)
            guard let v = full.resolve(in: documents[Int(r.document)].value), SubschemaKeywords.isSchema(v) else {
                report("schema.unresolved-ref", "cannot resolve the reference \"\(reference)\": \(uri) has no schema at \(fragment)", at: from)
                return nil
            }
            return (r.document, full)
        }
        guard let p = r.anchors[fragment] else {
            report("schema.unresolved-ref", "cannot resolve the reference \"\(reference)\": \(uri) has no anchor \"\(fragment)\"", at: from)
            return nil
        }
        return (r.document, p)
    }

    /// The dialect of a resource root whose `$schema` is `uri`: a standard dialect, or a custom
    /// meta-schema's draft with the vocabularies it declares.
    func dialect(forMetaschema uri: String, at position: SchemaPosition?, depth: Int = 0) -> Dialect? {
        if let draft = Draft.forMetaschema(uri) { return .standard(draft) }
        guard depth < 8 else { return nil }
        let key = SchemaRegistry.key(uri)
        let value: Value
        if let d = documentByURI[key] {
            value = documents[Int(d)].value
        } else {
            switch registry.lookup(key) {
            case .found(let entry): value = entry.value
            case .failed(let problems):
                diagnostics += problems
                return nil
            case .notFound:
                return nil
            }
        }
        guard case .object(let o) = value, let parent = o["$schema"]?.stringValue,
            var dialect = self.dialect(forMetaschema: parent, at: position, depth: depth + 1)
        else { return nil }
        if !dialect.draft.isLegacy, case .object(let vocab)? = o["$vocabulary"] {
            var set: Vocabularies = [.core]
            for (name, required) in vocab.entries {
                if let v = Vocabularies.named(name) {
                    set.formUnion(v)
                } else if required.boolValue == true {
                    report(
                        "schema.unknown-vocabulary", "the meta-schema \(key) requires the vocabulary \(name), which distlang does not implement",
                        at: position)
                }
            }
            dialect.vocabularies = set
        }
        return dialect
    }

    // MARK: diagnostics

    func report(
        _ code: String, _ message: String, at position: SchemaPosition?, keyword: String? = nil, severity: Diagnostic.Severity = .error,
        hint: String? = nil
    ) {
        var location: SourceLocation?
        var pointer: JSONPointer?
        if let position {
            let doc = documents[Int(position.document)]
            pointer = position.pointer
            if let keyword { pointer = position.pointer.appending(keyword) }
            location = doc.sourceMap?.location(of: pointer!)
        }
        diagnostics.append(Diagnostic(severity, code: code, message, at: location, pointer: pointer, hint: hint))
    }
}

/// A place in a loaded schema document.
struct SchemaPosition {
    var document: Int32
    var pointer: JSONPointer
}
