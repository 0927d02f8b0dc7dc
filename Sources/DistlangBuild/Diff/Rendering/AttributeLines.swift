import DistlangCore

/// A change's attribute changes as an indented tree, `terraform plan` style: keys that lead to
/// one change share a line (`Environment.Variables.JOBS_QUEUE_URL`), list elements are marked
/// `+`/`-`/`~` under their list, and added or removed objects are shown field by field.
///
/// ```
/// Policies[PolicyName=access].PolicyDocument.Statement:
///   ~ [Sid=UploadsReadWriteObjects]
///       Action:
///         + s3:PutObject
///       Sid: UploadsReadObjects -> UploadsReadWriteObjects
/// ```
struct AttributeLines {
    /// Lines are wrapped to this many columns (indentation included).
    var width: Int

    func lines(_ changes: [FieldChange], indent: Int) -> [ReportLine] {
        let root = Node(step: nil)
        for change in changes {
            if change.steps.last == .member {
                root.node(at: change.steps.dropLast()).members.append(change)
            } else {
                root.node(at: change.steps[...]).change = change
            }
        }
        var out: [ReportLine] = []
        render(root, indent: indent, into: &out)
        return out
    }

    private final class Node {
        let step: PathStep?
        var children: [Node] = []
        private var childIndex: [PathStep: Int] = [:]
        var change: FieldChange?
        var members: [FieldChange] = []

        init(step: PathStep?) { self.step = step }

        func node(at steps: ArraySlice<PathStep>) -> Node {
            guard let first = steps.first else { return self }
            if let i = childIndex[first] { return children[i].node(at: steps.dropFirst()) }
            let child = Node(step: first)
            childIndex[first] = children.count
            children.append(child)
            return child.node(at: steps.dropFirst())
        }

        var isLeaf: Bool { children.isEmpty && members.isEmpty }
    }

    private func render(_ node: Node, indent: Int, into out: inout [ReportLine]) {
        for member in node.members {
            let added = member.kind == .added
            out += wrapped(indent, (added ? "+ " : "- ") + ValueText.show(added ? member.new : member.old), added ? .added : .removed)
        }
        for child in node.children {
            // A chain of single children reads as one dotted path.
            var chain = [child], last = child
            while last.change == nil, last.members.isEmpty, last.children.count == 1 {
                last = last.children[0]
                chain.append(last)
            }
            let label = FieldChange.path(chain.compactMap(\.step))
            if let change = last.change, last.isLeaf {
                out += leaf(label, change, isElement: last.step.map(Self.isElement) ?? false, indent: indent)
            } else if last.step.map(Self.isElement) ?? false {
                out.append(ReportLine(indent, "~ " + label, .changed))
                render(last, indent: indent + 4, into: &out)
            } else {
                out.append(ReportLine(indent, label + ":"))
                render(last, indent: indent + 2, into: &out)
            }
        }
    }

    private static func isElement(_ step: PathStep) -> Bool {
        switch step {
        case .element, .index: return true
        case .key, .member: return false
        }
    }

    private func leaf(_ label: String, _ change: FieldChange, isElement: Bool, indent: Int) -> [ReportLine] {
        switch change.kind {
        case .changed:
            let line = "\(label): \(ValueText.show(change.old)) -> \(ValueText.show(change.new))"
            if indent + line.count <= width { return [ReportLine(indent, line, .changed)] }
            return [ReportLine(indent, label + ":", .changed)]
                + wrapped(indent + 2, "- " + ValueText.show(change.old), .removed)
                + wrapped(indent + 2, "+ " + ValueText.show(change.new), .added)
        case .added, .removed:
            let added = change.kind == .added
            let sign = added ? "+ " : "- ", tone: ReportLine.Tone = added ? .added : .removed
            let value = (added ? change.new : change.old) ?? .null
            // An element of a list of objects: its fields one per line, the identity in the label.
            if isElement, case .object(let fields) = value {
                let identity = label.split(separator: "[").last.flatMap { $0.split(separator: "=").first }.map(String.init)
                var out = [ReportLine(indent, sign + label, tone)]
                for key in fields.keys.sorted(by: AttributeDiff.byteOrder) where key != identity {
                    out += wrapped(indent + 4, "\(key): \(ValueText.show(fields[key]))", tone)
                }
                return out
            }
            return wrapped(indent, "\(sign)\(label): \(ValueText.show(value))", tone)
        }
    }

    /// `text` at `indent`, continued on lines four columns deeper when it is too long.
    private func wrapped(_ indent: Int, _ text: String, _ tone: ReportLine.Tone) -> [ReportLine] {
        let pieces = ValueText.wrap(text, first: width - indent, rest: width - indent - 4)
        return pieces.enumerated().map { i, piece in ReportLine(i == 0 ? indent : indent + 4, piece, tone) }
    }
}
