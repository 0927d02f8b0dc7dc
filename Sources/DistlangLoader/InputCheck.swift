import DistlangCore

/// Byte-level checks that come before any parser: size, BOM, UTF-8 validity, NUL and control characters.
/// Both parsers then see well-formed UTF-8, and every such problem gets an exact line and column.
struct InputCheck {
    let bytes: [UInt8]
    let file: String
    let options: LoadOptions
    let format: InputFormat
    /// The bytes after an optional UTF-8 byte order mark.
    private(set) var body: ArraySlice<UInt8> = []

    init(bytes: [UInt8], file: String, options: LoadOptions, format: InputFormat) {
        self.bytes = bytes
        self.file = file
        self.options = options
        self.format = format
    }

    /// The input as text for showing lines of a file that failed the checks (invalid bytes replaced).
    func textForDisplay() -> String { String(decoding: bytes, as: UTF8.self) }

    /// Returns the first problem, or nil when the input is fit to parse.
    mutating func run() -> Diagnostic? {
        if bytes.count > options.maxInputBytes {
            return .error(
                "input.too-large",
                "the file is \(bytes.count) bytes, more than the limit of \(options.maxInputBytes) bytes",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        body = bytes[(hasBOM ? 3 : 0)...]
        return scan()
    }

    /// One pass over the bytes; positions are only worked out for the byte that fails.
    private func scan() -> Diagnostic? {
        body.withUnsafeBufferPointer { buf -> Diagnostic? in
            var p = 0
            let n = buf.count
            while p < n {
                let b = buf[p]
                if b >= 0x20 && b < 0x7F {
                    p += 1
                    continue
                }
                if b < 0x80 {
                    switch b {
                    case 0x0A, 0x0D, 0x09: break
                    case 0x00:
                        return problem("input.nul-byte", "the file contains a NUL byte (U+0000), which is not allowed in text", at: p)
                    default:
                        if format == .yaml {
                            return problem(
                                "input.control-character", "control character \(Self.hex(UInt32(b))) is not allowed in YAML", at: p,
                                hint: "write it as an escape inside a double-quoted string, e.g. \"\\x\(b < 0x10 ? "0" : "")\(String(b, radix: 16))\"")
                        }
                    }
                    p += 1
                    continue
                }
                let length = Self.sequenceLength(buf, p)
                guard length > 0 else {
                    return problem(
                        "input.invalid-utf8",
                        "invalid UTF-8: byte 0x\(String(buf[p], radix: 16, uppercase: true)) at byte offset \(p) is not part of a valid character",
                        at: p, hint: "save the file as UTF-8")
                }
                p += length
            }
            return nil
        }
    }

    private func problem(_ code: String, _ message: String, at offset: Int, hint: String? = nil) -> Diagnostic {
        let position = LineIndex(body).position(ofByteOffset: offset)
        return .error(code, message, at: SourceLocation(file: file, line: position.line, column: position.column), hint: hint)
    }

    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    /// Length of the well-formed UTF-8 sequence at `p` (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or 0.
    private static func sequenceLength(_ buf: UnsafeBufferPointer<UInt8>, _ p: Int) -> Int {
        let b0 = buf[p]
        let n = buf.count
        func cont(_ i: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i < n && buf[i] >= lo && buf[i] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(p + 1) ? 2 : 0
        case 0xE0: return cont(p + 1, 0xA0, 0xBF) && cont(p + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(p + 1) && cont(p + 2) ? 3 : 0
        case 0xED: return cont(p + 1, 0x80, 0x9F) && cont(p + 2) ? 3 : 0
        case 0xF0: return cont(p + 1, 0x90, 0xBF) && cont(p + 2) && cont(p + 3) ? 4 : 0
        case 0xF1...0xF3: return cont(p + 1) && cont(p + 2) && cont(p + 3) ? 4 : 0
        case 0xF4: return cont(p + 1, 0x80, 0x8F) && cont(p + 2) && cont(p + 3) ? 4 : 0
        default: return 0
        }
    }
}
