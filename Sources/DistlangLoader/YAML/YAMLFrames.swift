import DistlangCore

/// A container being built while its events arrive.
///
/// Frames are pooled by depth and their buffers keep their capacity between containers, so building
/// a container allocates only its final, exactly sized arrays.
final class ContainerFrame {
    private(set) var isMapping = false
    private(set) var start = SourceSpan(line: 0, column: 0)
    private(set) var anchor: String?
    /// Value count when the container started, to size its anchor for the alias budget.
    private(set) var nodeCountAtStart = 0

    /// Sequence items, or mapping values (parallel to `keys`).
    var items: [Value] = []
    var keys: [String] = []
    var nodes: [SourceNode] = []
    /// Key positions for duplicate checks once a mapping is too large for a linear scan.
    private var keyIndex: [String: Int] = [:]

    /// The key read and waiting for its value.
    var pendingKey: (key: String, span: SourceSpan, isMerge: Bool)?
    /// Mappings named by `<<` merge keys, in the order they take precedence.
    var mergeSources: [(object: JSONObject, node: SourceNode)] = []
    /// Where the merged keys go: the member count when `<<` appeared.
    var mergeInsertionIndex: Int?

    private static let linearScanLimit = 12

    func reset(isMapping: Bool, start: SourceSpan, anchor: String?, nodeCountAtStart: Int) {
        self.isMapping = isMapping
        self.start = start
        self.anchor = anchor
        self.nodeCountAtStart = nodeCountAtStart
        items.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        if !keyIndex.isEmpty { keyIndex.removeAll(keepingCapacity: true) }
        pendingKey = nil
        mergeSources.removeAll()
        mergeInsertionIndex = nil
    }

    /// Where `key` already is among this mapping's members.
    func position(ofKey key: String) -> Int? {
        if keys.count <= Self.linearScanLimit { return keys.firstIndex(of: key) }
        if keyIndex.isEmpty { for (i, k) in keys.enumerated() { keyIndex[k] = i } }
        return keyIndex[key]
    }

    func appendMember(_ key: String, _ value: Value, _ node: SourceNode) {
        if !keyIndex.isEmpty { keyIndex[key] = keys.count }
        keys.append(key)
        items.append(value)
        nodes.append(node)
    }

    func appendItem(_ value: Value, _ node: SourceNode) {
        items.append(value)
        nodes.append(node)
    }

    /// The finished sequence.
    func makeArray(end: SourcePosition) -> (Value, SourceNode) {
        let node = SourceNode(span: SourceSpan(start: start.start, end: end), children: Array(nodes))
        return (.array(Array(items)), node)
    }

    /// The finished mapping, with merge keys applied.
    func makeObject(end: SourcePosition) -> (Value, SourceNode) {
        let (keys, values, children) = MergeKeys.apply(self)
        let object = JSONObject(uniqueKeys: keys, values: values)
        let node = SourceNode(span: SourceSpan(start: start.start, end: end), children: children, keys: keys)
        return (.object(object), node)
    }
}

/// An anchored value, kept for its aliases.
struct AnchoredValue {
    var value: Value
    var node: SourceNode
    /// How many values it holds (itself included): what one alias to it adds.
    var size: Int
}
