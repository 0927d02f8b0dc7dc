import DistlangRender

/// One resource the AWS outputs declare, named in both formats: its CloudFormation logical ID and
/// its Terraform resource name (the Terraform type follows from `kind`).
struct AWSEntity: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case table, bucket, queue, secret
        case function, role, logGroup
        case httpApi, httpStage, integration, route, permission
        case rule, eventSourceMapping
    }

    var kind: Kind
    var logicalID: String
    var terraformName: HCLIdentifier
}

/// A value of one resource that another refers to; each translator writes it in its own syntax
/// (`Fn::GetAtt` / `Ref` / `Fn::Join`, or a Terraform reference / template).
enum AWSReference: Sendable, Equatable {
    /// The resource's ARN.
    case arn(AWSEntity)
    /// Its name: table name, bucket name, function name.
    case name(AWSEntity)
    /// A queue's URL.
    case queueURL(AWSEntity)
    /// Every object in a bucket: `<bucket ARN>/*`.
    case bucketObjects(AWSEntity)
    /// The kv table's key index (`<table ARN>/index/keys`), which `list` queries.
    case keysIndex(AWSEntity)
    /// Every log stream of a log group: `<log group ARN>:*`.
    case logStreams(AWSEntity)
}

/// A Lambda environment variable's value.
enum AWSEnvironmentValue: Sendable, Equatable {
    case literal(String)
    case reference(AWSReference)
}

/// One `Allow` statement of a function's policy.
struct AWSPolicyStatement: Sendable, Equatable {
    /// `[A-Za-z0-9]+`, unique in the policy.
    var sid: String
    var actions: [String]
    var resources: [AWSReference]
}
