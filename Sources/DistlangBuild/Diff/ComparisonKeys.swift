import DistlangCore
import DistlangModel

/// A format-independent key per resource change, so that the same change in several output
/// formats of one provider (CloudFormation and Terraform write the same AWS plan) can be shown
/// once. Two changes of one environment and provider are the same when their keys are equal:
///
/// - added or removed: the same physical name, or, for resources without one, the same kind of
///   cloud resource (`AWS::Lambda::Permission` is `aws_lambda_permission`), holding data or not;
/// - changed or replaced: the same attribute changes once spellings are set aside: keys compared
///   without case, `_` or a plural `s` (`MemorySize` is `memory_size`, `Action` is `actions`),
///   paths from the innermost list element (`Statement[Sid=Logs]`), and references compared by
///   what they point at (`{"Fn::GetAtt": ["JobsQueue", "Arn"]}` is `aws_sqs_queue.jobs.arn`).
///
/// Both also need the same model element, change kind, data fate and hints.
enum ComparisonKeys {
    static func assign(_ changes: inout [ResourceChange], old: [EmittedResource], new: [EmittedResource]) {
        var references: [String: References] = [:]
        func refs(_ c: ResourceChange) -> References {
            let slot = "\(c.target.rawValue) \(c.format)"
            if let r = references[slot] { return r }
            let made = References(old.filter { $0.target == c.target && $0.format == c.format } + new.filter { $0.target == c.target && $0.format == c.format })
            references[slot] = made
            return made
        }
        for i in changes.indices {
            let c = changes[i]
            var parts = [c.source?.description ?? "", c.kind.rawValue, c.dataFate?.rawValue ?? "", c.hints.joined(separator: "\n")]
            switch c.kind {
            case .added, .removed:
                parts.append(c.physicalName.map { "name " + $0 } ?? "kind " + family(c.type))
                parts.append(c.isStateful ? "stateful" : "")
            case .changed, .replaced:
                let r = refs(c)
                parts.append(c.attributes.map { signature($0, references: r) }.sorted().joined(separator: "\n"))
            }
            changes[i].comparisonKey = parts.joined(separator: "\u{1}")
        }
    }

    /// `AWS::Lambda::Permission` and `aws_lambda_permission` -> `lambdapermission`.
    static func family(_ type: String) -> String {
        var t = type.lowercased().replacingAll("::", "").replacingAll("_", "")
        for prefix in ["aws", "cloudflare"] where t.hasPrefix(prefix) { t.removeFirst(prefix.count) }
        return t
    }

    /// `MemorySize`, `memory_size` -> `memorysize`; `Actions` -> `action`.
    static func key(_ k: String) -> String {
        var s = k.lowercased().replacingAll("_", "")
        if s.count > 3, s.hasSuffix("s") { s.removeLast() }
        return s
    }

    private static func signature(_ f: FieldChange, references: References) -> String {
        var steps = f.steps.filter { if case .index = $0 { return false } else { return true } }
        if let last = steps.lastIndex(where: { if case .element = $0 { return true } else { return false } }) {
            steps = Array(steps[max(0, last - 1)...])
        } else {
            let keys = steps.indices.filter { if case .key = steps[$0] { return true } else { return false } }
            if keys.count > 2 { steps = Array(steps[keys[keys.count - 2]...]) }
        }
        let path = steps.map { step -> String in
            switch step {
            case .key(let k): return key(k)
            case .element(let label):
                let parts = label.split(separator: "=", maxSplits: 1).map(String.init)
                return "[" + (parts.count == 2 ? key(parts[0]) + "=" + parts[1] : label) + "]"
            case .index(let i): return "[\(i)]"
            case .member: return "[]"
            }
        }.joined(separator: ".")
        let writer = JSONWriter(indent: 0, sortKeys: true)
        func text(_ v: Value?) -> String { v.map { writer.string(references.normalised($0)) } ?? "-" }
        return "\(path) \(f.kind.rawValue) \(text(f.old)) \(text(f.new))"
    }

    /// What references in one format's attributes point at: a resource's physical name, or its
    /// model element and kind.
    private struct References {
        var byName: [String: String] = [:]

        init(_ resources: [EmittedResource]) {
            for r in resources {
                let target = r.physicalName ?? "\(r.source?.description ?? "") \(ComparisonKeys.family(r.type))"
                byName[r.logicalName] = target
                if r.format == "terraform" {
                    byName[r.logicalName.hasPrefix(r.type + ".") ? r.logicalName : r.type + "." + r.logicalName] = target
                }
            }
        }

        func normalised(_ v: Value) -> Value {
            switch v {
            case .string(let s): return .string(terraform(s))
            case .array(let items): return .array(items.map(normalised))
            case .object(let o):
                if o.count == 1, let intrinsic = cloudFormation(o.keys[0], o.values[0]) { return .string(intrinsic) }
                return .object(JSONObject(o.entries.map { (ComparisonKeys.key($0), normalised($1)) }))
            default: return v
            }
        }

        /// `Ref`, `Fn::GetAtt`, `Fn::Join` and `Fn::Sub` as the text of what they point at.
        private func cloudFormation(_ function: String, _ argument: Value) -> String? {
            func target(_ id: String) -> String { byName[id].map { "@" + $0 } ?? "@" + id }
            switch (function, argument) {
            case ("Ref", .string(let id)): return target(id)
            case ("Fn::GetAtt", .array(let parts)): return parts.first?.stringValue.map(target)
            case ("Fn::GetAtt", .string(let dotted)): return target(String(dotted.split(separator: ".").first ?? ""))
            case ("Fn::Join", .array(let args)) where args.count == 2:
                guard let separator = args[0].stringValue, case .array(let items) = args[1] else { return nil }
                return items.map { item -> String in
                    if case .string(let s) = normalised(item) { return s }
                    return JSONWriter(indent: 0, sortKeys: true).string(normalised(item))
                }.joined(separator: separator)
            case ("Fn::Sub", .string(let template)):
                return substitutions(template) { target(String($0.split(separator: ".").first ?? "")) }
            default: return nil
            }
        }

        /// An HCL expression's text with each resource address (and the attribute after it) replaced
        /// by what it points at; quotes and `${ }` of a template dropped.
        private func terraform(_ s: String) -> String {
            var text = s
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            text = substitutions(text) { $0 }
            var out = "", token = ""
            func flush() {
                out += resolved(token)
                token = ""
            }
            for ch in text {
                if ch.isLetter || ch.isNumber || ch == "_" || ch == "." || ch == "-" { token.append(ch) } else {
                    flush()
                    out.append(ch)
                }
            }
            flush()
            return out
        }

        private func resolved(_ token: String) -> String {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            for n in [3, 2] where parts.count >= n {
                if let target = byName[parts.prefix(n).joined(separator: ".")] { return "@" + target }
            }
            return token
        }

        /// `${X}` in `template` replaced by `replace(X)`.
        private func substitutions(_ template: String, _ replace: (String) -> String) -> String {
            var out = "", rest = Substring(template)
            while let open = rest.range(of: "${"), let close = rest[open.upperBound...].firstIndex(of: "}") {
                out += rest[..<open.lowerBound] + replace(String(rest[open.upperBound..<close]))
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
    }
}
