/// A value a step gets at run time: written here, or read from the process environment when the
/// step runs (secrets: their values are never in the plan, the spec or any output).
public enum DeployValue: Sendable, Equatable {
    case literal(String)
    /// The value of this environment variable of the `distlang deploy` process.
    case variable(String)
}

/// One argument of a command.
public enum DeployArgument: Sendable, Equatable, ExpressibleByStringLiteral {
    case text(String)
    /// `file://<path>` of a temporary file (mode 0600, removed after the step) holding the value of
    /// an environment variable: how the AWS CLI takes a secret without it showing in the process list.
    case fileHoldingVariable(String)

    public init(stringLiteral value: String) { self = .text(value) }
}

/// A command line, where it runs and what it gets.
public struct DeployCommand: Sendable, Equatable {
    public var tool: DeployTool
    public var arguments: [DeployArgument]
    /// The working folder, relative to the build's output folder (`.` or `cloudflare/wrangler/api`).
    public var directory: String
    /// Variables set for the command, beside the inherited environment.
    public var environment: [(name: String, value: DeployValue)]
    /// Standard input: the value of a variable (a secret for `wrangler secret put`); nil inherits
    /// the terminal (so Terraform can ask for approval).
    public var input: DeployValue?

    public init(
        _ tool: DeployTool, _ arguments: [DeployArgument], in directory: String = ".",
        environment: [(name: String, value: DeployValue)] = [], input: DeployValue? = nil
    ) {
        self.tool = tool
        self.arguments = arguments
        self.directory = directory
        self.environment = environment
        self.input = input
    }

    public static func == (a: DeployCommand, b: DeployCommand) -> Bool {
        a.tool == b.tool && a.arguments == b.arguments && a.directory == b.directory && a.input == b.input
            && a.environment.map(\.name) == b.environment.map(\.name) && a.environment.map(\.value) == b.environment.map(\.value)
    }

    /// The arguments as text, a file argument shown as what it holds.
    public var displayArguments: [String] {
        arguments.map {
            switch $0 {
            case .text(let text): return text
            case .fileHoldingVariable(let name): return "file://<a file holding $\(name)>"
            }
        }
    }
}

/// A KV namespace or a D1 database: the stores wrangler binds by id.
public enum StoreKind: String, Sendable, Equatable {
    case kv, d1

    /// `KV namespace`, `D1 database`.
    public var noun: String { self == .kv ? "KV namespace" : "D1 database" }
}

/// A store the wrangler deploy needs the id of: from the spec, found by its title, or created.
public struct StoreToResolve: Sendable, Equatable {
    /// The spec's resource name (the key of `targets.cloudflare.ids`).
    public var resource: String
    public var kind: StoreKind
    /// Its Cloudflare name (KV title, D1 database name).
    public var title: String
    /// The id the spec gives, if any (checked against the account's list).
    public var specID: String?

    public init(resource: String, kind: StoreKind, title: String, specID: String?) {
        self.resource = resource
        self.kind = kind
        self.title = title
        self.specID = specID
    }
}

/// One step of a deploy.
public struct DeployStep: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Runs the command; a non-zero status fails the deploy.
        case run
        /// `wrangler queues create`: a queue that exists already is not a failure.
        case createQueue
        /// Lists the account's stores of a kind (JSON), to find the ids of the plan's stores by title.
        case listStores(StoreKind)
        /// Creates a store the list did not have, and reads its id from the output.
        case createStore(resource: String, kind: StoreKind)
        /// Writes the build again with the ids found or created, so every wrangler.toml binds them.
        case writeBuild
    }

    public var kind: Kind
    /// What the step does, in words (`deploy Worker shop-staging-api`).
    public var summary: String
    /// Nil for `writeBuild`.
    public var command: DeployCommand?
    /// What is in the cloud once it succeeds (listed when a later step fails); nil for steps that only read.
    public var deploys: String?

    public init(_ kind: Kind, _ summary: String, command: DeployCommand?, deploys: String? = nil) {
        self.kind = kind
        self.summary = summary
        self.command = command
        self.deploys = deploys
    }
}

/// Every step of one deploy, in order.
public struct DeployPlan: Sendable {
    public var request: DeployRequest.Summary
    public var steps: [DeployStep]
    /// The stores whose ids the wrangler steps resolve.
    public var stores: [StoreToResolve]
    /// What is left for the user once every step succeeded (e.g. secrets not in the environment).
    public var remarks: [String]
    /// Files the build must have written for the steps to work (relative to the output folder), each
    /// with what to do when it is missing (e.g. the esbuild bundles of Cloudflare's Terraform).
    public var requiredFiles: [(path: String, fix: String)] = []

    /// The required files `written` does not have, with what to do.
    public func missingFiles(in written: Set<String>) -> [(path: String, fix: String)] {
        requiredFiles.filter { !written.contains($0.path) }
    }

    /// The tools the steps run, each once.
    public var tools: [DeployTool] { Array(Set(steps.compactMap { $0.command?.tool })).sorted() }

    public init(request: DeployRequest.Summary, steps: [DeployStep], stores: [StoreToResolve] = [], remarks: [String] = []) {
        self.request = request
        self.steps = steps
        self.stores = stores
        self.remarks = remarks
    }
}

extension DeployRequest {
    /// The request as the plan's first line shows it.
    public struct Summary: Sendable, Equatable {
        public var app: String
        public var environment: String
        public var target: String
        public var via: String
    }
}
