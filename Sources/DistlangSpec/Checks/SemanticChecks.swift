import DistlangCore
import DistlangModel

/// The rules the schema alone cannot say (brief §2 and §7), run on one environment.
struct SemanticChecks {
    let environment: String
    let targets: TargetSettings
    let root: SpecNode
    var sink: DiagnosticSink

    mutating func run(functions: [FunctionModel], resources: [ResourceModel]) {
        let byName = Dictionary(resources.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for f in functions {
            checkUses(f, byName)
            checkConsumes(f, byName)
            checkSchedules(f)
            checkCredentials(f)
            checkCodeNames(f, byName)
            checkRuntime(f)
        }
        checkOneConsumerPerQueue(functions)
        checkDuplicateRoutes(functions)
        checkCapabilities(resources)
        checkDeadLetterNames(resources)
        checkReachability(functions)
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

    private mutating func checkSchedules(_ f: FunctionModel) {
        guard targets.aws != nil else { return }
        let node = root["functions"]?[f.name]?["schedule"]
        for (i, schedule) in f.schedules.enumerated() where schedule.restrictsBothDayFields {
            let pointer = node.map { $0.value.arrayValue != nil ? $0.pointer.appending(i) : $0.pointer } ?? functionPointer(f, "schedule")
            sink.error(
                "spec.capability", "the schedule \"\(schedule.expression)\" restricts both day of month and day of week, which cannot be built for aws: EventBridge cron needs one of them to be unrestricted",
                at: pointer, hint: "split it into two schedules, one per day field")
        }
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

    /// Env names, secret names and binding names share one namespace in the Worker's `env` and in
    /// the Lambda environment; a clash would silently hide one of them.
    private mutating func checkCodeNames(_ f: FunctionModel, _ resources: [String: ResourceModel]) {
        // (name, owner, where: the function's section and key) — pointers are only made for a clash.
        var claims: [(name: String, owner: CodeNameOwner, section: String, key: String)] = []
        claims.reserveCapacity(f.uses.count * 2 + f.secrets.count * 2 + f.env.count)
        let aws = targets.aws != nil
        for b in f.uses {
            guard let r = resources[b.resource] else { continue }
            claims.append((r.bindingName, .binding(r.kind, r.name), "uses", b.resource))
            if aws, let suffix = CodeNameOwner.awsVariableSuffix(r.kind) {
                claims.append((r.bindingName + suffix, .awsVariable(r.kind, r.name), "uses", b.resource))
            }
        }
        for (i, s) in f.secrets.enumerated() {
            claims.append((s, .secret, "secrets", String(i)))
            if aws { claims.append((s + "_SECRET_ARN", .secretVariable(s), "secrets", String(i))) }
        }
        for v in f.env { claims.append((v.name, .env, "env", v.name)) }
        var owners = [String: CodeNameOwner](minimumCapacity: claims.count)
        for claim in claims {
            if let other = owners[claim.name] {
                sink.error(
                    "spec.name-clash", "\(claim.name) is both \(other) and \(claim.owner)",
                    at: functionPointer(f, claim.section, claim.key), atKey: true)
            } else {
                owners[claim.name] = claim.owner
            }
        }
    }

    private mutating func checkRuntime(_ f: FunctionModel) {
        guard f.runtime == .nodejs20, targets.aws != nil else { return }
        sink.warning(
            "spec.runtime-deprecated", "nodejs20 (nodejs20.x on AWS Lambda) is past its deprecation date (2026-04-30); new functions cannot be created with it",
            at: functionPointer(f, "runtime"), hint: "use runtime: nodejs22")
    }

    // MARK: capabilities

    private mutating func checkCapabilities(_ resources: [ResourceModel]) {
        guard targets.aws != nil else { return }
        for r in resources where r.kind == .database {
            sink.error(
                "spec.capability", "database \(r.name) cannot be built for aws: AWS has no serverless SQLite (Cloudflare D1 has no AWS equivalent in v1)",
                at: resourcePointer(r.name, "type"),
                hint: "build this app for cloudflare only, or remove the database from the aws environments")
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

    private mutating func checkReachability(_ functions: [FunctionModel]) {
        guard let cf = targets.cloudflare, !cf.workersDev else { return }
        for f in functions where !f.routes.isEmpty && !cf.routes.contains(where: { $0.function == f.name }) {
            sink.warning(
                "spec.unreachable", "function \(f.name) has http routes but cannot be reached on cloudflare: workers_dev is false and no route names it",
                at: functionPointer(f, "http"), hint: "add a route for it under targets.cloudflare.routes, or set workers_dev: true")
        }
    }
}

/// What a name visible to code stands for (described only when two clash).
enum CodeNameOwner: CustomStringConvertible {
    case binding(ResourceKind, String), awsVariable(ResourceKind, String), secret, secretVariable(String), env

    static func awsVariableSuffix(_ kind: ResourceKind) -> String? {
        switch kind {
        case .kv: return "_TABLE"
        case .bucket: return "_BUCKET"
        case .queue: return "_QUEUE_URL"
        case .database: return nil
        }
    }

    var description: String {
        switch self {
        case .binding(let kind, let name): return "the binding of \(kind.rawValue) \(name)"
        case .awsVariable(let kind, let name): return "the AWS variable of \(kind.rawValue) \(name)"
        case .secret: return "a secret"
        case .secretVariable(let s): return "the AWS variable of secret \(s)"
        case .env: return "an env value"
        }
    }
}
