import Foundation

/// The text of the files diagnostics point into, so renderers can show the offending line.
/// Files are read on first use; loaders register the text they already hold.
public final class SourceCache: @unchecked Sendable {
    private var lines: [String: [Substring]] = [:]
    /// Registered text not yet split into lines (splitting waits until a line is shown).
    private var texts: [String: String] = [:]
    /// Column indexes of long lines, made the first time an excerpt of one is shown.
    private var columnIndexes: [String: [Int: ColumnIndex]] = [:]
    private let lock = NSLock()

    public init() {}

    /// The largest file read to show its lines: the loaders' input size limit (`LoadOptions`).
    public static let maxFileBytes: Int64 = 64 << 20

    /// Remembers `text` as the content of `file`.
    public func register(file: String, text: String) {
        lock.lock()
        texts[file] = text
        lines[file] = nil
        columnIndexes[file] = nil
        lock.unlock()
    }

    /// Line `number` (1-based) of `file`, without its line break; nil when unknown.
    public func line(_ number: Int, of file: String) -> Substring? {
        lock.lock()
        var fileLines = lines[file]
        let registered = texts[file]
        lock.unlock()
        if fileLines == nil {
            let text: String
            if let registered {
                text = registered
            } else {
                // Only files a loader would accept (a diagnostic about a 3 GB file must not read it).
                let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber
                guard let size, size.int64Value <= Self.maxFileBytes,
                      let data = FileManager.default.contents(atPath: file) else { return nil }
                text = String(decoding: data, as: UTF8.self)
            }
            let loaded = Self.splitLines(text)
            lock.lock()
            lines[file] = loaded
            lock.unlock()
            fileLines = loaded
        }
        guard let fileLines, number >= 1, number <= fileLines.count else { return nil }
        return fileLines[number - 1]
    }

    /// Up to `width` characters of line `number` of `file` around `column` (1-based), for an excerpt.
    ///
    /// A minified JSON spec is one line of megabytes with a diagnostic every few kilobytes, so a
    /// window must not cost the whole line: a long line gets an index of its columns once, and each
    /// window then costs O(width).
    public func window(_ number: Int, of file: String, around column: Int, width: Int) -> LineWindow? {
        guard let line = line(number, of: file) else { return nil }
        if line.utf8.count <= width {
            // Short enough that characters cannot outnumber the width.
            return LineWindow(scalars: Array(line.unicodeScalars), firstColumn: 1, lineLength: line.unicodeScalars.count)
        }
        let index = columnIndex(number, of: file, line)
        let length = index.length
        guard length > width else {
            return LineWindow(scalars: Array(line.unicodeScalars), firstColumn: 1, lineLength: length)
        }
        let start = max(0, min(column - 1 - width / 2, length - width))
        let scalars = line.unicodeScalars
        var i = index.checkpoints[start / ColumnIndex.stride]
        for _ in 0..<(start % ColumnIndex.stride) { i = scalars.index(after: i) }
        var shown: [Unicode.Scalar] = []
        shown.reserveCapacity(width)
        while shown.count < width, i < scalars.endIndex {
            shown.append(scalars[i])
            i = scalars.index(after: i)
        }
        return LineWindow(scalars: shown, firstColumn: start + 1, lineLength: length)
    }

    private func columnIndex(_ number: Int, of file: String, _ line: Substring) -> ColumnIndex {
        if let known = lock.withLock({ columnIndexes[file]?[number] }) { return known }
        let made = ColumnIndex(line)
        lock.withLock { columnIndexes[file, default: [:]][number] = made }
        return made
    }

    /// Splits on LF, CRLF and lone CR (as YAML and the loaders count lines).
    public static func splitLines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        let scalars = text.unicodeScalars
        while i < text.endIndex {
            let c = scalars[i]
            if c == "\n" || c == "\r" {
                result.append(text[start..<i])
                var next = scalars.index(after: i)
                if c == "\r", next < text.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                i = next
            } else {
                i = scalars.index(after: i)
            }
        }
        result.append(text[start..<text.endIndex])
        return result
    }
}

/// A stretch of one source line, as an excerpt shows it.
public struct LineWindow: Sendable {
    /// The characters shown.
    public var scalars: [Unicode.Scalar]
    /// The column of the first of them (1-based).
    public var firstColumn: Int
    /// The whole line's length in characters.
    public var lineLength: Int
}

/// Where every `stride`-th character of a long line starts, and the line's length in characters.
private struct ColumnIndex {
    static let stride = 256
    var checkpoints: [String.Index] = []
    var length = 0

    init(_ line: Substring) {
        var i = line.unicodeScalars.startIndex
        let end = line.unicodeScalars.endIndex
        while i < end {
            if length % Self.stride == 0 { checkpoints.append(i) }
            length += 1
            i = line.unicodeScalars.index(after: i)
        }
        if checkpoints.isEmpty { checkpoints.append(i) }
    }
}
