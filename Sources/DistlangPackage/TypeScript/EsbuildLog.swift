/// esbuild's messages, read from its log (`--color=false`; esbuild 0.17's command line has no
/// machine-readable log format). Each message is written as:
///
/// ```
/// ✘ [ERROR] Could not resolve "./util"            (▲ [WARNING] text [id] for a warning)
///
///     src/api.ts:2:18:                            (file:line:column, the column 0-based in UTF-8 bytes)
///       2 │ import { x } from "./util";
///         ╵                   ~~~~~~~~
///
///   A note, indented by two spaces.                (notes may have a location of their own)
///
/// ```
///
/// and the log ends with a count (`1 error`).
public struct EsbuildMessage: Sendable, Equatable {
    public enum Severity: Sendable, Equatable { case error, warning }

    /// Where esbuild points: the file as it names it (relative to its working folder), the 1-based
    /// line and the 0-based UTF-8 byte column.
    public struct Location: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var byteColumn: Int
    }

    public struct Note: Sendable, Equatable {
        public var text: String
        public var location: Location?
    }

    public var severity: Severity
    public var text: String
    public var location: Location?
    public var notes: [Note] = []
}

public enum EsbuildLog {
    public static func parse(_ log: String) -> [EsbuildMessage] {
        var messages: [EsbuildMessage] = []
        for raw in log.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(raw)
            if let start = messageStart(line) {
                messages.append(start)
            } else if !messages.isEmpty {
                continueMessage(&messages[messages.count - 1], with: line)
            }
        }
        return messages
    }

    /// `✘ [ERROR] text` or `▲ [WARNING] text [id]` (`X` and `!` where the terminal lacks the symbols).
    private static func messageStart(_ line: String) -> EsbuildMessage? {
        for (marker, severity) in [("[ERROR] ", EsbuildMessage.Severity.error), ("[WARNING] ", .warning)] {
            guard let range = line.range(of: marker), line[..<range.lowerBound].count == 2 else { continue }
            var text = String(line[range.upperBound...])
            if severity == .warning, text.hasSuffix("]"), let open = text.range(of: " [", options: .backwards),
                text[open.upperBound...].dropLast().allSatisfy({ $0.isLetter || $0 == "-" })
            {
                text = String(text[..<open.lowerBound])
            }
            return EsbuildMessage(severity: severity, text: text)
        }
        return nil
    }

    private static func continueMessage(_ message: inout EsbuildMessage, with line: String) {
        if let location = location(line) {
            if message.notes.isEmpty {
                if message.location == nil { message.location = location }
            } else if message.notes[message.notes.count - 1].location == nil {
                message.notes[message.notes.count - 1].location = location
            }
        } else if line.hasPrefix("  "), !line.hasPrefix("   "), line.count > 2 {
            message.notes.append(.init(text: String(line.dropFirst(2)), location: nil))
        }
    }

    /// `    src/api.ts:2:18:` (four spaces, then file:line:column:).
    private static func location(_ line: String) -> EsbuildMessage.Location? {
        guard line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") else { return nil }
        let parts = line.dropFirst(4).dropLast().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3, let column = Int(parts[parts.count - 1]), let number = Int(parts[parts.count - 2])
        else { return nil }
        return .init(file: parts.dropLast(2).joined(separator: ":"), line: number, byteColumn: column)
    }
}
