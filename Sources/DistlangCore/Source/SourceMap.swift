/// A 1-based line and column. Columns count Unicode scalars (a tab is one column), as libyaml does.
/// Stored in 32 bits each: a source map holds one span per value, so its size matters on large files.
public struct SourcePosition: Sendable, Hashable, Comparable {
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }
}

/// Where a value is written: from its first character to just past its last.
public struct SourceSpan: Sendable, Hashable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public init(line: Int, column: Int) {
        self.start = SourcePosition(line: line, column: column)
        self.end = self.start
    }
}

/// A span in a named file: what a diagnostic points at.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var span: SourceSpan

    public init(file: String, span: SourceSpan) {
        self.file = file
        self.span = span
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: file, span: SourceSpan(line: line, column: column))
    }

    public var line: Int { span.start.line }
    public var column: Int { span.start.column }

    /// `file:line:col`
    public var description: String { "\(file):\(line):\(column)" }
}

/// The positions of one value and, for containers, of its members: a tree parallel to the `Value`.
public struct SourceNode: Sendable {
    /// Where the value itself is written.
    public var span: SourceSpan
    /// For a member of an object: where its key is written.
    public var keySpan: SourceSpan?
    /// Members of an object (in the order of `keys`) or elements of an array.
    public private(set) var children: [SourceNode]
    /// The member keys of an object, parallel to `children`; empty for arrays and scalars.
    public private(set) var keys: [String]
    /// Key positions for objects too large for a linear search (built once, shared by copies).
    private var index: KeyIndex?

    private static let indexThreshold = 16

    public init(span: SourceSpan, keySpan: SourceSpan? = nil, children: [SourceNode] = [], keys: [String] = []) {
        self.span = span
        self.keySpan = keySpan
        self.children = children
        self.keys = keys
        self.index = keys.count > Self.indexThreshold ? KeyIndex(keys) : nil
    }

    /// The same node with other members (for overlays that add and remove keys).
    public func replacingMembers(children: [SourceNode], keys: [String]) -> SourceNode {
        SourceNode(span: span, keySpan: keySpan, children: children, keys: keys)
    }

    /// The child for one pointer token: an object key, or an array index.
    public func child(_ token: String) -> SourceNode? {
        if !keys.isEmpty {
            guard let i = index?.positions[token] ?? (index == nil ? keys.lastIndex(of: token) : nil) else { return nil }
            return children[i]
        }
        guard let i = Int(token), i >= 0, i < children.count else { return nil }
        return children[i]
    }

    /// The node at `pointer`, or nil when the pointer leaves the tree.
    public func node(at pointer: JSONPointer) -> SourceNode? {
        var node = self
        for t in pointer.tokens {
            guard let next = node.child(t) else { return nil }
            node = next
        }
        return node
    }

    /// The deepest node on the way to `pointer` (the pointer itself when it exists).
    public func nearestNode(to pointer: JSONPointer) -> SourceNode {
        var node = self
        for t in pointer.tokens {
            guard let next = node.child(t) else { break }
            node = next
        }
        return node
    }
}

/// Key -> position of the last member with that key (YAML/JSON loaders reject duplicates anyway).
final class KeyIndex: Sendable {
    let positions: [String: Int]

    init(_ keys: [String]) {
        var p = [String: Int](minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() { p[k] = i }
        positions = p
    }
}

/// Maps every value of a loaded document to its place in the file.
public struct SourceMap: Sendable {
    /// The path of the file as the user named it (used in every diagnostic).
    public var file: String
    public var root: SourceNode

    public init(file: String, root: SourceNode) {
        self.file = file
        self.root = root
    }

    /// The location of the value at `pointer`; for a pointer that does not exist (a missing key),
    /// the location of its nearest existing ancestor.
    public func location(of pointer: JSONPointer) -> SourceLocation {
        SourceLocation(file: file, span: root.nearestNode(to: pointer).span)
    }

    /// The location of the key of the member at `pointer` (or of the value when there is no key).
    public func keyLocation(of pointer: JSONPointer) -> SourceLocation {
        let node = root.nearestNode(to: pointer)
        return SourceLocation(file: file, span: node.keySpan ?? node.span)
    }

    /// True when the pointer names a value that exists in the document.
    public func contains(_ pointer: JSONPointer) -> Bool { root.node(at: pointer) != nil }
}

/// A loaded document: its value and where each part of it is written.
public struct Document: Sendable {
    public var value: Value
    public var sourceMap: SourceMap

    public init(value: Value, sourceMap: SourceMap) {
        self.value = value
        self.sourceMap = sourceMap
    }

    public var file: String { sourceMap.file }
}
