import DistlangCore

/// Renders a `TOMLDocument` as TOML 1.0 text (e.g. a `wrangler.toml`).
///
/// Layout: the header comment, then a blank line; a table's plain keys come before its
/// sections, as TOML requires (a key after a header would belong to that section); `[a.b]` headers use the full dotted path; a table whose
/// body is only sections gets no header of its own; each header follows one blank line; `key =
/// value` with single spaces; arrays and inline tables on one line. Rendering is deterministic.
public struct TOMLRenderer: Sendable {
    public init() {}

    public func render(_ document: TOMLDocument) -> String {
        StageTimings.render {
            var out = ""
            if let comment = document.headerComment {
                for line in CommentText.lines(comment) { out += line + "\n" }
                if !document.root.isEmpty { out += "\n" }
            }
            writeTable(document.root, path: [], isArrayElement: false, into: &out)
            return out
        }
    }

    /// A value on one line, as it follows `key = `.
    public func render(_ value: TOMLValue) -> String { inline(value) }

    private func writeTable(_ table: TOMLTable, path: [String], isArrayElement: Bool, into out: inout String) {
        let plain = table.entries.filter { !Self.isSection($0.1) }
        let sections = table.entries.filter { Self.isSection($0.1) }
        if !path.isEmpty && (isArrayElement || !plain.isEmpty || sections.isEmpty) {
            if !out.isEmpty && !out.hasSuffix("\n\n") { out += "\n" }
            let header = path.map(TOMLEscaper.key).joined(separator: ".")
            out += isArrayElement ? "[[\(header)]]\n" : "[\(header)]\n"
        }
        for (key, value) in plain {
            out += TOMLEscaper.key(key) + " = " + inline(value) + "\n"
        }
        for (key, value) in sections {
            switch value {
            case .table(let child):
                writeTable(child, path: path + [key], isArrayElement: false, into: &out)
            case .arrayOfTables(let elements):
                for element in elements {
                    writeTable(element, path: path + [key], isArrayElement: true, into: &out)
                }
            default:
                break
            }
        }
    }

    /// Whether the value is written as header sections rather than after `key = `.
    private static func isSection(_ value: TOMLValue) -> Bool {
        switch value {
        case .table: return true
        case .arrayOfTables(let elements): return !elements.isEmpty
        default: return false
        }
    }

    private func inline(_ value: TOMLValue) -> String {
        switch value {
        case .string(let text): return TOMLEscaper.basicString(text)
        case .integer(let i): return String(i)
        case .float(let d): return TOMLEscaper.float(d)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .table(let table), .inlineTable(let table): return inlineTable(table)
        case .arrayOfTables(let tables): return "[" + tables.map(inlineTable).joined(separator: ", ") + "]"
        }
    }

    private func inlineTable(_ table: TOMLTable) -> String {
        if table.isEmpty { return "{}" }
        let pairs = table.entries.map { TOMLEscaper.key($0.0) + " = " + inline($0.1) }
        return "{ " + pairs.joined(separator: ", ") + " }"
    }
}
