import DistlangCore
import DistlangModel

/// The lines shared by the text and markdown reports: an environment's model and access changes,
/// and each shown resource change (headline, data-loss label, hints, attribute tree).
struct ChangeLines {
    var width: Int

    // MARK: model and access

    /// The provider-neutral lines of an environment, before its resources: model changes, then
    /// access changes. (A later kind, such as `function api: code changed (3 files)`, goes here.)
    static func neutral(_ env: EnvironmentDiff, words: Bool = false) -> [String] {
        model(env, words: words) + access(env)
    }

    /// `words`: "added function x" instead of "+ function x" (markdown lists start with "-").
    static func model(_ env: EnvironmentDiff, words: Bool = false) -> [String] {
        env.model.map { m in
            switch m.kind {
            case .added: return (words ? "added " : "+ ") + m.element.description
            case .removed: return (words ? "removed " : "- ") + m.element.description
            case .renamed: return "renamed \(m.element.kind.rawValue) \(m.oldName ?? "?") -> \(m.element.name)"
            case .changed:
                let isTargets = m.element.name == "targets"
                return "\(isTargets ? "targets" : m.element.description): " + m.fields.map { f in
                    let path = isTargets ? String(f.path.dropFirst("targets.".count)) : f.path
                    switch (f.kind, f.steps.last) {
                    case (.added, .member?): return "\(path) + \(ValueText.show(f.new))"
                    case (.removed, .member?): return "\(path) - \(ValueText.show(f.old))"
                    default: return "\(path) \(ValueText.show(f.old)) -> \(ValueText.show(f.new))"
                    }
                }.joined(separator: ", ")
            }
        }
    }

    static func access(_ env: EnvironmentDiff) -> [String] {
        env.access.map { a in
            var parts: [String] = []
            for (sign, words, actions) in [("+", a.added, a.actionsAdded), ("-", a.removed, a.actionsRemoved)] where !words.isEmpty {
                parts.append("\(sign) \(words.joined(separator: ", ")) on \(a.resourceKind) \(a.resource)"
                    + (actions.isEmpty ? "" : " (\(actions.joined(separator: ", ")))"))
            }
            return "\(a.function): " + parts.joined(separator: "; ")
        }
    }

    // MARK: resources

    /// A change's headline, label, hints and (for a changed or replaced resource) its attributes.
    func lines(_ shown: ShownChange, indent: Int) -> [ReportLine] {
        let c = shown.first
        var out = [ReportLine(indent, "\(Self.symbol(c.kind)) \(Self.headline(shown))", Self.tone(c.kind), suffix: Self.label(c))]
        for hint in c.hints {
            out += ValueText.wrapProse("hint: " + hint, first: width - indent - 4, rest: width - indent - 10).enumerated().map { i, piece in
                ReportLine(indent + (i == 0 ? 4 : 10), piece)
            }
        }
        if c.kind == .changed || c.kind == .replaced {
            out += AttributeLines(width: width).lines(shown.detailed.attributes, indent: indent + 4)
        }
        return out
    }

    /// `+ AWS::Lambda::Function ApiFunction, aws_lambda_function api (shop-production-api)`, without the sign.
    static func headline(_ shown: ShownChange) -> String {
        let c = shown.first
        var s = shown.members.map(name).joined(separator: ", ")
        if let old = c.oldPhysicalName, let new = c.physicalName, old != new {
            s += " (\(old) -> \(new))"
        } else if let p = c.physicalName ?? c.oldPhysicalName {
            s += " (\(p))"
        }
        if c.kind == .replaced && c.dataFate == nil { s += ": replaced (\(reasons(c)))" }
        return s
    }

    /// Why a resource is replaced, in words: `renamed, new name, KeySchema`.
    static func reasons(_ c: ResourceChange) -> String {
        c.replacedBecause.map { $0 == "logical name" ? "renamed" : $0 == "physical name" ? "new name" : $0 }.joined(separator: ", ")
    }

    /// `type name`, the name once for Terraform addresses (`aws_iam_role.api` is `aws_iam_role api`).
    private static func name(_ r: ResourceChange) -> String {
        func short(_ n: String) -> String { n.hasPrefix(r.type + ".") ? String(n.dropFirst(r.type.count + 1)) : n }
        return "\(r.type) \(r.oldLogicalName.map { "\(short($0)) -> " } ?? "")\(short(r.logicalName))"
    }

    static func label(_ c: ResourceChange) -> (text: String, tone: ReportLine.Tone)? {
        switch c.dataFate {
        case .deleted?: return ("   DATA LOSS (deleted)", .dataLoss)
        case .replaced?: return ("   DATA LOSS (replaced: \(reasons(c)))", .dataLoss)
        case .orphaned?: return ("   orphaned (retained with its data)", .orphaned)
        case nil: return nil
        }
    }

    static func symbol(_ k: ResourceChange.Kind) -> String {
        switch k {
        case .added: return "+"
        case .changed: return "~"
        case .replaced: return "-/+"
        case .removed: return "-"
        }
    }

    static func tone(_ k: ResourceChange.Kind) -> ReportLine.Tone {
        switch k {
        case .added: return .added
        case .changed, .replaced: return .changed
        case .removed: return .removed
        }
    }

    /// `+a ~c -r (d data loss)`: added, changed or replaced, removed; orphaned when there are some.
    static func counts(_ diff: BuildDiff) -> String {
        let c = diff.counts
        return "+\(c.added) ~\(c.changed + c.replaced) -\(c.removed) (\(c.dataLoss) data loss\(c.orphaned > 0 ? ", \(c.orphaned) orphaned" : ""))"
    }
}
