import CLibYAML
import DistlangCore

/// A libyaml event copied into plain values: its kind, span, and the byte ranges of its text in the
/// chunk it belongs to. Copying lets libyaml's own event memory be freed on the thread that parsed it.
struct YAMLEventRecord {
    enum Kind: UInt8 {
        case streamStart, streamEnd, documentStart, documentEnd, alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    /// A byte range in the chunk's text, or none.
    struct TextRef {
        var offset: Int32
        var length: Int32
        static let none = TextRef(offset: -1, length: 0)
        var isNone: Bool { offset < 0 }
    }

    var kind: Kind
    /// Scalars: written in plain style (the only style whose value is resolved to a type).
    var plain: Bool
    var span: SourceSpan
    /// Scalar value, or alias name.
    var value: TextRef
    var anchor: TextRef
    var tag: TextRef
}

/// A run of events and the text they refer to.
final class YAMLEventChunk {
    var records: [YAMLEventRecord] = []
    var text: [UInt8] = []

    init(capacity: Int) {
        records.reserveCapacity(capacity)
        text.reserveCapacity(capacity * 16)
    }

    /// Copies `event` in.
    func append(_ event: inout yaml_event_t) {
        var r = YAMLEventRecord(
            kind: .streamStart, plain: false,
            span: SourceSpan(
                start: SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1),
                end: SourcePosition(line: Int(event.end_mark.line) + 1, column: Int(event.end_mark.column) + 1)),
            value: .none, anchor: .none, tag: .none)
        switch event.type {
        case YAML_STREAM_START_EVENT: r.kind = .streamStart
        case YAML_STREAM_END_EVENT: r.kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: r.kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: r.kind = .documentEnd
        case YAML_ALIAS_EVENT:
            r.kind = .alias
            r.value = copy(event.data.alias.anchor)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            r.kind = .scalar
            r.plain = s.style == YAML_PLAIN_SCALAR_STYLE
            r.value = copy(s.value, length: s.length)
            r.anchor = copy(s.anchor)
            r.tag = copy(s.tag)
        case YAML_SEQUENCE_START_EVENT:
            r.kind = .sequenceStart
            r.anchor = copy(event.data.sequence_start.anchor)
            r.tag = copy(event.data.sequence_start.tag)
        case YAML_SEQUENCE_END_EVENT: r.kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            r.kind = .mappingStart
            r.anchor = copy(event.data.mapping_start.anchor)
            r.tag = copy(event.data.mapping_start.tag)
        case YAML_MAPPING_END_EVENT: r.kind = .mappingEnd
        default: return
        }
        records.append(r)
    }

    private func copy(_ p: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> YAMLEventRecord.TextRef {
        guard let p else { return .none }
        let ref = YAMLEventRecord.TextRef(offset: Int32(clamping: text.count), length: Int32(clamping: length))
        text.append(contentsOf: UnsafeBufferPointer(start: p, count: length))
        return ref
    }

    private func copy(_ p: UnsafeMutablePointer<yaml_char_t>?) -> YAMLEventRecord.TextRef {
        guard let p else { return .none }
        return copy(p, length: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self)))
    }
}
