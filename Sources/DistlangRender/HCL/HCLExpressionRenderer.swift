import DistlangCore

/// Writes expressions in the layout `terraform fmt` leaves unchanged.
///
/// An expression is either written on one line (`inline`) or, for lists, objects and a call whose
/// only argument breaks, across lines (`write`). Indentation is two spaces per level; the first
/// line of a value continues the line it starts on.
struct HCLExpressionRenderer {
    /// Where an expression stands; the automatic layout of objects depends on it.
    enum Position {
        /// The value of an attribute or of an object item.
        case value
        /// An item of a multi-line list.
        case listItem
        /// The only argument of a function call (`jsonencode({ ... })` keeps `({` together).
        case soleArgument
    }

    // MARK: One line

    /// The expression on one line; lists and objects inside it are on one line too.
    func inline(_ expression: HCLExpression) -> String {
        switch expression {
        case .string(let text):
            return HCLEscaper.quoted(text)
        case .integer(let value):
            return String(value)
        case .number(let value):
            return Self.number(value)
        case .bool(let value):
            return value ? "true" : "false"
        case .null:
            return "null"
        case .list(let items, _):
            return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .object(let items, _):
            if items.isEmpty { return "{}" }
            let pairs = items.map { HCLEscaper.objectKey($0.key) + " = " + inline($0.value) }
            return "{ " + pairs.joined(separator: ", ") + " }"
        case .traversal(let traversal):
            return Self.traversal(traversal)
        case .call(let name, let arguments):
            return name.name + "(" + arguments.map(inline).joined(separator: ", ") + ")"
        case .template(let parts):
            return template(parts)
        }
    }

    /// A number as HCL reads it back: the shortest round-tripping form; non-finite values have no
    /// HCL literal and become `null`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value.description
    }

    static func traversal(_ traversal: HCLTraversal) -> String {
        var out = traversal.root.name
        for step in traversal.steps {
            switch step {
            case .attribute(let name): out += "." + name.name
            case .index(let index): out += "[" + String(index) + "]"
            case .key(let key): out += "[" + HCLEscaper.quoted(key) + "]"
            case .splat: out += "[*]"
            }
        }
        return out
    }

    /// A quoted template. Adjacent literal parts are joined before escaping, and a literal `$`
    /// right before an interpolation is written as `${"$"}`, because `$${` would read as an
    /// escaped `${`.
    func template(_ parts: [HCLTemplatePart]) -> String {
        var out = "\""
        var pendingLiteral = ""
        func flushLiteral(beforeInterpolation: Bool) {
            var literal = pendingLiteral
            var trailingDollars = 0
            if beforeInterpolation {
                while literal.unicodeScalars.last == "$" {
                    literal.unicodeScalars.removeLast()
                    trailingDollars += 1
                }
            }
            out += HCLEscaper.literal(literal)
            out += String(repeating: "${\"$\"}", count: trailingDollars)
            pendingLiteral = ""
        }
        for part in parts {
            switch part {
            case .literal(let text):
                pendingLiteral += text
            case .interpolation(let expression):
                flushLiteral(beforeInterpolation: true)
                out += "${" + interpolated(expression) + "}"
            }
        }
        flushLiteral(beforeInterpolation: false)
        return out + "\""
    }

    /// The inside of `${...}`, spaced the way `terraform fmt` spaces it.
    private func interpolated(_ expression: HCLExpression) -> String {
        switch expression {
        case .object:
            return " " + inline(expression) + " "
        case .integer(let value) where value < 0:
            return "(" + inline(expression) + ")"
        case .number(let value) where value.sign == .minus && value.isFinite:
            return "(" + inline(expression) + ")"
        default:
            return inline(expression)
        }
    }

    // MARK: Layout

    /// Whether the expression is written across lines when it stands at `position`.
    func breaks(_ expression: HCLExpression, at position: Position) -> Bool {
        switch expression {
        case .list(let items, let layout):
            guard !items.isEmpty else { return false }
            switch layout {
            case .singleLine: return false
            case .multiLine: return true
            case .automatic: return items.contains(where: Self.isNonEmptyContainer)
            }
        case .object(let items, let layout):
            guard !items.isEmpty else { return false }
            switch layout {
            case .singleLine: return false
            case .multiLine: return true
            case .automatic:
                return position != .listItem || items.contains { Self.isNonEmptyContainer($0.value) }
            }
        case .call(_, let arguments):
            return arguments.count == 1 && breaks(arguments[0], at: .soleArgument)
        default:
            return false
        }
    }

    private static func isNonEmptyContainer(_ expression: HCLExpression) -> Bool {
        switch expression {
        case .list(let items, _): return !items.isEmpty
        case .object(let items, _): return !items.isEmpty
        default: return false
        }
    }

    // MARK: Across lines

    /// Appends the expression at `position`, whose first line continues the current line and
    /// whose closing bracket is indented at `level`.
    func write(_ expression: HCLExpression, at position: Position, level: Int, into out: inout String) {
        guard breaks(expression, at: position) else {
            out += inline(expression)
            return
        }
        switch expression {
        case .list(let items, _):
            out += "["
            for item in items {
                out += "\n" + Self.indent(level + 1)
                write(item, at: .listItem, level: level + 1, into: &out)
                out += ","
            }
            out += "\n" + Self.indent(level) + "]"
        case .object(let items, _):
            out += "{"
            writeItems(items.map { (HCLEscaper.objectKey($0.key), $0.value) }, level: level + 1, into: &out)
            out += "\n" + Self.indent(level) + "}"
        case .call(let name, let arguments):
            out += name.name + "("
            write(arguments[0], at: .soleArgument, level: level, into: &out)
            out += ")"
        default:
            out += inline(expression)
        }
    }

    /// Appends `name = value` lines, each on a new line at `level`, with `=` aligned across each
    /// run of consecutive one-line values (a value that breaks ends the run, as in `terraform fmt`).
    func writeItems(_ items: [(name: String, value: HCLExpression)], level: Int, into out: inout String) {
        let widths = alignedWidths(items)
        for (item, width) in zip(items, widths) {
            out += "\n" + Self.indent(level)
            writeItem(name: item.name, value: item.value, width: width, level: level, into: &out)
        }
    }

    /// Appends one `name = value` at the current position, padding the name to `width`.
    func writeItem(name: String, value: HCLExpression, width: Int, level: Int, into out: inout String) {
        out += name
        out += Indentation.spaces(max(0, width - name.utf8.count))
        out += " = "
        write(value, at: .value, level: level, into: &out)
    }

    /// For each item, the width its name is padded to: the longest name of its run of one-line
    /// values, or its own width when its value breaks. Names are ASCII, so width is byte count.
    func alignedWidths(_ items: [(name: String, value: HCLExpression)]) -> [Int] {
        var widths = items.map { $0.name.utf8.count }
        var runStart = 0
        func closeRun(_ end: Int) {
            guard runStart < end else { return }
            let width = widths[runStart..<end].max() ?? 0
            for i in runStart..<end { widths[i] = width }
        }
        for (i, item) in items.enumerated() where breaks(item.value, at: .value) {
            closeRun(i)
            runStart = i + 1
        }
        closeRun(items.count)
        return widths
    }

    static func indent(_ level: Int) -> String { Indentation.spaces(2 * level) }
}
