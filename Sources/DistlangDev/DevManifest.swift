import DistlangCore
import DistlangModel
import DistlangRuntime

/// What `distlang dev` hands the dev host for one environment of the app (runtime/src/adapters/dev/
/// host.js reads it as `DevManifest`): every function with its absolute source, its vars' values and
/// its function table, and every resource with what its store needs (a queue's consumer, batch size,
/// retries and dead-letter queue; a database's migrations folder). Paths are absolute, so the host
/// does not depend on the folder it runs in. Secrets are never here: the host reads `.dev.vars`.
public struct DevManifest: Sendable, Equatable {
    public var app: String
    public var environment: String
    /// The environment's state folder (`.distlang/dev/<environment>`).
    public var state: String
    public var specDirectory: String
    /// `.dev.vars` next to the spec (it need not exist).
    public var devVars: String
    public var functions: [Function]
    public var resources: [Resource]

    public struct Function: Sendable, Equatable {
        public var name: String
        public var source: String
        public var vars: [EnvironmentVariable]
        public var table: FunctionTable
    }

    public struct Resource: Sendable, Equatable {
        public var name: String
        public var kind: ResourceKind
        /// Queues: deliveries after the first before a message is dead-lettered.
        public var maxRetries: Int?
        /// Queues with a dead-letter queue: its name (`<queue>-dlq`).
        public var deadLetter: String?
        /// Queues with a consumer.
        public var consumer: (function: String, batchSize: Int)?
        /// Databases: the migrations folder, absolute.
        public var migrations: String?

        public static func == (a: Resource, b: Resource) -> Bool {
            a.name == b.name && a.kind == b.kind && a.maxRetries == b.maxRetries && a.deadLetter == b.deadLetter
                && a.consumer?.function == b.consumer?.function && a.consumer?.batchSize == b.consumer?.batchSize
                && a.migrations == b.migrations
        }
    }

    /// The manifest of `model` (one environment), with sources and migrations resolved against the
    /// spec's folder (absolute) and the state in `state`.
    public init(model: AppModel, specDirectory: String, state: String) {
        app = model.app
        environment = model.environment
        self.state = state
        self.specDirectory = specDirectory
        devVars = DevPaths.join(specDirectory, DevPaths.devVarsFile)
        functions = model.functions.map { function in
            Function(
                name: function.name, source: DevPaths.join(specDirectory, function.source), vars: function.env,
                table: FunctionTable(
                    app: model.app, function: function.name, environments: [Self.environment(function, in: model)]))
        }
        resources = model.resources.map { resource in
            var r = Resource(name: resource.name, kind: resource.kind)
            switch resource.kind {
            case .queue:
                r.maxRetries = resource.maxRetries
                r.deadLetter = resource.deadLetter ? "\(resource.name)-dlq" : nil
                if let consumer = model.consumer(of: resource.name) {
                    r.consumer = (consumer.name, consumer.consumes?.batchSize ?? 10)
                }
            case .database:
                r.migrations = resource.migrations.map { DevPaths.join(specDirectory, $0) }
            case .kv, .bucket:
                break
            }
            return r
        }
    }

    /// The function table of one function in dev: everything bound by name, each schedule triggered
    /// by its own cron (the host runs schedules by cron, on time or on demand).
    static func environment(_ function: FunctionModel, in model: AppModel) -> FunctionTable.Environment {
        FunctionTable.Environment(
            name: model.environment, vars: function.env.map(\.name),
            secrets: function.secrets.map { FunctionTable.Secret(name: $0) },
            bindings: function.uses.compactMap { use in
                model.resource(named: use.resource).map {
                    FunctionTable.Binding(name: $0.bindingName, resource: $0.name, kind: $0.kind, access: use.access)
                }
            },
            routes: function.routes.map(\.description), consumes: function.consumes?.queue,
            schedules: function.schedules.map { FunctionTable.Schedule(cron: $0.expression, trigger: $0.expression) })
    }

    /// The folders whose files the host reads only at start (a change restarts it).
    public var migrationFolders: [String] { resources.compactMap(\.migrations) }

    /// The JSON the host reads: fixed key order, two-space indented.
    public var json: String { JSONWriter(indent: 2).string(value) + "\n" }

    var value: Value {
        .object(
            JSONObject([
                ("format", .integer(1)),
                ("app", .string(app)),
                ("environment", .string(environment)),
                ("state", .string(state)),
                ("specDirectory", .string(specDirectory)),
                ("devVars", .string(devVars)),
                (
                    "functions",
                    .array(
                        functions.map { f in
                            .object(
                                JSONObject([
                                    ("name", .string(f.name)),
                                    ("source", .string(f.source)),
                                    ("vars", .object(JSONObject(f.vars.map { ($0.name, .string($0.value)) }))),
                                    ("table", f.table.value),
                                ]))
                        })
                ),
                ("resources", .array(resources.map(\.value))),
            ]))
    }
}

extension DevManifest.Resource {
    var value: Value {
        var pairs: [(String, Value)] = [("name", .string(name)), ("kind", .string(kind.rawValue))]
        if let maxRetries { pairs.append(("maxRetries", .integer(Int64(maxRetries)))) }
        if let deadLetter { pairs.append(("deadLetter", .string(deadLetter))) }
        if let consumer {
            pairs.append(
                (
                    "consumer",
                    .object(
                        JSONObject([
                            ("function", .string(consumer.function)),
                            ("batchSize", .integer(Int64(consumer.batchSize))),
                        ]))
                ))
        }
        if let migrations { pairs.append(("migrations", .string(migrations))) }
        return .object(JSONObject(pairs))
    }
}
