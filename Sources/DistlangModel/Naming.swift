import DistlangCore

/// Physical names: `<app>-<env>-<part>` (the env part left out for `default`), fitted to each target's
/// length limit; a name that must be shortened ends in `-` and eight hex digits of the SHA-256 of the
/// full name, so two long names never collide and the same spec always gives the same names.
public enum Naming {
    /// The full (unshortened) name of a part of the app in an environment.
    public static func compose(app: String, environment: String, part: String) -> String {
        environment == AppModel.defaultEnvironment ? "\(app)-\(part)" : "\(app)-\(environment)-\(part)"
    }

    /// `full` if it fits in `maxLength`, otherwise a prefix of it and a stable hash suffix.
    public static func fit(_ full: String, maxLength: Int) -> String {
        guard full.count > maxLength else { return full }
        let hash = shortHash(full)
        var prefix = String(full.prefix(maxLength - hash.count - 1))
        while prefix.hasSuffix("-") || prefix.hasSuffix("_") || prefix.hasSuffix(".") || prefix.hasSuffix("/") {
            prefix.removeLast()
        }
        return prefix + "-" + hash
    }

    /// Eight lowercase hex digits of the SHA-256 of `s`.
    public static func shortHash(_ s: String) -> String { String(SHA256.hex(s).prefix(8)) }

    /// A resource or secret name as a code identifier: `user-sessions` -> `USER_SESSIONS`.
    public static func bindingName(_ name: String) -> String {
        String(name.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// An identifier for Terraform (`user-sessions` -> `user_sessions`).
    public static func terraformIdentifier(_ name: String) -> String {
        String(name.map { $0 == "-" ? "_" : $0 })
    }

    /// A CloudFormation logical ID part (`user-sessions` -> `UserSessions`), letters and digits only.
    public static func pascalCase(_ name: String) -> String {
        name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// What a target allows for one kind of name.
public struct NameRule: Sendable {
    public var maxLength: Int
    public var description: String

    public init(maxLength: Int, description: String) {
        self.maxLength = maxLength
        self.description = description
    }

    // Cloudflare (limits.md §1). Names distlang composes use only a-z, 0-9 and '-', which every rule accepts.
    public static let cloudflareWorker = NameRule(maxLength: 63, description: "Worker name")
    public static let cloudflareKVNamespace = NameRule(maxLength: 63, description: "KV namespace title")
    public static let cloudflareR2Bucket = NameRule(maxLength: 63, description: "R2 bucket name")
    public static let cloudflareD1Database = NameRule(maxLength: 63, description: "D1 database name")
    public static let cloudflareQueue = NameRule(maxLength: 63, description: "queue name")

    // AWS (limits.md §2).
    public static let awsLambdaFunction = NameRule(maxLength: 64, description: "Lambda function name")
    public static let awsDynamoDBTable = NameRule(maxLength: 255, description: "DynamoDB table name")
    public static let awsS3Bucket = NameRule(maxLength: 63, description: "S3 bucket name")
    public static let awsSQSQueue = NameRule(maxLength: 80, description: "SQS queue name")
    public static let awsIAMRole = NameRule(maxLength: 64, description: "IAM role name")
    public static let awsEventRule = NameRule(maxLength: 64, description: "EventBridge rule name")
    public static let awsSecret = NameRule(maxLength: 512, description: "Secrets Manager secret name")
    public static let awsHTTPAPI = NameRule(maxLength: 128, description: "API Gateway API name")

    /// The rule for a resource kind's primary name on a target.
    public static func resource(_ kind: ResourceKind, on target: TargetKind) -> NameRule {
        switch (target, kind) {
        case (.cloudflare, .kv): return .cloudflareKVNamespace
        case (.cloudflare, .bucket): return .cloudflareR2Bucket
        case (.cloudflare, .queue): return .cloudflareQueue
        case (.cloudflare, .database): return .cloudflareD1Database
        case (.aws, .kv): return .awsDynamoDBTable
        case (.aws, .bucket): return .awsS3Bucket
        case (.aws, .queue): return .awsSQSQueue
        case (.aws, .database): return .awsDynamoDBTable  // never built: databases are not expressible on AWS
        }
    }

    public static func function(on target: TargetKind) -> NameRule {
        target == .cloudflare ? .cloudflareWorker : .awsLambdaFunction
    }

    /// `full` fitted to this rule.
    public func fit(_ full: String) -> String { Naming.fit(full, maxLength: maxLength) }
}
