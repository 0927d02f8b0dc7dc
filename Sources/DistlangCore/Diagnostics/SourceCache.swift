import Foundation

/// The text of the files diagnostics point into, so renderers can show the offending line.
/// Files are read on first use; loaders register the text they already hold.
public final class SourceCache: @unchecked Sendable {
    private var lines: [String: [Substring]] = [:]
    /// Registered text not yet split into lines (splitting waits until a line is shown).
    private var texts: [String: String] = [:]
    private let lock = NSLock()

    public init() {}

    /// The largest file read to show its lines: the loaders' input size limit (`LoadOptions`).
    public static let maxFileBytes: Int64 = 64 << 20

    /// Remembers `text` as the content of `file`.
    public func register(file: String, text: String) {
        lock.lock()
        texts[file] = text
        lines[file] = nil
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
