import DistlangCore

/// Renders an `HCLFile` as canonical Terraform text: what `terraform fmt` leaves unchanged.
///
/// Layout rules (see `docs/rendering.md`): two-space indentation; `=` aligned across each run of
/// consecutive one-line attributes; a blank line between a block and its neighbours (at the top
/// level and inside blocks), except after a comment, which stays attached to what follows; an
/// empty block as `type "label" {}`; a final newline. Rendering is a pure function of the tree.
public struct HCLRenderer: Sendable {
    public init() {}

    /// The file's text.
    public func render(_ file: HCLFile) -> String {
        StageTimings.render {
            var out = ""
            writeBody(file.body, level: 0, into: &out)
            return out
        }
    }

    /// The text of one block, as it would appear at the top level of a file.
    public func render(_ block: HCLBlock) -> String {
        render(HCLFile([.block(block)]))
    }

    /// One expression on its own (as it would follow `name = `), for messages and tests.
    public func render(_ expression: HCLExpression) -> String {
        var out = ""
        expressions.write(Self.attributeValue(expression), at: .value, level: 0, into: &out)
        return out
    }

    private let expressions = HCLExpressionRenderer()

    /// Appends the body's items as whole lines at `level`.
    private func writeBody(_ body: HCLBody, level: Int, into out: inout String) {
        let widths = attributeWidths(body.items)
        var previous: HCLBodyItem?
        for (item, width) in zip(body.items, widths) {
            if let previous, Self.blankLineBetween(previous, item) { out += "\n" }
            switch item {
            case .attribute(let attribute):
                out += HCLExpressionRenderer.indent(level)
                expressions.writeItem(
                    name: attribute.name.name, value: Self.attributeValue(attribute.value), width: width,
                    level: level, into: &out)
                out += "\n"
            case .block(let block):
                writeBlock(block, level: level, into: &out)
            case .comment(let text):
                for line in CommentText.lines(text) {
                    out += HCLExpressionRenderer.indent(level) + line + "\n"
                }
            }
            previous = item
        }
    }

    private func writeBlock(_ block: HCLBlock, level: Int, into out: inout String) {
        out += HCLExpressionRenderer.indent(level) + block.type.name
        for label in block.labels { out += " \"" + label.name + "\"" }
        if block.body.isEmpty {
            out += " {}\n"
            return
        }
        out += " {\n"
        writeBody(block.body, level: level + 1, into: &out)
        out += HCLExpressionRenderer.indent(level) + "}\n"
    }

    /// The alignment width of each item's name; runs of attributes end at any block or comment.
    private func attributeWidths(_ items: [HCLBodyItem]) -> [Int] {
        var widths = Array(repeating: 0, count: items.count)
        var index = 0
        while index < items.count {
            guard case .attribute = items[index] else {
                index += 1
                continue
            }
            var run: [(name: String, value: HCLExpression)] = []
            let start = index
            while index < items.count, case .attribute(let attribute) = items[index] {
                run.append((attribute.name.name, Self.attributeValue(attribute.value)))
                index += 1
            }
            widths.replaceSubrange(start..<index, with: expressions.alignedWidths(run))
        }
        return widths
    }

    private static func blankLineBetween(_ previous: HCLBodyItem, _ next: HCLBodyItem) -> Bool {
        if case .comment = previous { return false }
        if case .block = previous { return true }
        if case .block = next { return true }
        return false
    }

    /// What `terraform fmt` makes of an attribute value: a template that is a single
    /// interpolation (`"${var.x}"`) is unwrapped to the bare expression (on one line), and a
    /// template of literals only is a plain string.
    static func attributeValue(_ value: HCLExpression) -> HCLExpression {
        guard case .template(let allParts) = value else { return value }
        let parts = allParts.filter { $0 != .literal("") }
        if parts.count == 1, case .interpolation(let inner) = parts[0] {
            return singleLine(inner)
        }
        var literal = ""
        for part in parts {
            guard case .literal(let text) = part else { return value }
            literal += text
        }
        return .string(literal)
    }

    /// The expression with every list and object inside it forced onto one line.
    private static func singleLine(_ expression: HCLExpression) -> HCLExpression {
        switch expression {
        case .list(let items, _): return .list(items.map(singleLine), layout: .singleLine)
        case .object(let items, _):
            return .object(items.map { HCLObjectItem($0.key, singleLine($0.value)) }, layout: .singleLine)
        case .call(let name, let arguments): return .call(name, arguments.map(singleLine))
        default: return expression
        }
    }
}
