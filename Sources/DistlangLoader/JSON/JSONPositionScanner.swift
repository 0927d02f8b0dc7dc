import DistlangCore

/// Walks JSON text that jansson has already accepted, tracking line and column (in characters).
/// It only skips: whitespace, one scalar token, one structural character.
struct JSONPositionScanner {
    private let buf: UnsafeBufferPointer<UInt8>
    private var p = 0
    private var line = 1
    private var column = 1

    init(_ buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    var position: SourcePosition { SourcePosition(line: line, column: column) }
    /// The byte offset reached.
    var offset: Int { p }

    /// The bytes from `start` to the offset reached.
    func text(from start: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: buf[start..<p]), as: UTF8.self) }

    mutating func skipWhitespace() {
        while p < buf.count {
            switch buf[p] {
            case 0x20, 0x09: column += 1
            case 0x0A: line += 1; column = 1
            case 0x0D:
                if p + 1 < buf.count, buf[p + 1] == 0x0A { p += 1 }
                line += 1; column = 1
            default: return
            }
            p += 1
        }
    }

    /// Skips one structural character (`{ } [ ] , :`).
    mutating func advance() {
        p += 1
        column += 1
    }

    /// Skips a string, number or literal.
    mutating func skipScalar() {
        guard p < buf.count else { return }
        if buf[p] == UInt8(ascii: "\"") {
            p += 1
            column += 1
            while p < buf.count {
                let b = buf[p]
                if b == UInt8(ascii: "\"") { p += 1; column += 1; return }
                if b == UInt8(ascii: "\\") {
                    p += 2
                    column += 2
                    continue
                }
                if b & 0xC0 != 0x80 { column += 1 }
                p += 1
            }
            return
        }
        while p < buf.count {
            switch buf[p] {
            case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"),
                0x20, 0x09, 0x0A, 0x0D:
                return
            default:
                p += 1
                column += 1
            }
        }
    }
}
