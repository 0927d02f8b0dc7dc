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
    /// Gives each changed or replaced resource its attribute signature (the part of the key that
    /// needs the environment's resources to read references). Added and removed ones need none.
    static func assignSignatures(_ changes: inout [ResourceChange], old: [EmittedResource], new: [EmittedResource]) {
        let changed = changes.indices.filter { changes[$0].kind == .changed || changes[$0].kind == .replaced }
        guard !changed.isEmpty else { return }
        // Only the resources the changed values can name are indexed: a large build has some
        // 200,000, and a one-function edit names a handful.
        var names = Names()
        for i in changed {
            for f in changes[i].attributes { names.collect(f.old); names.collect(f.new) }
        }
        var references: [String: References] = [:]
        for r in [old, new].joined() where names.mentions(r) { references["\(r.target.rawValue) \(r.format)", default: References()].add(r) }
        for i in changed {
            let c = changes[i]
            let r = references["\(c.target.rawValue) \(c.format)"] ?? References()
            changes[i].attributeSignature = c.attributes.map { signature($0, references: r) }.sorted().joined(separator: "\n")
        }
    }

    /// The words in some values that could name a resource: CloudFormation logical IDs and the
    /// leading parts of Terraform addresses.
    private struct Names {
        var words = Set<String>()
        /// Terraform resource name -> the types it is named with (`jobs` -> `cloudflare_queue`).
        var typesByName: [String: Set<String>] = [:]

        mutating func collect(_ v: Value?) {
            switch v {
            case .string(let s)?:
                for token in s.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") }) {
                    let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                    for n in 1...min(3, parts.count) { words.insert(parts.prefix(n).joined(separator: ".")) }
                    if parts.count >= 2 { typesByName[parts[1], default: []].insert(parts[0]) }
                    if parts.count >= 3 { typesByName[parts[2], default: []].insert(parts[0] + "." + parts[1]) }
                }
            case .array(let items)?: items.forEach { collect($0) }
            case .object(let o)?: o.values.forEach { collect($0) }
            default: break
            }
        }

        func mentions(_ r: EmittedResource) -> Bool {
            words.contains(r.logicalName) || (typesByName[r.logicalName]?.contains(r.type) ?? false)
        }
    }

    /// The key of a change; `families` caches `family(_:)` per resource type.
    static func key(_ c: ResourceChange, families: inout [String: String]) -> String {
        var parts = [c.target.rawValue, c.source?.description ?? "", c.kind.rawValue, c.dataFate?.rawValue ?? "", c.hints.joined(separator: "\n")]
        switch c.kind {
        case .added, .removed:
            if let name = c.physicalName {
                parts.append("name " + name)
            } else {
                let family = families[c.type] ?? Self.family(c.type)
                families[c.type] = family
                parts.append("kind " + family)
            }
            parts.append(c.isStateful ? "stateful" : "")
        case .changed, .replaced:
            parts.append(c.attributeSignature)
        }
        return parts.joined(separator: "\u{1}")
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
        /// Logical name or Terraform address -> the resource.
        var byName: [String: EmittedResource] = [:]

        mutating func add(_ r: EmittedResource) {
            byName[r.logicalName] = r
            if r.format == "terraform", !r.logicalName.hasPrefix(r.type + ".") { byName[r.type + "." + r.logicalName] = r }
        }

        /// What `name` points at: the physical name, or the model element and kind.
        func target(_ name: String) -> String? {
            byName[name].map { r in r.physicalName ?? "\(r.source?.description ?? "") \(ComparisonKeys.family(r.type))" }
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
            func target(_ id: String) -> String { "@" + (self.target(id) ?? id) }
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
                if let target = target(parts.prefix(n).joined(separator: ".")) { return "@" + target }
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
