import DistlangCore

/// The text report: the baseline, then per environment its model and access changes and each
/// provider's resource changes; `--summary` gives one line per changed resource instead.
struct TextReport {
    var options: DiffRendering.Options

    func render(_ diff: BuildDiff) -> String {
        var lines: [ReportLine] = []
        if let baseline = diff.baseline { lines += [ReportLine(0, "distlang diff against \(baseline.sentence)", .heading), ReportLine(0, "")] }
        if diff.isEmpty {
            lines.append(ReportLine(0, "no changes"))
        } else {
            lines += codeLines(diff)
            lines += options.summary ? summaryLines(diff) : environmentLines(diff)
            lines.append(ReportLine(0, "summary: \(ChangeLines.counts(diff))"))
        }
        return TextStyle(color: options.color).render(lines)
    }

    private func environmentLines(_ diff: BuildDiff) -> [ReportLine] {
        let changeLines = ChangeLines(width: options.width)
        var lines: [ReportLine] = []
        for env in diff.environments where !env.isEmpty {
            lines.append(ReportLine(0, "\(env.name):\(env.status == .present ? "" : " (environment \(env.status.rawValue))")", .heading))
            for line in ChangeLines.neutral(env) {
                for (i, piece) in ValueText.wrap(line, first: options.width - 2, rest: options.width - 6).enumerated() {
                    lines.append(ReportLine(i == 0 ? 2 : 6, piece))
                }
            }
            for group in ChangeGroups.groups(env.resources, verbose: options.verbose) {
                lines.append(ReportLine(2, group.title + ":"))
                for shown in group.changes { lines += changeLines.lines(shown, indent: 4) }
            }
        }
        return lines
    }

    /// `code:` then each function whose code changed, with its files.
    private func codeLines(_ diff: BuildDiff) -> [ReportLine] {
        guard !diff.code.isEmpty else { return [] }
        var lines = [ReportLine(0, "code:", .heading)]
        for change in diff.code {
            lines.append(ReportLine(2, change.headline))
            if !options.summary {
                lines += change.files.map { ReportLine(4, "\(CodeDiffer.symbol($0.kind)) \($0.path)") }
            }
        }
        return lines
    }

    private func summaryLines(_ diff: BuildDiff) -> [ReportLine] {
        var lines: [ReportLine] = []
        for env in diff.environments where !env.isEmpty {
            for group in ChangeGroups.groups(env.resources, verbose: options.verbose) {
                for shown in group.changes {
                    let c = shown.first
                    lines.append(ReportLine(
                        0, "\(env.name): \(ChangeLines.symbol(c.kind)) \(group.title) \(ChangeLines.headline(shown))",
                        ChangeLines.tone(c.kind), suffix: ChangeLines.label(c)))
                }
            }
        }
        return lines
    }
}
