import DistlangCore
import Foundation

/// The markdown report, for a pull-request comment: the baseline and the counts, then every change
/// that loses data (and every orphaned resource) in full, never collapsed; then per environment
/// the model and access changes as a list and each provider's other changes, collapsed when long.
struct MarkdownReport {
    var options: DiffRendering.Options

    func render(_ diff: BuildDiff) -> String {
        var out = "### distlang diff\n\n"
        if let baseline = diff.baseline { out += "Against \(Self.escape(baseline.sentence)).\n\n" }
        if diff.isEmpty { return out + "No changes.\n" }
        let c = diff.counts
        out += "**\(c.added) added, \(c.changed) changed, \(c.replaced) replaced, \(c.removed) removed**"
        out += c.dataLoss > 0 ? " — :warning: **\(c.dataLoss) with data loss**" : ""
        out += c.orphaned > 0 ? " — \(c.orphaned) orphaned" : ""
        out += "\n\n"
        if options.summary { return out + summaryTable(diff) }
        out += section(diff, title: ":warning: Data loss", count: c.dataLoss, where: \.isDataLoss)
        if !diff.code.isEmpty {
            out += "#### Code\n\n"
            for change in diff.code {
                out += "- \(Self.escape(change.headline)): " + change.files.map { "`\(CodeDiffer.symbol($0.kind)) \(Self.escapeCode($0.path))`" }.joined(separator: ", ") + "\n"
            }
            out += "\n"
        }
        out += section(diff, title: "Orphaned: kept in the cloud with their data, no longer managed", count: c.orphaned) { $0.dataFate == .orphaned }
        for env in diff.environments where !env.isEmpty {
            out += "#### \(env.name)\(env.status == .present ? "" : " (environment \(env.status.rawValue))")\n\n"
            let listed = ChangeLines.neutral(env, words: true)
            if !listed.isEmpty { out += listed.map { "- \(Self.escape($0))\n" }.joined() + "\n" }
            for group in ChangeGroups.groups(env.resources.filter { $0.dataFate == nil }, verbose: options.verbose) {
                let n = group.changes.count
                let title = "\(Self.escape(group.title)): \(n) change\(n == 1 ? "" : "s")"
                let lines = group.changes.flatMap { ChangeLines(width: options.width).lines($0, indent: 0) }
                // A short block is shown as it is; a long one is collapsed.
                if lines.count <= Self.openLines {
                    out += "**\(title)**\n\n" + Self.codeBlock(lines) + "\n"
                } else {
                    out += "<details><summary>\(title)</summary>\n\n" + Self.codeBlock(lines) + "\n</details>\n\n"
                }
            }
        }
        return out
    }

    /// A provider's changes of more lines than this are collapsed.
    static let openLines = 12

    /// The changes `matching` of every environment, in full, grouped as in the text report.
    private func section(_ diff: BuildDiff, title: String, count: Int, where matching: (ResourceChange) -> Bool) -> String {
        guard count > 0 else { return "" }
        var lines: [ReportLine] = []
        for env in diff.environments {
            let changes = env.resources.filter(matching)
            guard !changes.isEmpty else { continue }
            lines.append(ReportLine(0, "\(env.name):"))
            for group in ChangeGroups.groups(changes, verbose: options.verbose) {
                lines.append(ReportLine(2, group.title + ":"))
                for shown in group.changes { lines += ChangeLines(width: options.width).lines(shown, indent: 4) }
            }
        }
        return "#### \(title) (\(count))\n\n" + Self.codeBlock(lines) + "\n"
    }

    private func summaryTable(_ diff: BuildDiff) -> String {
        var out = "| environment | | provider (formats) | resource | |\n|---|---|---|---|---|\n"
        for env in diff.environments where !env.isEmpty {
            for group in ChangeGroups.groups(env.resources, verbose: options.verbose) {
                for shown in group.changes {
                    let label = ChangeLines.label(shown.first)?.text.trimmingCharacters(in: .whitespaces) ?? ""
                    out += "| \(env.name) | \(ChangeLines.symbol(shown.first.kind)) | \(Self.escape(group.title)) | "
                        + "`\(Self.escapeCode(ChangeLines.headline(shown)))` | \(label.isEmpty ? "" : shown.first.isDataLoss ? ":warning: \(label)" : label) |\n"
                }
            }
        }
        return out
    }

    /// Lines in a fenced block, the fence longer than any run of backticks in them.
    static func codeBlock(_ lines: [ReportLine]) -> String {
        let text = TextStyle(color: false).render(lines)
        var longest = 0, run = 0
        for ch in text {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return "\(fence)text\n\(text)\(fence)\n"
    }

    /// Inside a code span only the table separator needs escaping.
    private static func escapeCode(_ s: String) -> String {
        s.replacingAll("`", "'").replacingAll("|", "\\|").replacingAll("\n", " ")
    }

    private static func escape(_ s: String) -> String {
        s.replacingAll("|", "\\|").replacingAll("<", "&lt;").replacingAll(">", "&gt;").replacingAll("\n", " ")
    }
}
