import CLibYAML
import DistlangCore
import Foundation

/// Where the loader gets libyaml events from.
///
/// Small inputs are parsed on the calling thread. Large ones are parsed on a second thread that hands
/// over events in chunks, so libyaml's scanning and the building of values run on two cores at once.
/// Either way the consumer owns each event it receives and must `yaml_event_delete` it.
final class YAMLEventSource {
    /// Inputs at least this large are parsed on a second thread.
    static let pipelineThreshold = Int.max  // pipelining is being reworked (cross-thread frees were slower)
    private static let chunkSize = 2048
    private static let maxQueuedChunks = 8

    private let bytes: ArraySlice<UInt8>
    /// A copy of the input that libyaml reads from; owned here so its address is stable.
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let file: String
    private let pipelined: Bool

    // Direct mode.
    private var parser = yaml_parser_t()

    // Pipelined mode: guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [[yaml_event_t]] = []
    private var producerDone = false
    private var cancelled = false
    private let producerExited = DispatchSemaphore(value: 0)
    private var current: [yaml_event_t] = []
    private var currentIndex = 0

    /// Set when parsing failed.
    private(set) var error: Diagnostic?

    init(bytes: ArraySlice<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        self.pipelined = bytes.count >= Self.pipelineThreshold
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        if pipelined {
            let thread = Thread { [self] in produce() }
            thread.start()
        } else {
            Self.start(&parser, buffer, count: bytes.count)
        }
    }

    deinit { buffer.deallocate() }

    /// The next event, or nil at the end of the stream or on a parse error (then `error` is set).
    func next(into event: inout yaml_event_t) -> Bool {
        if !pipelined {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                error = YAMLSyntaxError.diagnostic(parser: parser, bytes: bytes, file: file)
                return false
            }
            return true
        }
        if currentIndex == current.count {
            condition.lock()
            while queue.isEmpty && !producerDone { condition.wait() }
            if queue.isEmpty {
                condition.unlock()
                return false
            }
            current = queue.removeFirst()
            currentIndex = 0
            condition.signal()
            condition.unlock()
        }
        event = current[currentIndex]
        currentIndex += 1
        return true
    }

    /// Stops the producer and frees every event not handed out. Call once, when done.
    func finish() {
        guard pipelined else {
            yaml_parser_delete(&parser)
            return
        }
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        producerExited.wait()
        for i in currentIndex..<current.count { yaml_event_delete(&current[i]) }
        for var chunk in queue {
            for i in chunk.indices { yaml_event_delete(&chunk[i]) }
        }
        queue.removeAll()
    }

    private static func start(_ parser: inout yaml_parser_t, _ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int) {
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, buffer.baseAddress!, count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    }

    /// The producer thread: parse, and queue events in chunks until the end, an error or cancellation.
    private func produce() {
        var producerParser = yaml_parser_t()
        Self.start(&producerParser, buffer, count: bytes.count)
        var chunk: [yaml_event_t] = []
        chunk.reserveCapacity(Self.chunkSize)
        var event = yaml_event_t()
        var failure: Diagnostic?
        var ended = false
        while !ended {
            if yaml_parser_parse(&producerParser, &event) == 1 {
                ended = event.type == YAML_STREAM_END_EVENT
                chunk.append(event)
            } else {
                failure = YAMLSyntaxError.diagnostic(parser: producerParser, bytes: bytes, file: file)
                ended = true
            }
            if chunk.count == Self.chunkSize || ended {
                condition.lock()
                while queue.count >= Self.maxQueuedChunks && !cancelled { condition.wait() }
                if cancelled {
                    condition.unlock()
                    for i in chunk.indices { yaml_event_delete(&chunk[i]) }
                    break
                }
                queue.append(chunk)
                if ended {
                    producerDone = true
                    error = failure
                }
                condition.broadcast()
                condition.unlock()
                chunk = []
                chunk.reserveCapacity(Self.chunkSize)
            }
        }
        yaml_parser_delete(&producerParser)
        producerExited.signal()
    }
}
