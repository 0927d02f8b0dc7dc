import DistlangModel

/// What one function's handler sees, merged over every environment the function exists in: the
/// members of its `env`, its routes, the queue it consumes, its crons and the methods its triggers
/// call. A member, route or method that some environments lack is optional (`?`), and a member whose
/// type differs between environments has the union of those types, so only what works in every
/// environment type-checks (a kv that is `read` in one environment and `readwrite` in another allows
/// no `put`).
struct FunctionShape {
    enum Presence: Equatable { case everywhere, somewhere, nowhere }

    struct Member {
        enum Category: Int { case variable, secret, binding }
        var name: String
        var category: Category
        /// What it is, in words: `variable`, `secret`, `kv sessions`.
        var subject: String
        /// Per environment the member is in: its TypeScript type and the access, for a resource.
        var byEnvironment: [(environment: String, type: String, access: String?)] = []
    }

    var name: String
    /// Sorted.
    var environments: [String] = []
    /// Variables, then secrets, then resources, each sorted by name.
    var members: [Member] = []
    /// Route keys in spec order, the first environment's first.
    var routes: [Route] = []
    var queues: [String] = []
    var crons: [String] = []
    private var fetchIn = 0, queueIn = 0, scheduledIn = 0

    init(name: String) { self.name = name }

    /// The shapes of every function of the app, sorted by name, from one model per environment.
    static func all(_ models: [AppModel]) -> [FunctionShape] {
        var shapes: [String: FunctionShape] = [:]
        for model in models.sorted(by: { $0.environment < $1.environment }) {
            for function in model.functions {
                shapes[function.name, default: FunctionShape(name: function.name)].add(function, of: model)
            }
        }
        return shapes.keys.sorted().map { name in
            var shape = shapes[name]!
            shape.members.sort { ($0.category.rawValue, $0.name) < ($1.category.rawValue, $1.name) }
            return shape
        }
    }

    private mutating func add(_ f: FunctionModel, of model: AppModel) {
        let environment = model.environment
        environments.append(environment)
        for variable in f.env { record(variable.name, .variable, "variable", environment, "string") }
        for secret in f.secrets { record(secret, .secret, "secret", environment, "string") }
        for use in f.uses {
            guard let resource = model.resource(named: use.resource) else { continue }
            let type = RuntimeDeclarations.handleType(resource.kind.rawValue, use.access.rawValue)
            record(
                resource.bindingName, .binding, "\(resource.kind.rawValue) \(resource.name)", environment, type,
                access: use.access.rawValue)
        }
        for route in f.routes where !routes.contains(route) { routes.append(route) }
        if let queue = f.consumes?.queue, !queues.contains(queue) { queues.append(queue) }
        for schedule in f.schedules where !crons.contains(schedule.expression) { crons.append(schedule.expression) }
        if !f.routes.isEmpty { fetchIn += 1 }
        if f.consumes != nil { queueIn += 1 }
        if !f.schedules.isEmpty { scheduledIn += 1 }
    }

    private mutating func record(
        _ name: String, _ category: Member.Category, _ subject: String, _ environment: String, _ type: String,
        access: String? = nil
    ) {
        if let i = members.firstIndex(where: { $0.name == name }) {
            members[i].byEnvironment.append((environment, type, access))
        } else {
            members.append(
                Member(name: name, category: category, subject: subject, byEnvironment: [(environment, type, access)]))
        }
    }

    var fetch: Presence { presence(fetchIn) }
    var queue: Presence { presence(queueIn) }
    var scheduled: Presence { presence(scheduledIn) }

    private func presence(_ count: Int) -> Presence {
        count == 0 ? .nowhere : count == environments.count ? .everywhere : .somewhere
    }

    /// Whether the member exists in every environment of the function.
    func isEverywhere(_ member: Member) -> Bool { member.byEnvironment.count == environments.count }
}
