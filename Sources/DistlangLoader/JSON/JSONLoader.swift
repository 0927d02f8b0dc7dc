import CJansson
import DistlangCore

/// Strict JSON through jansson (duplicate keys, NaN, trailing commas and comments rejected), with
/// positions from a scanner that walks the same bytes in step with jansson's tree.
struct JSONLoader {
    let bytes: ArraySlice<UInt8>
    let file: String
    let options: LoadOptions

    private func parse(flags: Int32, _ error: inout json_error_t) -> UnsafeMutablePointer<json_t>? {
        bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                json_loadb($0, buf.count, Int(flags), &error)
            }
        }
    }

    static func text(of error: json_error_t) -> String {
        withUnsafeBytes(of: error.text) { raw in String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    func load() -> LoadResult {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return LoadResult(diagnostics: [
                .error("input.empty", "the file is empty: it holds no JSON value", at: SourceLocation(file: file, line: 1, column: 1))
            ])
        }
        var error = json_error_t()
        let flags = JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | (options.allowsNULInJSONStrings ? JSON_ALLOW_NUL : 0)
        var root = parse(flags: flags, &error)
        // jansson has no big integers: when asked to keep them, parse again with every number as a
        // double, and take each number back from its text (see `JSONTreeBuilder.integersAsReals`).
        var integersAsReals = false
        if root == nil, options.readsBigIntegersAsNumbers, Self.text(of: error).hasPrefix("too big") {
            integersAsReals = true
            root = parse(flags: flags | JSON_DECODE_INT_AS_REAL, &error)
        }
        guard let root else {
            return LoadResult(diagnostics: [JanssonError.diagnostic(error, bytes: bytes, file: file, options: options)])
        }
        defer { json_decref(root) }
        return bytes.withUnsafeBufferPointer { buf in
            var builder = JSONTreeBuilder(scanner: JSONPositionScanner(buf), file: file, options: options)
            builder.integersAsReals = integersAsReals
            switch builder.build(root) {
            case .success(let (value, node)):
                return LoadResult(documents: [Document(value: value, sourceMap: SourceMap(file: file, root: node))])
            case .failure(let diagnostic):
                return LoadResult(diagnostics: [diagnostic])
            }
        }
    }
}

/// Converts jansson's tree to `Value`s without recursion, reading each value's span from the scanner.
struct JSONTreeBuilder {
    var scanner: JSONPositionScanner
    let file: String
    let options: LoadOptions
    /// jansson parsed every number as a double: integers are read again from their text (64-bit ones
    /// exactly, larger ones as the nearest double).
    var integersAsReals = false

    init(scanner: JSONPositionScanner, file: String, options: LoadOptions) {
        self.scanner = scanner
        self.file = file
        self.options = options
    }

    private final class Frame {
        let json: UnsafeMutablePointer<json_t>
        let start: SourcePosition
        let isObject: Bool
        var index = 0
        var count = 0
        var iterator: UnsafeMutableRawPointer?
        var items: [Value] = []
        var object = JSONObject()
        var nodes: [SourceNode] = []
        var pendingKey: (String, SourceSpan)?

        init(json: UnsafeMutablePointer<json_t>, start: SourcePosition, isObject: Bool) {
            self.json = json
            self.start = start
            self.isObject = isObject
            if isObject {
                iterator = json_object_iter(json)
            } else {
                count = json_array_size(json)
                items.reserveCapacity(count)
                nodes.reserveCapacity(count)
            }
        }
    }

    mutating func build(_ root: UnsafeMutablePointer<json_t>) -> Result<(Value, SourceNode), Diagnostic> {
        var stack: [Frame] = []
        var pending: UnsafeMutablePointer<json_t>? = root
        var result: (Value, SourceNode)?

        func complete(_ value: Value, _ node: SourceNode) {
            guard let parent = stack.last else {
                result = (value, node)
                return
            }
            if parent.isObject {
                let (key, keySpan) = parent.pendingKey!
                var member = node
                member.keySpan = keySpan
                parent.object.appendUnchecked(key, value)
                parent.nodes.append(member)
            } else {
                parent.items.append(value)
                parent.nodes.append(node)
            }
        }

        while true {
            if let json = pending {
                pending = nil
                scanner.skipWhitespace()
                let start = scanner.position
                switch json.pointee.type {
                case JSON_OBJECT, JSON_ARRAY:
                    if stack.count >= options.maxDepth {
                        return .failure(.error(
                            "input.too-deep", "the document nests deeper than the limit of \(options.maxDepth) levels",
                            at: SourceLocation(file: file, span: SourceSpan(start: start, end: start)), hint: "flatten the structure"))
                    }
                    scanner.advance()  // '{' or '['
                    stack.append(Frame(json: json, start: start, isObject: json.pointee.type == JSON_OBJECT))
                default:
                    var value = Self.scalar(json)
                    if case .string(let s) = value, s.utf8.count > options.maxStringBytes {
                        return .failure(.error(
                            "input.string-too-long", "this string is \(s.utf8.count) bytes long, more than the limit of \(options.maxStringBytes)",
                            at: SourceLocation(file: file, span: SourceSpan(start: start, end: start))))
                    }
                    let offset = scanner.offset
                    scanner.skipScalar()
                    if integersAsReals, case .number = value { value = Self.number(scanner.text(from: offset), else: value) }
                    complete(value, SourceNode(span: SourceSpan(start: start, end: scanner.position)))
                }
            }
            // Find the next value to descend into, closing finished containers on the way.
            while pending == nil {
                guard let top = stack.last else { return .success(result!) }
                if top.isObject {
                    if let iterator = top.iterator {
                        scanner.skipWhitespace()
                        if !top.nodes.isEmpty { scanner.advance(); scanner.skipWhitespace() }  // ','
                        let keyStart = scanner.position
                        scanner.skipScalar()
                        let keySpan = SourceSpan(start: keyStart, end: scanner.position)
                        scanner.skipWhitespace()
                        scanner.advance()  // ':'
                        let keyPointer = json_object_iter_key(iterator)!
                        let keyLength = json_object_iter_key_len(iterator)
                        let key = keyPointer.withMemoryRebound(to: UInt8.self, capacity: keyLength) {
                            String(decoding: UnsafeBufferPointer(start: $0, count: keyLength), as: UTF8.self)
                        }
                        top.pendingKey = (key, keySpan)
                        pending = json_object_iter_value(iterator)
                        top.iterator = json_object_iter_next(top.json, iterator)
                        continue
                    }
                } else if top.index < top.count {
                    scanner.skipWhitespace()
                    if top.index > 0 { scanner.advance(); scanner.skipWhitespace() }  // ','
                    pending = json_array_get(top.json, top.index)
                    top.index += 1
                    continue
                }
                scanner.skipWhitespace()
                scanner.advance()  // '}' or ']'
                stack.removeLast()
                let span = SourceSpan(start: top.start, end: scanner.position)
                if top.isObject {
                    complete(.object(top.object), SourceNode(span: span, children: top.nodes, keys: top.object.keys))
                } else {
                    complete(.array(top.items), SourceNode(span: span, children: top.nodes))
                }
            }
        }
    }

    /// A number literal as the loader keeps it: an integer when written as one and within 64 bits.
    private static func number(_ text: String, else parsed: Value) -> Value {
        guard !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let i = Int64(text) else { return parsed }
        return .integer(i)
    }

    private static func scalar(_ json: UnsafeMutablePointer<json_t>) -> Value {
        switch json.pointee.type {
        case JSON_STRING:
            let length = json_string_length(json)
            guard let p = json_string_value(json), length > 0 else { return .string("") }
            return p.withMemoryRebound(to: UInt8.self, capacity: length) {
                .string(String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self))
            }
        case JSON_INTEGER: return .integer(Int64(json_integer_value(json)))
        case JSON_REAL: return .number(json_real_value(json))
        case JSON_TRUE: return .bool(true)
        case JSON_FALSE: return .bool(false)
        default: return .null
        }
    }
}
