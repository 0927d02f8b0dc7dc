import DistlangCore
import DistlangModel

/// The rules the schema alone cannot say (brief §2), run on one environment. What a target cannot
/// build (brief §7) is that target's `TargetChecker`'s to say.
struct SemanticChecks {
    let environment: String
    var sink: DiagnosticSink

    mutating func run(functions: [FunctionModel], resources: [ResourceModel]) {
        let byName = Dictionary(resources.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for f in functions {
            checkUses(f, byName)
            checkConsumes(f, byName)
            checkCredentials(f)
            checkCodeNames(f, byName)
        }
        checkOneConsumerPerQueue(functions)
        checkDuplicateRoutes(functions)
        checkDeadLetterNames(resources)
    }

    private func functionPointer(_ f: FunctionModel, _ rest: String...) -> JSONPointer {
        JSONPointer(tokens: ["functions", f.name] + rest)
    }

    private func resourcePointer(_ name: String, _ rest: String...) -> JSONPointer {
        JSONPointer(tokens: ["resources", name] + rest)
    }

    // MARK: references

    private mutating func checkUses(_ f: FunctionModel, _ resources: [String: ResourceModel]) {
        for binding in f.uses {
            let pointer = functionPointer(f, "uses", binding.resource)
            guard let r = resources[binding.resource] else {
                sink.error(
                    "spec.unknown-resource", "no resource named \"\(binding.resource)\"", at: pointer, atKey: true,
                    hint: Suggestions.hint(binding.resource, among: Array(resources.keys)))
                continue
            }
            if !r.kind.allowedAccess.contains(binding.access) {
                let allowed = r.kind.allowedAccess.map(\.rawValue).joined(separator: ", ")
                sink.error(
                    "spec.access", "\(binding.access.rawValue) is not an access a \(r.kind.rawValue) allows (\(binding.resource) takes \(allowed))",
                    at: pointer,
                    hint: r.kind == .queue ? "to receive messages from a queue, use `consumes: { queue: \(r.name) }`" : nil)
            }
        }
    }

    private mutating func checkConsumes(_ f: FunctionModel, _ resources: [String: ResourceModel]) {
        guard let c = f.consumes else { return }
        let pointer = functionPointer(f, "consumes", "queue")
        guard let r = resources[c.queue] else {
            sink.error(
                "spec.unknown-resource", "no resource named \"\(c.queue)\"", at: pointer,
                hint: Suggestions.hint(c.queue, among: resources.values.filter { $0.kind == .queue }.map(\.name)))
            return
        }
        if r.kind != .queue {
            sink.error("spec.consumes-kind", "\(c.queue) is a \(r.kind.rawValue), not a queue: only queues can be consumed", at: pointer)
        }
    }

    /// `functions` are in document order, so the first consumer named is the one written first.
    private mutating func checkOneConsumerPerQueue(_ functions: [FunctionModel]) {
        var first: [String: FunctionModel] = [:]
        for f in functions {
            guard let queue = f.consumes?.queue else { continue }
            if let earlier = first[queue] {
                sink.error(
                    "spec.second-consumer", "queue \(queue) already has a consumer (function \(earlier.name)); a queue has at most one",
                    at: functionPointer(f, "consumes", "queue"),
                    notes: [.init("function \(earlier.name) consumes it here", at: sink.location(of: functionPointer(earlier, "consumes", "queue")))])
            } else {
                first[queue] = f
            }
        }
    }

    // MARK: routes and schedules

    private mutating func checkDuplicateRoutes(_ functions: [FunctionModel]) {
        var seen: [String: (FunctionModel, Int)] = [:]
        for f in functions {
            for (i, route) in f.routes.enumerated() {
                let key = route.method.rawValue + " " + Self.routeShape(route.path)
                if let (other, j) = seen[key] {
                    sink.error(
                        "spec.duplicate-route", "\(route) is already handled by function \(other.name)",
                        at: functionPointer(f, "http", String(i)),
                        notes: [.init("declared here", at: sink.location(of: functionPointer(other, "http", String(j))))])
                } else {
                    seen[key] = (f, i)
                }
            }
        }
    }

    /// The path with parameter names erased: `/a/{x}` and `/a/{y}` are the same route.
    static func routeShape(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
    }

    // MARK: names visible to code

    private static let credentialMarkers = ["SECRET", "TOKEN", "PASSWORD"]

    private mutating func checkCredentials(_ f: FunctionModel) {
        for v in f.env {
            let upper = v.name.uppercased()
            if Self.credentialMarkers.contains(where: { upper.containsBytes($0) }) || upper.hasSuffix("_KEY") {
                sink.warning(
                    "spec.credential-in-env", "\(v.name) looks like a credential, but env values are written into the outputs in plain text",
                    at: functionPointer(f, "env", v.name), atKey: true,
                    hint: "declare it under `secrets: [\(v.name)]` and set its value outside the spec")
            }
        }
    }

    /// Env names, secret names and binding names share one namespace, the handler's `env`, on every
    /// platform; a clash would silently hide one of them. Names starting with `DISTLANG_` are the
    /// runtime's. (What a target adds to it, such as AWS's `<NAME>_TABLE` variables, is that target's
    /// checker's concern.)
    /// Names the runtime keeps for itself (`DISTLANG_ENV` selects the environment).
    static let runtimePrefix = "DISTLANG_"

    private mutating func checkCodeNames(_ f: FunctionModel, _ resources: [String: ResourceModel]) {
        // (name, owner, where: the function's section and key) — pointers are only made for a clash.
        var claims: [(name: String, owner: CodeNameOwner, section: String, key: String)] = []
        claims.reserveCapacity(f.uses.count + f.secrets.count + f.env.count)
        for b in f.uses {
            guard let r = resources[b.resource] else { continue }
            claims.append((r.bindingName, .binding(r.kind, r.name), "uses", b.resource))
        }
        for (i, s) in f.secrets.enumerated() { claims.append((s, .secret, "secrets", String(i))) }
        for v in f.env { claims.append((v.name, .env, "env", v.name)) }
        var owners = [String: CodeNameOwner](minimumCapacity: claims.count)
        for claim in claims {
            if claim.name.hasPrefix(Self.runtimePrefix) {
                sink.error(
                    "spec.reserved-name", "\(claim.name) starts with \(Self.runtimePrefix), which the distlang runtime keeps for itself",
                    at: functionPointer(f, claim.section, claim.key), atKey: claim.section != "secrets", hint: "rename it")
                continue
            }
            if let other = owners[claim.name] {
                sink.error(
                    "spec.name-clash", "\(claim.name) is both \(other) and \(claim.owner)",
                    at: functionPointer(f, claim.section, claim.key), atKey: true)
            } else {
                owners[claim.name] = claim.owner
            }
        }
    }

    /// `<queue>-dlq` is the dead-letter queue's name; a resource of that name would collide with it.
    private mutating func checkDeadLetterNames(_ resources: [ResourceModel]) {
        let names = Set(resources.map(\.name))
        for r in resources where r.kind == .queue && r.deadLetter && names.contains(r.name + "-dlq") {
            sink.error(
                "spec.name-clash", "resource \(r.name)-dlq has the name of queue \(r.name)'s dead-letter queue",
                at: resourcePointer(r.name + "-dlq"), atKey: true, hint: "rename it")
        }
    }
}

/// What a name visible to code stands for (described only when two clash).
enum CodeNameOwner: CustomStringConvertible {
    case binding(ResourceKind, String), secret, env

    var description: String {
        switch self {
        case .binding(let kind, let name): return "the binding of \(kind.rawValue) \(name)"
        case .secret: return "a secret"
        case .env: return "an env value"
        }
    }
}
