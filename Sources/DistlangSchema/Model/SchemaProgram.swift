import DistlangCore

/// One compiled schema object (or boolean schema): its keywords in evaluation order.
struct SchemaNode {
    /// Keywords, cheap assertions first and `unevaluated*` last.
    var keywords: [Keyword] = []
    /// The keyword names, parallel to `keywords` (for keyword locations in errors).
    var names: [String] = []
    /// The schema resource the node belongs to (for `$dynamicRef`'s dynamic scope).
    var resource: Int32 = 0
    /// The document holding the node, and its escaped JSON pointer there.
    var document: Int32 = 0
    var pointer: String = ""
    /// The node has `unevaluatedProperties` or `unevaluatedItems`: its siblings must report what they evaluated.
    var hasUnevaluated = false
    /// `true` schema or an object without assertions: nothing to do.
    var isTrivial = false
}

/// A schema resource (a document root or a subschema with `$id`) as the validator needs it.
struct ProgramResource {
    var uri: String
    /// `$dynamicAnchor` names (interned) to the nodes that carry them.
    var dynamicAnchors: [Int32: NodeID] = [:]
}

/// The immutable result of compiling a schema: nodes, resources and the source of each document.
final class SchemaProgram: @unchecked Sendable {
    /// The nodes, in memory the program owns, so the validator reads them in place without copying.
    let nodes: UnsafeMutableBufferPointer<SchemaNode>
    let resources: [ProgramResource]
    let root: NodeID
    /// For each document: its URI and source map (when it came from a file), for schema locations.
    let documents: [(uri: String, sourceMap: SourceMap?, value: Value)]

    init(nodes: [SchemaNode], resources: [ProgramResource], root: NodeID, documents: [(uri: String, sourceMap: SourceMap?, value: Value)]) {
        self.nodes = .allocate(capacity: nodes.count)
        _ = self.nodes.initialize(from: nodes)
        self.resources = resources
        self.root = root
        self.documents = documents
    }

    deinit {
        nodes.deinitialize()
        nodes.deallocate()
    }
}
