import DistlangCore
import DistlangModel

/// What one function's generated entry tells the runtime, per environment: the names in its `env`,
/// where each binding and secret lives on the platform, its routes, its queue and its schedules.
///
/// Every name is decided by a target's plan (`AWSPlan`, `WorkerPlan`) and only written down here, so
/// nothing in JavaScript derives one. The JSON form is runtime/DESIGN.md's "function table".
public struct FunctionTable: Sendable, Equatable {
    public var app: String
    public var function: String
    /// Sorted by name.
    public var environments: [Environment]

    public init(app: String, function: String, environments: [Environment]) {
        self.app = app
        self.function = function
        self.environments = environments.sorted { $0.name < $1.name }
    }

    public struct Environment: Sendable, Equatable {
        public var name: String
        /// Names of plain variables, sorted.
        public var vars: [String]
        public var secrets: [Secret]
        public var bindings: [Binding]
        /// This function's route keys (`GET /links/{code}`), in spec order.
        public var routes: [String]
        /// Every other function's route keys, for the function that answers unmatched requests
        /// (AWS's `$default` route); nil elsewhere.
        public var fallbackRoutes: [String]?
        /// The spec's name of the queue the function consumes.
        public var consumes: String?
        public var schedules: [Schedule]

        public init(
            name: String, vars: [String] = [], secrets: [Secret] = [], bindings: [Binding] = [], routes: [String] = [],
            fallbackRoutes: [String]? = nil, consumes: String? = nil, schedules: [Schedule] = []
        ) {
            self.name = name
            self.vars = vars
            self.secrets = secrets
            self.bindings = bindings
            self.routes = routes
            self.fallbackRoutes = fallbackRoutes
            self.consumes = consumes
            self.schedules = schedules
        }
    }

    public struct Secret: Sendable, Equatable {
        public var name: String
        /// The platform variable holding where the secret is (AWS: its ARN); nil when the platform
        /// passes the value itself.
        public var variable: String?

        public init(name: String, variable: String? = nil) {
            self.name = name
            self.variable = variable
        }
    }

    public struct Binding: Sendable, Equatable {
        /// The key in the handler's `env` (`SESSIONS`).
        public var name: String
        public var resource: String
        public var kind: ResourceKind
        public var access: Access
        /// The platform variable naming the resource (AWS: table, bucket or queue URL); nil when the
        /// platform binds it by `name`.
        public var variable: String?

        public init(name: String, resource: String, kind: ResourceKind, access: Access, variable: String? = nil) {
            self.name = name
            self.resource = resource
            self.kind = kind
            self.access = access
            self.variable = variable
        }
    }

    public struct Schedule: Sendable, Equatable {
        /// The spec's expression: `controller.cron`.
        public var cron: String
        /// What the platform reports: Cloudflare's cron string, or the EventBridge rule name.
        public var trigger: String

        public init(cron: String, trigger: String) {
            self.cron = cron
            self.trigger = trigger
        }
    }

    /// The table as JSON, keys in a fixed order, two-space indented.
    public var json: String { JSONWriter(indent: 2).string(value) }

    public var value: Value {
        .object(JSONObject([
            ("format", .integer(1)),
            ("app", .string(app)),
            ("function", .string(function)),
            ("environments", .object(JSONObject(environments.map { ($0.name, $0.value) }))),
        ]))
    }
}

extension FunctionTable.Environment {
    var value: Value {
        var pairs: [(String, Value)] = [
            ("vars", .array(vars.map(Value.string))),
            ("secrets", .array(secrets.map { secret in
                var fields: [(String, Value)] = [("name", .string(secret.name))]
                if let variable = secret.variable { fields.append(("variable", .string(variable))) }
                return .object(JSONObject(fields))
            })),
            ("bindings", .array(bindings.map { binding in
                var fields: [(String, Value)] = [
                    ("name", .string(binding.name)), ("resource", .string(binding.resource)),
                    ("kind", .string(binding.kind.rawValue)), ("access", .string(binding.access.rawValue)),
                ]
                if let variable = binding.variable { fields.append(("variable", .string(variable))) }
                return .object(JSONObject(fields))
            })),
            ("routes", .array(routes.map(Value.string))),
        ]
        if let fallbackRoutes { pairs.append(("fallbackRoutes", .array(fallbackRoutes.map(Value.string)))) }
        if let consumes { pairs.append(("consumes", .object(JSONObject([("queue", .string(consumes))])))) }
        pairs.append(("schedules", .array(schedules.map {
            .object(JSONObject([("cron", .string($0.cron)), ("trigger", .string($0.trigger))]))
        })))
        return .object(JSONObject(pairs))
    }
}
