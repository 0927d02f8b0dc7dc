import DistlangCore

/// The provider-neutral model of one environment of an app: the single input of every emitter.
///
/// Built by `DistlangSpec` from a validated spec: defaults applied, the environment's overlay merged,
/// references resolved, physical names chosen per target. Plain values; `ModelJSON` gives its stable
/// JSON form (part of the build manifest). Functions and resources are sorted by name.
public struct AppModel: Sendable, Equatable {
    /// The app name (`name` in the spec).
    public var app: String
    public var description: String?
    /// The environment name; `default` when the spec has no `environments`.
    public var environment: String
    public var functions: [FunctionModel]
    public var resources: [ResourceModel]
    public var targets: TargetSettings

    public init(
        app: String, description: String? = nil, environment: String, functions: [FunctionModel],
        resources: [ResourceModel], targets: TargetSettings
    ) {
        self.app = app
        self.description = description
        self.environment = environment
        self.functions = functions
        self.resources = resources
        self.targets = targets
    }

    /// True for the implicit environment of a spec without `environments`.
    public var isDefaultEnvironment: Bool { environment == AppModel.defaultEnvironment }

    public static let defaultEnvironment = "default"

    /// The resource named `name`. Resources are sorted by name, so a binary search finds it (an
    /// emitter asks once per use of every function: millions of times in a large app); a list
    /// that is not sorted still gets its answer, from a scan in order.
    public func resource(named name: String) -> ResourceModel? {
        if let i = Self.sortedPosition(of: name, in: resources, \.name) { return resources[i] }
        return resources.first { $0.name == name }
    }

    /// The function named `name` (a binary search, as for `resource(named:)`).
    public func function(named name: String) -> FunctionModel? {
        if let i = Self.sortedPosition(of: name, in: functions, \.name) { return functions[i] }
        return functions.first { $0.name == name }
    }

    /// Where `name` is in `items` if they are sorted by `key`: the first of equal neighbours; nil
    /// when a binary search does not find it.
    static func sortedPosition<T>(of name: String, in items: [T], _ key: KeyPath<T, String>) -> Int? {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if items[mid][keyPath: key] < name { low = mid + 1 } else { high = mid }
        }
        guard low < items.count, items[low][keyPath: key] == name else { return nil }
        return low
    }

    /// The function consuming a queue, if any.
    public func consumer(of queue: String) -> FunctionModel? { functions.first { $0.consumes?.queue == queue } }
}

/// The deployment targets distlang builds for.
public enum TargetKind: String, Sendable, CaseIterable, Comparable {
    case cloudflare, aws

    public static func < (a: TargetKind, b: TargetKind) -> Bool { a.rawValue < b.rawValue }

    /// The output formats distlang writes for this target, in name order.
    public var outputFormats: [OutputFormat] {
        switch self {
        case .cloudflare: return [.terraform, .wrangler]
        case .aws: return [.cloudformation, .terraform]
        }
    }
}

/// A deploy path of a target: the files one tool reads (`targets.<provider>.outputs`).
public enum OutputFormat: String, Sendable, CaseIterable, Comparable {
    case cloudformation, terraform, wrangler

    public static func < (a: OutputFormat, b: OutputFormat) -> Bool { a.rawValue < b.rawValue }
}

/// One function: a Worker on Cloudflare, a Lambda function on AWS.
public struct FunctionModel: Sendable, Equatable {
    public var name: String
    /// The entry module, relative to the spec file's folder, with `/` separators.
    public var source: String
    /// The export AWS invokes (Cloudflare uses the module's default export).
    public var handler: String
    public var runtime: Runtime
    /// MiB (ignored on Cloudflare).
    public var memory: Int
    /// Seconds.
    public var timeout: Int
    /// Plain configuration values, sorted by name; numbers and booleans are already text.
    public var env: [EnvironmentVariable]
    /// Secret names, sorted.
    public var secrets: [String]
    /// HTTP routes, in spec order.
    public var routes: [Route]
    /// Cron schedules, in spec order.
    public var schedules: [CronSchedule]
    /// Resources this function uses, sorted by resource name.
    public var uses: [Binding]
    public var consumes: QueueConsumer?
    /// The function's name on each target (Worker name, Lambda function name).
    public var physicalNames: PhysicalNames
    /// The keys the spec writes for this function, itself or in `defaults` (`memory`, `timeout`,
    /// `http` …), as opposed to built-in defaults: a target that ignores a setting says so only when
    /// the spec wrote it.
    public var writtenSettings: Set<String> = []

    public init(
        name: String, source: String, handler: String = "handler", runtime: Runtime = .nodejs22, memory: Int = 128,
        timeout: Int = 30, env: [EnvironmentVariable] = [], secrets: [String] = [], routes: [Route] = [],
        schedules: [CronSchedule] = [], uses: [Binding] = [], consumes: QueueConsumer? = nil,
        physicalNames: PhysicalNames = PhysicalNames()
    ) {
        self.name = name
        self.source = source
        self.handler = handler
        self.runtime = runtime
        self.memory = memory
        self.timeout = timeout
        self.env = env
        self.secrets = secrets
        self.routes = routes
        self.schedules = schedules
        self.uses = uses
        self.consumes = consumes
        self.physicalNames = physicalNames
    }
}

/// The JavaScript runtime of a function.
public enum Runtime: String, Sendable, CaseIterable {
    case nodejs20, nodejs22, nodejs24
}

public struct EnvironmentVariable: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What a function may do with a resource (the `uses` map).
public enum Access: String, Sendable, CaseIterable, Comparable {
    case read, write, readwrite, send

    public static func < (a: Access, b: Access) -> Bool { a.rawValue < b.rawValue }

    /// Whether the access includes reading / writing (`readwrite` includes both).
    public var reads: Bool { self == .read || self == .readwrite }
    public var writes: Bool { self == .write || self == .readwrite }
}

/// A function's use of a resource.
public struct Binding: Sendable, Equatable {
    public var resource: String
    public var access: Access

    public init(resource: String, access: Access) {
        self.resource = resource
        self.access = access
    }
}

/// A function consuming a queue.
public struct QueueConsumer: Sendable, Equatable {
    public var queue: String
    /// Messages per invocation, 1..100.
    public var batchSize: Int

    public init(queue: String, batchSize: Int = 10) {
        self.queue = queue
        self.batchSize = batchSize
    }
}

/// The kinds of resources in spec v1.
public enum ResourceKind: String, Sendable, CaseIterable {
    case kv, bucket, queue, database

    /// The accesses `uses` may name for this kind.
    public var allowedAccess: [Access] {
        switch self {
        case .kv, .bucket, .database: return [.read, .write, .readwrite]
        case .queue: return [.send]
        }
    }

    /// Every v1 resource holds data: removing or replacing one loses it.
    public var isStateful: Bool { true }
}

/// One resource: a KV namespace / DynamoDB table, an R2 / S3 bucket, a queue, a D1 database.
public struct ResourceModel: Sendable, Equatable {
    public var name: String
    public var kind: ResourceKind
    /// The variable name code uses: the resource name in UPPER_SNAKE (`user-sessions` -> `USER_SESSIONS`).
    public var bindingName: String
    /// Buckets: keep object versions.
    public var versioning: Bool
    /// Queues: deliveries after the first before a message goes to the dead-letter queue (0..100).
    public var maxRetries: Int
    /// Queues: whether a dead-letter queue `<queue>-dlq` exists.
    public var deadLetter: Bool
    /// Queues: seconds a received message stays hidden (AWS; Cloudflare has no equivalent for push consumers).
    public var visibilityTimeout: Int
    /// Databases: the engine (`sqlite` in v1).
    public var engine: String?
    /// Databases: the migrations folder, relative to the spec file's folder.
    public var migrations: String?
    /// The resource's name on each target.
    public var physicalNames: PhysicalNames
    /// Queues with `deadLetter`: the dead-letter queue's name on each target.
    public var deadLetterNames: PhysicalNames
    /// The settings the spec writes for this resource (`visibility_timeout`, `max_retries`, …), as
    /// opposed to defaults.
    public var writtenSettings: Set<String> = []

    public init(
        name: String, kind: ResourceKind, bindingName: String? = nil, versioning: Bool = false, maxRetries: Int = 3,
        deadLetter: Bool = false, visibilityTimeout: Int = 30, engine: String? = nil, migrations: String? = nil,
        physicalNames: PhysicalNames = PhysicalNames(), deadLetterNames: PhysicalNames = PhysicalNames()
    ) {
        self.name = name
        self.kind = kind
        self.bindingName = bindingName ?? Naming.bindingName(name)
        self.versioning = versioning
        self.maxRetries = maxRetries
        self.deadLetter = deadLetter
        self.visibilityTimeout = visibilityTimeout
        self.engine = engine
        self.migrations = migrations
        self.physicalNames = physicalNames
        self.deadLetterNames = deadLetterNames
    }
}

/// A name per target; a target that is not built has no entry.
public struct PhysicalNames: Sendable, Equatable {
    public var cloudflare: String?
    public var aws: String?

    public init(cloudflare: String? = nil, aws: String? = nil) {
        self.cloudflare = cloudflare
        self.aws = aws
    }

    public subscript(target: TargetKind) -> String? {
        get { target == .cloudflare ? cloudflare : aws }
        set { if target == .cloudflare { cloudflare = newValue } else { aws = newValue } }
    }
}

/// Provider settings from `targets`; a target the spec does not name is nil.
public struct TargetSettings: Sendable, Equatable {
    public var cloudflare: CloudflareSettings?
    public var aws: AWSSettings?

    public init(cloudflare: CloudflareSettings? = nil, aws: AWSSettings? = nil) {
        self.cloudflare = cloudflare
        self.aws = aws
    }

    /// The targets present, in a stable order.
    public var kinds: [TargetKind] {
        (cloudflare != nil ? [TargetKind.cloudflare] : []) + (aws != nil ? [TargetKind.aws] : [])
    }

    /// The output formats built for `target` (none when the spec does not build for it).
    public func outputs(_ target: TargetKind) -> Set<OutputFormat> {
        switch target {
        case .cloudflare: return cloudflare?.outputs ?? []
        case .aws: return aws?.outputs ?? []
        }
    }
}

public struct CloudflareSettings: Sendable, Equatable {
    /// Nil: the Terraform root takes it as a variable (wrangler reads CLOUDFLARE_ACCOUNT_ID).
    public var accountID: String?
    public var compatibilityDate: String
    public var compatibilityFlags: [String]
    /// Serve HTTP functions on `<worker>.<subdomain>.workers.dev`.
    public var workersDev: Bool
    public var routes: [CloudflareRoute]
    /// The formats to write (`outputs`); default both.
    public var outputs: Set<OutputFormat>
    /// Ids of stores that exist already (`ids`): resource name -> KV namespace id or D1 database id,
    /// written into every wrangler.toml that binds the resource.
    public var ids: [String: String] = [:]

    public init(
        accountID: String? = nil, compatibilityDate: String, compatibilityFlags: [String] = [], workersDev: Bool = true,
        routes: [CloudflareRoute] = [], outputs: Set<OutputFormat> = Set(TargetKind.cloudflare.outputFormats)
    ) {
        self.accountID = accountID
        self.compatibilityDate = compatibilityDate
        self.compatibilityFlags = compatibilityFlags
        self.workersDev = workersDev
        self.routes = routes
        self.outputs = outputs
    }
}

/// A route pattern on a zone, or a custom domain, attached to one function's Worker.
public struct CloudflareRoute: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `host/path*` on the zone named `zone`.
        case pattern(String, zone: String)
        /// A bare hostname served entirely by the Worker.
        case customDomain(String)
    }

    public var kind: Kind
    /// The function whose Worker serves it.
    public var function: String

    public init(_ kind: Kind, function: String) {
        self.kind = kind
        self.function = function
    }
}

public struct AWSSettings: Sendable, Equatable {
    public var region: String
    /// The formats to write (`outputs`); default both.
    public var outputs: Set<OutputFormat>
    /// The S3 bucket `distlang deploy` uploads code and templates to (`code_bucket`), if set.
    public var codeBucket: String?

    public init(region: String, outputs: Set<OutputFormat> = Set(TargetKind.aws.outputFormats)) {
        self.region = region
        self.outputs = outputs
    }
}
