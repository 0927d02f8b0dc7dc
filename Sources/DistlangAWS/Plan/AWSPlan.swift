import DistlangModel

/// One environment of an app as AWS resources, independent of the output format: every name,
/// identifier, reference, environment variable and policy statement is decided here once, and
/// the CloudFormation and Terraform translators only write it down in their syntax.
struct AWSPlan: Sendable {
    var model: AppModel
    var region: String
    var tables: [StorePlan]
    var buckets: [StorePlan]
    var queues: [QueuePlan]
    var secrets: [SecretPlan]
    /// Present when at least one function has HTTP routes.
    var httpAPI: HTTPAPIPlan?
    var functions: [FunctionPlan]
}

/// A DynamoDB table (kv) or an S3 bucket.
struct StorePlan: Sendable {
    var resource: ResourceModel
    var entity: AWSEntity
    var physicalName: String
}

struct QueuePlan: Sendable {
    struct DeadLetter: Sendable {
        var entity: AWSEntity
        var physicalName: String
        /// SQS counts deliveries, the spec counts retries: `maxRetries + 1` (docs/targets/aws.md).
        var maxReceiveCount: Int
    }

    var resource: ResourceModel
    var entity: AWSEntity
    var physicalName: String
    var deadLetter: DeadLetter?
}

/// A Secrets Manager secret, one per secret name in the environment (functions declaring the
/// same name share it).
struct SecretPlan: Sendable {
    var name: String
    var entity: AWSEntity
    var physicalName: String
    /// The functions that declare it, sorted.
    var functions: [String]
}

struct HTTPAPIPlan: Sendable {
    var api: AWSEntity
    var stage: AWSEntity
    var physicalName: String
    /// The function that answers requests no route matches (the API's `$default` route), so that
    /// an undeclared path gets 404 and a declared path with another method 405 from the runtime,
    /// as on every platform: the first function with routes, by name.
    var fallbackFunction: String
}

struct FunctionPlan: Sendable {
    var model: FunctionModel
    var function: AWSEntity
    var role: AWSEntity
    var logGroup: AWSEntity
    var physicalName: String
    var roleName: String
    var logGroupName: String
    /// `nodejs22.x`
    var runtime: String
    /// Always `index.handler`: the generated entry (`AWSCodePaths.handler`).
    var handler: String
    /// The variables naming the resources and secrets the function reaches (the runtime's table
    /// lists them), in `uses` then `secrets` order.
    var variables: [GeneratedVariable]
    /// The Lambda environment, sorted by name: the spec's `env`, `variables`, `DISTLANG_ENV`.
    var environment: [(name: String, value: AWSEnvironmentValue)]
    var policy: [AWSPolicyStatement]
    var http: HTTPPlan?
    var schedules: [SchedulePlan]
    var consumer: ConsumerPlan?

    /// The function's element of the model, for the build manifest.
    var element: ModelElement { ModelElement(.function, model.name) }
}

/// A Lambda environment variable distlang generates for a resource or secret.
struct GeneratedVariable: Sendable, Equatable {
    enum Owner: Sendable, Equatable {
        case resource(String), secret(String)
    }

    var owner: Owner
    var name: String
    var value: AWSReference
}

struct HTTPPlan: Sendable {
    struct RoutePlan: Sendable {
        var entity: AWSEntity
        /// `GET /orders/{id}`, `ANY /files/{proxy+}`, `$default`.
        var routeKey: String
        /// The spec's own route (`GET /files/*`); nil for `$default`.
        var specRoute: String?
    }

    var integration: AWSEntity
    var permission: AWSEntity
    var routes: [RoutePlan]
}

struct SchedulePlan: Sendable {
    var rule: AWSEntity
    var permission: AWSEntity
    var ruleName: String
    /// Eight hex digits of the SHA-256 of `expression`: the schedule's identity within its function.
    var hash: String
    /// `cron(0 3 * * ? *)`
    var expression: String
    /// As the spec wrote it.
    var specExpression: String
}

struct ConsumerPlan: Sendable {
    var mapping: AWSEntity
    var queue: AWSEntity
    var queueName: String
    var batchSize: Int
    /// Lambda requires a batching window of at least one second above ten messages.
    var batchingWindow: Int?
}
