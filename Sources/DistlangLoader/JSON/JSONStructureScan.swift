import DistlangCore

/// A tolerant pass over JSON text that failed to parse, to find what jansson does not report:
/// the first occurrence of a duplicate key, the opening of an unclosed bracket or string,
/// the bracket that goes past the depth limit, and the comma before a closing bracket.
struct JSONStructureScan {
    let bytes: ArraySlice<UInt8>
    let maxDepth: Int

    init(_ bytes: ArraySlice<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private struct Container {
        let offset: Int
        let isObject: Bool
        var keys: [String: Int] = [:]
        var index = 0
        var expectKey: Bool
        var currentKey: String?
    }

    enum Event {
        case duplicate(key: String, first: Int, second: Int, pointer: JSONPointer)
        case tooDeep(Int)
    }

    /// Byte offsets (from the start of `bytes`) of the duplicate's two keys, and the pointer of the second.
    func firstDuplicateKey() -> (key: String, first: Int, second: Int, pointer: JSONPointer)? {
        if case .duplicate(let k, let f, let s, let p)? = walk(stopOnDuplicate: true) { return (k, f, s, p) }
        return nil
    }

    func firstTooDeep() -> Int? {
        if case .tooDeep(let offset)? = walk(stopOnDuplicate: false) { return offset }
        return nil
    }

    /// The innermost construct still open at the end of the text.
    func unclosed() -> (offset: Int, character: Character, isString: Bool)? {
        var stack: [(Int, Character)] = []
        var stringStart: Int?
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if stringStart != nil {
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { stringStart = nil }
            } else {
                switch b {
                case UInt8(ascii: "\""): stringStart = i - bytes.startIndex
                case UInt8(ascii: "["), UInt8(ascii: "{"): stack.append((i - bytes.startIndex, Character(UnicodeScalar(b))))
                case UInt8(ascii: "]"), UInt8(ascii: "}"): if !stack.isEmpty { stack.removeLast() }
                default: break
                }
            }
            i += 1
        }
        if let s = stringStart { return (s, "\"", true) }
        return stack.last.map { ($0.0, $0.1, false) }
    }

    /// The offset of a ',' directly before `offset` (only whitespace between), if any.
    func commaBefore(_ offset: Int) -> Int? {
        var i = bytes.startIndex + offset - 1
        while i >= bytes.startIndex {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i -= 1
            case UInt8(ascii: ","): return i - bytes.startIndex
            default: return nil
            }
        }
        return nil
    }

    private func walk(stopOnDuplicate: Bool) -> Event? {
        var stack: [Container] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                let start = i
                let (string, next) = readString(from: i)
                i = next
                if var top = stack.last, top.isObject, top.expectKey {
                    if let first = top.keys[string] {
                        let pointer = JSONPointer(tokens: stack.dropLast().compactMap { $0.isObject ? $0.currentKey : String($0.index) } + [string])
                        return .duplicate(key: string, first: first - bytes.startIndex, second: start - bytes.startIndex, pointer: pointer)
                    }
                    top.keys[string] = start
                    top.currentKey = string
                    top.expectKey = false
                    stack[stack.count - 1] = top
                }
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if stack.count >= maxDepth { return .tooDeep(i - bytes.startIndex) }
                stack.append(Container(offset: i, isObject: b == UInt8(ascii: "{"), expectKey: b == UInt8(ascii: "{")))
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                if !stack.isEmpty {
                    stack[stack.count - 1].index += 1
                    if stack[stack.count - 1].isObject { stack[stack.count - 1].expectKey = true }
                }
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// Decodes the string starting at the quote at `start`; returns it and the offset after the closing quote.
    private func readString(from start: Int) -> (String, Int) {
        var raw: [UInt8] = []
        var i = start + 1
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { return (Self.unescape(raw), i + 1) }
            if b == UInt8(ascii: "\\"), i + 1 < bytes.endIndex {
                raw.append(b)
                raw.append(bytes[i + 1])
                i += 2
                continue
            }
            raw.append(b)
            i += 1
        }
        return (Self.unescape(raw), i)
    }

    private static func unescape(_ raw: [UInt8]) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        let text = Array(String(decoding: raw, as: UTF8.self).unicodeScalars)
        var i = 0
        var pendingHigh: UInt32?
        while i < text.count {
            let c = text[i]
            guard c == "\\", i + 1 < text.count else { scalars.append(c); i += 1; continue }
            let e = text[i + 1]
            i += 2
            switch e {
            case "n": scalars.append("\n")
            case "t": scalars.append("\t")
            case "r": scalars.append("\r")
            case "b": scalars.append("\u{08}")
            case "f": scalars.append("\u{0C}")
            case "u":
                let hex = String(String.UnicodeScalarView(text[i..<min(i + 4, text.count)]))
                i += 4
                guard let v = UInt32(hex, radix: 16) else { continue }
                if (0xD800...0xDBFF).contains(v) { pendingHigh = v; continue }
                if (0xDC00...0xDFFF).contains(v), let high = pendingHigh {
                    pendingHigh = nil
                    if let s = UnicodeScalar(0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)) { scalars.append(s) }
                    continue
                }
                if let s = UnicodeScalar(v) { scalars.append(s) }
            default: scalars.append(e)
            }
        }
        return String(scalars)
    }
}
