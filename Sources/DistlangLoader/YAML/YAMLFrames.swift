import DistlangCore

/// A container being built while its events arrive (classes, so appends happen in place).
class ContainerFrame {
    let start: SourceSpan
    let anchor: String?
    /// Value count when the container started, to size its anchor for the alias budget.
    let nodeCountAtStart: Int
    var nodes: [SourceNode] = []

    init(start: SourceSpan, anchor: String?, nodeCountAtStart: Int) {
        self.start = start
        self.anchor = anchor
        self.nodeCountAtStart = nodeCountAtStart
    }
}

final class SequenceFrame: ContainerFrame {
    var items: [Value] = []
}

final class MappingFrame: ContainerFrame {
    var object = JSONObject()
    /// The key read and waiting for its value.
    var pendingKey: (key: String, span: SourceSpan, isMerge: Bool)?
    /// Mappings named by `<<` merge keys, in the order they take precedence.
    var mergeSources: [(object: JSONObject, node: SourceNode)] = []
    /// Where the merged keys go: the member count when `<<` appeared.
    var mergeInsertionIndex: Int?
}

/// An anchored value, kept for its aliases.
struct AnchoredValue {
    var value: Value
    var node: SourceNode
    /// How many values it holds (itself included): what one alias to it adds.
    var size: Int
}
