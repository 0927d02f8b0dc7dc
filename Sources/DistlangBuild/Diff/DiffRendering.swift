import DistlangCore
import DistlangModel

/// `distlang diff` output: text for terminals, markdown for pull-request comments, JSON for machines
/// (stable, documented in docs/diff.md).
public enum DiffRendering {
    // MARK: text

    public static func text(_ diff: BuildDiff) -> String {
        if diff.isEmpty { return "no changes\n" }
        var out = ""
        for env in diff.environments where !env.isEmpty {
            out += "\(env.name):\(env.status == .present ? "" : " (environment \(env.status.rawValue))")\n"
            for line in modelLines(env) { out += "  \(line)\n" }
            for line in accessLines(env) { out += "  \(line)\n" }
            for group in groups(env) {
                out += "  \(group.title):\n"
                for r in group.changes {
                    out += "    \(symbol(r.kind)) \(headline(r))\(r.isDataLoss ? "   DATA LOSS" : "")\n"
                    for f in r.attributes where r.kind != .added && r.kind != .removed {
                        out += "        \(f.path): \(show(f.old)) -> \(show(f.new))\n"
                    }
                }
            }
        }
        out += "summary: \(summary(diff))\n"
        return out
    }

    /// `+a ~c -r (d data loss)`: added, changed or replaced, removed.
    public static func summary(_ diff: BuildDiff) -> String {
        let c = diff.counts
        return "+\(c.added) ~\(c.changed + c.replaced) -\(c.removed) (\(c.dataLoss) data loss)"
    }

    // MARK: markdown

    public static func markdown(_ diff: BuildDiff) -> String {
        var out = "### distlang diff\n\n"
        if diff.isEmpty { return out + "No changes.\n" }
        let c = diff.counts
        out += "**\(c.added) added, \(c.changed) changed, \(c.replaced) replaced, \(c.removed) removed**"
        out += c.dataLoss > 0 ? " — :warning: **\(c.dataLoss) with data loss**\n\n" : "\n\n"
        for env in diff.environments where !env.isEmpty {
            out += "#### \(env.name)\(env.status == .present ? "" : " (environment \(env.status.rawValue))")\n\n"
            let model = modelLines(env, words: true) + accessLines(env)
            if !model.isEmpty { out += model.map { "- \(escape($0))\n" }.joined() + "\n" }
            for group in groups(env) {
                out += "<details><summary>\(escape(group.title)): \(group.changes.count) change\(group.changes.count == 1 ? "" : "s")</summary>\n\n"
                out += "| | resource | details |\n|---|---|---|\n"
                for r in group.changes {
                    let details = r.kind == .added || r.kind == .removed
                        ? "" : r.attributes.map { "`\(escapeCode($0.path))`: \(escape(show($0.old))) → \(escape(show($0.new)))" }.joined(separator: "<br>")
                    out += "| \(symbol(r.kind))\(r.isDataLoss ? " :warning: data loss" : "") | `\(escapeCode(headline(r)))` | \(details) |\n"
                }
                out += "\n</details>\n\n"
            }
        }
        return out
    }

    // MARK: json

    public static func json(_ diff: BuildDiff) -> String {
        let c = diff.counts
        let envs: [Value] = diff.environments.map { env in
            [
                "name": .string(env.name), "status": .string(env.status.rawValue),
                "model": .array(env.model.map { m in
                    var o: JSONObject = ["element": .string(m.element.description), "change": .string(m.kind.rawValue)]
                    if let old = m.oldName { o["old_name"] = .string(old) }
                    o["fields"] = .array(m.fields.map(value))
                    return .object(o)
                }),
                "access": .array(env.access.map { a in
                    [
                        "function": .string(a.function), "resource": .string(a.resource), "type": .string(a.resourceKind),
                        "added": .array(a.added.map(Value.string)), "removed": .array(a.removed.map(Value.string)),
                        "aws_actions_added": .array(a.actionsAdded.map(Value.string)),
                        "aws_actions_removed": .array(a.actionsRemoved.map(Value.string)),
                    ]
                }),
                "resources": .array(env.resources.map { r in
                    var o: JSONObject = [
                        "change": .string(r.kind.rawValue), "target": .string(r.target.rawValue), "format": .string(r.format),
                        "type": .string(r.type), "logical_name": .string(r.logicalName), "data_loss": .bool(r.isDataLoss),
                    ]
                    if let old = r.oldLogicalName { o["old_logical_name"] = .string(old) }
                    if let p = r.physicalName { o["physical_name"] = .string(p) }
                    if let p = r.oldPhysicalName, p != r.physicalName { o["old_physical_name"] = .string(p) }
                    o["attributes"] = .array(r.attributes.map(value))
                    return .object(o)
                }),
            ]
        }
        let root: Value = [
            "version": 1, "changed": .bool(!diff.isEmpty), "data_loss": .bool(diff.hasDataLoss),
            "summary": [
                "added": .integer(Int64(c.added)), "changed": .integer(Int64(c.changed)), "replaced": .integer(Int64(c.replaced)),
                "removed": .integer(Int64(c.removed)), "data_loss": .integer(Int64(c.dataLoss)),
            ],
            "environments": .array(envs),
        ]
        return JSONWriter(indent: 2).string(root) + "\n"
    }

    // MARK: shared pieces

    private static func value(_ f: FieldChange) -> Value {
        ["path": .string(f.path), "old": f.old ?? .null, "new": f.new ?? .null]
    }

    /// `words`: "added function x" instead of "+ function x" (markdown lists start with "-").
    static func modelLines(_ env: EnvironmentDiff, words: Bool = false) -> [String] {
        env.model.map { m in
            switch m.kind {
            case .added: return (words ? "added " : "+ ") + m.element.description
            case .removed: return (words ? "removed " : "- ") + m.element.description
            case .renamed: return "renamed \(m.element.kind.rawValue) \(m.oldName ?? "?") -> \(m.element.name)"
            case .changed:
                let name = m.element.name == "targets" ? "targets" : m.element.description
                return "\(name): " + m.fields.map { "\(m.element.name == "targets" ? String($0.path.dropFirst("targets.".count)) : $0.path) \(show($0.old)) -> \(show($0.new))" }.joined(separator: ", ")
            }
        }
    }

    static func accessLines(_ env: EnvironmentDiff) -> [String] {
        env.access.map { a in
            var parts: [String] = []
            if !a.added.isEmpty {
                parts.append("+ \(a.added.joined(separator: ", ")) on \(a.resourceKind) \(a.resource)" + (a.actionsAdded.isEmpty ? "" : " (\(a.actionsAdded.joined(separator: ", ")))"))
            }
            if !a.removed.isEmpty {
                parts.append("- \(a.removed.joined(separator: ", ")) on \(a.resourceKind) \(a.resource)" + (a.actionsRemoved.isEmpty ? "" : " (\(a.actionsRemoved.joined(separator: ", ")))"))
            }
            return "\(a.function): " + parts.joined(separator: "; ")
        }
    }

    struct Group {
        var title: String
        var changes: [ResourceChange]
    }

    static func groups(_ env: EnvironmentDiff) -> [Group] {
        var out: [Group] = []
        for r in env.resources {
            let title = "\(r.target.rawValue) (\(r.format))"
            if out.last?.title == title { out[out.count - 1].changes.append(r) } else { out.append(Group(title: title, changes: [r])) }
        }
        return out
    }

    static func symbol(_ k: ResourceChange.Kind) -> String {
        switch k {
        case .added: return "+"
        case .changed: return "~"
        case .replaced: return "-/+"
        case .removed: return "-"
        }
    }

    static func headline(_ r: ResourceChange) -> String {
        // Terraform addresses repeat the type (`aws_iam_role.api`): show the name once.
        func name(_ n: String) -> String { n.hasPrefix(r.type + ".") ? String(n.dropFirst(r.type.count + 1)) : n }
        var s = "\(r.type) \(r.oldLogicalName.map { "\(name($0)) -> " } ?? "")\(name(r.logicalName))"
        if let old = r.oldPhysicalName, let new = r.physicalName, old != new {
            s += " (\(old) -> \(new))"
        } else if let p = r.physicalName {
            s += " (\(p))"
        }
        if r.kind == .replaced { s += ": replaced" }
        return s
    }

    static func show(_ v: Value?) -> String {
        guard let v else { return "(none)" }
        if case .string(let s) = v { return s.count > 80 ? String(s.prefix(77)) + "..." : s }
        let text = JSONWriter(indent: 0).string(v)
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }

    /// Inside a code span only the table separator needs escaping.
    private static func escapeCode(_ s: String) -> String {
        s.replacingAll("`", "'").replacingAll("|", "\\|").replacingAll("\n", " ")
    }

    private static func escape(_ s: String) -> String {
        s.replacingAll("|", "\\|").replacingAll("<", "&lt;").replacingAll(">", "&gt;").replacingAll("\n", " ")
    }
}
