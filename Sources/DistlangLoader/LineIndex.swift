import DistlangCore

/// Maps byte offsets and line/column positions over a UTF-8 buffer (only used on error paths).
struct LineIndex {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    /// The line and column (both 1-based, columns in characters) of a byte offset from the start.
    func position(ofByteOffset offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        var i = bytes.startIndex
        let end = min(bytes.startIndex + offset, bytes.endIndex)
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && !(i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A)) {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 && b != 0x0D {
                column += 1
            }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }

    /// The character at a line and column, if there is one.
    func character(at position: SourcePosition) -> Character? {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = SourceCache.splitLines(text)
        guard position.line >= 1, position.line <= lines.count else { return nil }
        let scalars = Array(lines[position.line - 1].unicodeScalars)
        guard position.column >= 1, position.column <= scalars.count else { return nil }
        return Character(scalars[position.column - 1])
    }
}

