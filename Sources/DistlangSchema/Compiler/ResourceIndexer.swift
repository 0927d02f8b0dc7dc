import DistlangCore

/// Walks one document's schema positions (iteratively) and records its resources (`$id`), anchors
/// (`$anchor`, `$dynamicAnchor`, 2019-09 `$recursiveAnchor`, draft-04 to 07 `$id: "#name"`) and the
/// dialect of each (`$schema`).
struct ResourceIndexer {
    /// The dynamic-anchor name under which a resource records its 2019-09 `$recursiveAnchor: true`
    /// (no `$dynamicAnchor` can be named so: they start with a letter or `_`).
    static let recursiveAnchor = "\u{0}recursive"

    unowned let compiler: SchemaCompiler
    let document: LoadedDocument

    init(compiler: SchemaCompiler, document: LoadedDocument) {
        self.compiler = compiler
        self.document = document
    }

    private struct Item {
        var value: Value
        var pointer: JSONPointer
        var resource: Int32
        var dialect: Dialect
    }

    /// Indexes the document. Its `$schema` picks the dialect unless `honoursSchemaKeyword` is false
    /// (`--draft`); an unknown one (not a standard dialect, not served) is a warning, and the
    /// document is read in `defaultDialect`, as python-jsonschema does. Returns the dialect used.
    @discardableResult
    mutating func run(defaultDialect: Dialect, honoursSchemaKeyword: Bool = true) -> (dialect: Dialect, declared: Bool) {
        let position = SchemaPosition(document: document.id, pointer: .root)
        var dialect = defaultDialect
        var declared = false
        if honoursSchemaKeyword, case .object(let o) = document.value, let s = o["$schema"]?.stringValue {
            if let d = compiler.dialect(forMetaschema: s, at: position) {
                dialect = d
                declared = true
            } else {
                compiler.report(
                    "schema.unknown-metaschema",
                    "unknown $schema \"\(s)\": validating as \(defaultDialect.draft.displayName) (distlang knows drafts 4, 6, 7, 2019-09 and 2020-12, and meta-schemas served with --ref or --ref-dir)",
                    at: position, keyword: "$schema", severity: .warning,
                    hint: "write a standard $schema such as \"\(Draft.draft2020_12.metaschemaURI)\", or choose the draft with --draft")
            }
        }
        let root = compiler.addResource(ResourceRecord(uri: document.uri, document: document.id, pointer: .root, dialect: dialect))
        var stack = [Item(value: document.value, pointer: .root, resource: root, dialect: dialect)]
        while let item = stack.popLast() {
            document.positions[item.pointer.description] = item.resource
            guard case .object(let o) = item.value else { continue }
            var resource = item.resource
            var dialect = item.dialect
            let isRoot = item.pointer.isRoot
            let id = o[dialect.draft.idKeyword]?.stringValue
            if !isRoot, let s = o["$schema"]?.stringValue, id != nil {
                dialect = compiler.dialect(forMetaschema: s, at: SchemaPosition(document: document.id, pointer: item.pointer)) ?? dialect
            }
            let base = URIReference(compiler.resources[Int(resource)].uri)
            if dialect.draft.isLegacy {
                // A `$ref` makes its siblings, `id`/`$id` included, ignored.
                if let id = o[dialect.draft.idKeyword]?.stringValue, o["$ref"] == nil {
                    if id.hasPrefix("#") {
                        let name = String(id.dropFirst())
                        compiler.updateResource(resource) { $0.anchors[name] = $0.anchors[name] ?? item.pointer }
                    } else {
                        let full = base.resolving(id)
                        resource = enter(uri: full.withoutFragment.description, pointer: item.pointer, dialect: dialect, isRoot: isRoot, current: resource)
                        if let f = full.fragment, !f.isEmpty {
                            compiler.updateResource(resource) { $0.anchors[f] = $0.anchors[f] ?? item.pointer }
                        }
                    }
                }
            } else {
                if let id {
                    let uri = base.resolving(id).withoutFragment.description
                    resource = enter(uri: uri, pointer: item.pointer, dialect: dialect, isRoot: isRoot, current: resource)
                }
                if let a = o["$anchor"]?.stringValue {
                    compiler.updateResource(resource) { $0.anchors[a] = $0.anchors[a] ?? item.pointer }
                }
                if dialect.draft == .draft2020_12, let a = o["$dynamicAnchor"]?.stringValue {
                    compiler.updateResource(resource) {
                        $0.anchors[a] = $0.anchors[a] ?? item.pointer
                        $0.dynamicAnchors[a] = $0.dynamicAnchors[a] ?? item.pointer
                    }
                }
                // 2019-09: `$recursiveAnchor: true` counts only at the root of a resource.
                if dialect.draft == .draft2019_09, o["$recursiveAnchor"]?.boolValue == true, isRoot || id != nil {
                    compiler.updateResource(resource) { $0.dynamicAnchors[Self.recursiveAnchor] = item.pointer }
                }
            }
            document.positions[item.pointer.description] = resource
            for (tokens, child) in SubschemaKeywords.children(of: o, draft: dialect.draft).reversed() {
                stack.append(Item(value: child, pointer: JSONPointer(tokens: item.pointer.tokens + tokens), resource: resource, dialect: dialect))
            }
        }
        return (dialect, declared)
    }

    /// Starts a resource at `pointer` (the document root's resource takes the `$id` as an alias).
    private func enter(uri: String, pointer: JSONPointer, dialect: Dialect, isRoot: Bool, current: Int32) -> Int32 {
        if isRoot {
            compiler.alias(uri: uri, to: current)
            compiler.updateResource(current) { $0.uri = uri }
            return current
        }
        return compiler.addResource(ResourceRecord(uri: uri, document: document.id, pointer: pointer, dialect: dialect))
    }
}
