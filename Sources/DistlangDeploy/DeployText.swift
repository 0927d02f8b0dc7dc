import DistlangCore

/// How a plan reads on the terminal: each step's summary, then its command as a shell line one can
/// copy (`[dist/cloudflare/wrangler/api] $ printf %s "$STRIPE_KEY" | wrangler secret put …`).
public enum DeployText {
    /// The plan's first line: `shop (staging) -> aws via cloudformation: 3 steps`.
    public static func header(_ plan: DeployPlan) -> String {
        let r = plan.request
        return "deploy \(r.app) (\(r.environment)) to \(r.target) via \(r.via): \(plan.steps.count) step\(plan.steps.count == 1 ? "" : "s")"
    }

    /// `[2/7] create queue …`
    public static func title(_ step: DeployStep, index: Int, of count: Int) -> String {
        "[\(index + 1)/\(count)] \(step.summary)"
    }

    /// The command as a shell line, run in `outDirectory`/its folder.
    public static func commandLine(_ command: DeployCommand, outDirectory: String) -> String {
        let folder = command.directory == "." ? outDirectory : outDirectory + "/" + command.directory
        var words: [String] = []
        for (name, value) in command.environment {
            switch value {
            case .literal(let text): words.append(name + "=" + quoted(text))
            case .variable(let variable): words.append(name + "=\"$" + variable + "\"")
            }
        }
        words.append(command.tool.executable)
        words += command.displayArguments.map(quoted)
        var line = words.joined(separator: " ")
        switch command.input {
        case .variable(let variable)?: line = "printf %s \"$\(variable)\" | " + line
        case .literal?: line = "printf %s '…' | " + line
        case nil: break
        }
        return "[\(folder)] $ " + line
    }

    /// The whole plan, as `--dry-run` prints it.
    public static func plan(_ plan: DeployPlan, outDirectory: String) -> String {
        var out = header(plan) + "\n"
        for (i, step) in plan.steps.enumerated() {
            out += title(step, index: i, of: plan.steps.count) + "\n"
            if let command = step.command {
                out += "  " + commandLine(command, outDirectory: outDirectory) + "\n"
            }
        }
        for remark in plan.remarks { out += "note: \(remark)\n" }
        return out
    }

    /// A word as the shell reads it back unchanged: as it is when it is plain, else in single quotes.
    public static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_./:=@%+,".unicodeScalars.contains($0)
        }
        if plain { return word }
        return "'" + word.replacingAll("'", "'\\''") + "'"
    }

    /// The lines telling the user which ids to add to the spec, as YAML under the environment.
    public static func idsToAdd(_ ids: [(resource: String, id: String)], environment: String, isDefault: Bool) -> String {
        var out = "add these ids to the spec, so that `distlang build` writes them too:\n"
        var indent = ""
        if !isDefault {
            out += "environments:\n  \(environment):\n"
            indent = "    "
        }
        out += "\(indent)targets:\n\(indent)  cloudflare:\n\(indent)    ids:\n"
        for (resource, id) in ids { out += "\(indent)      \(resource): \"\(id)\"\n" }
        return out
    }
}
