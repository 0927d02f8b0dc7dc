import DistlangCore

/// Where a template finds the environment's shared resources (tables, buckets, queues, secrets,
/// the HTTP API, the code location): in itself (`.local`: the single template, or the parent), or
/// through the parameters its parent stack passes in (`.child`: a nested stack of functions).
/// A function's own resources (its role, log group, rules ...) are always in the same template.
enum CFNScope: Sendable, Equatable {
    case local, child

    func value(_ reference: AWSReference) -> Value {
        guard self == .child, let input = CFNStackInput(reference) else { return CFN.value(reference) }
        if case .bucketObjects = reference { return CFN.join("", [CFN.ref(input.name), "/*"]) }
        if case .keysIndex = reference { return CFN.join("", [CFN.ref(input.name), .string("/index/" + AWSKVLayout.keysIndex)]) }
        return CFN.ref(input.name)
    }

    func value(_ env: AWSEnvironmentValue) -> Value {
        switch env {
        case .literal(let text): return .string(text)
        case .reference(let reference): return value(reference)
        }
    }

    /// The logical name whose `Ref` is the HTTP API's ID: the API itself, or the child's parameter.
    func apiName(_ api: HTTPAPIPlan) -> String { self == .local ? api.api.logicalID : CFNStackInput.httpAPIID }
}

/// One value a nested stack takes from its parent: a `String` parameter of the child, which the
/// parent fills with a reference to one of its own resources (or its own parameter).
///
/// Parameter names follow the parent's logical IDs: `<R>TableArn`, `<R>TableName`,
/// `<R>BucketArn`, `<R>BucketName`, `<R>QueueArn`, `<R>QueueUrl`, `<S>SecretArn`, `HttpApiId`.
/// The same shared value has the same
/// name in every child, so a function reads the same wherever it is packed.
struct CFNStackInput: Sendable, Equatable {
    static let httpAPIID = "HttpApiId"

    var name: String
    /// What the parent passes.
    var parentValue: Value
    var description: String
    /// The logical ID of the shared resource it reads (nil for the HTTP API's ID); when the data
    /// stores have nested stacks of their own, the parent passes that stack's output instead.
    var store: String?

    /// The input carrying `reference` into a child; nil for a function's own log group.
    init?(_ reference: AWSReference) {
        switch reference {
        case .arn(let e), .bucketObjects(let e), .keysIndex(let e):
            self.init(name: e.logicalID + "Arn", parentValue: CFN.value(.arn(e)), description: "ARN of \(e.logicalID)", store: e.logicalID)
        case .name(let e):
            self.init(name: e.logicalID + "Name", parentValue: CFN.value(.name(e)), description: "Name of \(e.logicalID)", store: e.logicalID)
        case .queueURL(let e):
            self.init(name: e.logicalID + "Url", parentValue: CFN.value(.queueURL(e)), description: "URL of \(e.logicalID)", store: e.logicalID)
        case .logStreams:
            return nil
        }
    }

    init(name: String, parentValue: Value, description: String, store: String? = nil) {
        self.name = name
        self.parentValue = parentValue
        self.description = description + " in the parent stack"
        self.store = store
    }

    static func httpAPI(_ api: HTTPAPIPlan) -> CFNStackInput {
        CFNStackInput(name: httpAPIID, parentValue: CFN.ref(api.api.logicalID), description: "ID of the HTTP API \(api.api.logicalID)")
    }

    /// Every shared value `f`'s resources read, in first-use order, without repeats: what a child
    /// holding `f` must declare as parameters.
    static func inputs(of f: FunctionPlan, api: HTTPAPIPlan?) -> [CFNStackInput] {
        var references = f.policy.flatMap(\.resources)
        for variable in f.environment {
            if case .reference(let r) = variable.value { references.append(r) }
        }
        if let consumer = f.consumer { references.append(.arn(consumer.queue)) }
        var inputs = references.compactMap(CFNStackInput.init)
        if f.http != nil, let api { inputs.append(.httpAPI(api)) }
        var seen = Set<String>()
        return inputs.filter { seen.insert($0.name).inserted }
    }
}
