import CLibYAML
import DistlangCore
import Foundation

/// Produces libyaml's events as chunks of `YAMLEventRecord`s.
///
/// Small inputs are parsed on the calling thread, a chunk at a time. Large ones are parsed on a second
/// thread that hands over full chunks, so libyaml's scanning and the building of values run on two
/// cores at once. libyaml's event memory never crosses threads (each event is copied into its chunk and
/// freed where it was made).
final class YAMLEventSource {
    /// Inputs at least this large are parsed on a second thread.
    static let pipelineThreshold = 64 << 10
    private static let chunkSize = 4096
    private static let maxQueuedChunks = 8

    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let count: Int
    private let bytes: ArraySlice<UInt8>
    private let file: String
    private let pipelined: Bool
    private var parser = yaml_parser_t()
    private var parserDone = false

    // Pipelined mode: guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [YAMLEventChunk] = []
    private var producerDone = false
    private var cancelled = false
    private let producerExited = DispatchSemaphore(value: 0)

    /// Set when parsing failed (read after `next()` returned nil).
    private(set) var error: Diagnostic?

    init(bytes: ArraySlice<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        count = bytes.count
        // libyaml reads from a buffer owned here, so its address stays valid on either thread.
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        pipelined = bytes.count >= Self.pipelineThreshold
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, buffer.baseAddress!, count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        if pipelined {
            let thread = Thread { [self] in produce() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit {
        yaml_parser_delete(&parser)
        buffer.deallocate()
    }

    /// The next chunk of events; nil at the end of the stream or after a parse error (see `error`).
    func next() -> YAMLEventChunk? {
        guard pipelined else {
            if parserDone { return nil }
            let chunk = parseChunk()
            return chunk.records.isEmpty && parserDone ? nil : chunk
        }
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !producerDone { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let chunk = queue.removeFirst()
        condition.signal()
        return chunk
    }

    /// Stops the producer (if any) and waits for it. Call once, when done reading.
    func finish() {
        guard pipelined else { return }
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        producerExited.wait()
    }

    /// Parses up to a chunk of events; sets `parserDone` at the end of the stream or on an error.
    private func parseChunk() -> YAMLEventChunk {
        let chunk = YAMLEventChunk(capacity: Self.chunkSize)
        var event = yaml_event_t()
        while chunk.records.count < Self.chunkSize {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                error = YAMLSyntaxError.diagnostic(parser: parser, bytes: bytes, file: file)
                parserDone = true
                break
            }
            let end = event.type == YAML_STREAM_END_EVENT
            chunk.append(&event)
            yaml_event_delete(&event)
            if end {
                parserDone = true
                break
            }
        }
        return chunk
    }

    /// The producer thread: parse chunks and queue them until the end, an error or cancellation.
    private func produce() {
        while !parserDone {
            let chunk = parseChunk()
            condition.lock()
            while queue.count >= Self.maxQueuedChunks && !cancelled { condition.wait() }
            if cancelled {
                condition.unlock()
                break
            }
            queue.append(chunk)
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
        producerExited.signal()
    }
}
