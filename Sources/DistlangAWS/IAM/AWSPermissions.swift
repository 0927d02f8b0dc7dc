import DistlangModel

/// The IAM actions each kind of access needs: the single table that both the CloudFormation and
/// the Terraform policies are built from, and that `distlang diff` prints access changes with
/// ("api: + write on bucket uploads (s3:PutObject, s3:DeleteObject)").
///
/// Only actions on the data of one resource, and exactly the calls the runtime makes for that access
/// (runtime/src/adapters/aws-lambda/aws): no wildcard action, nothing account-wide. See
/// docs/targets/aws.md for the table in prose.
public enum AWSPermissions {
    /// Where a grant applies: the resource itself, (buckets) the objects in it (`<bucket ARN>/*`),
    /// or (kv tables) the index `list` queries (`<table ARN>/index/keys`).
    public enum Scope: String, Sendable, Equatable {
        case resource, objects, keysIndex
    }

    /// Actions on one scope of a resource.
    public struct Grant: Sendable, Equatable {
        public var actions: [String]
        public var scope: Scope

        public init(actions: [String], scope: Scope) {
            self.actions = actions
            self.scope = scope
        }
    }

    /// The actions `access` to a resource of `kind` needs, in a stable order (reads before writes).
    /// Empty for kinds AWS cannot express (databases).
    public static func actions(for kind: ResourceKind, access: Access) -> [String] {
        guard access == .readwrite else { return grants(for: kind, access: access).flatMap(\.actions) }
        return actions(for: kind, access: .read) + actions(for: kind, access: .write)
    }

    /// The same actions grouped by where they apply.
    public static func grants(for kind: ResourceKind, access: Access) -> [Grant] {
        var grants: [Grant] = []
        func add(_ actions: [String], _ scope: Scope) {
            if let i = grants.firstIndex(where: { $0.scope == scope }) {
                grants[i].actions += actions
            } else {
                grants.append(Grant(actions: actions, scope: scope))
            }
        }
        switch kind {
        case .kv:
            if access.reads {
                add(["dynamodb:GetItem"], .resource)
                add(["dynamodb:Query"], .keysIndex)
            }
            if access.writes { add(["dynamodb:PutItem", "dynamodb:DeleteItem"], .resource) }
        case .bucket:
            // get and head need ListBucket too: without it S3 answers 403, not 404, for a missing key.
            if access.reads {
                add(["s3:GetObject"], .objects)
                add(["s3:ListBucket"], .resource)
            }
            if access.writes { add(["s3:PutObject", "s3:DeleteObject"], .objects) }
        case .queue:
            if access == .send { add(["sqs:SendMessage"], .resource) }
        case .database:
            break
        }
        return grants
    }

    /// What a queue consumer needs on its queue: the event source mapping's three, and
    /// ChangeMessageVisibility for the runtime's `retry({ delaySeconds })`.
    public static let consumeQueue = [
        "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility",
    ]

    /// What a function needs on its own log group (`<log group ARN>:*`, its log streams).
    public static let writeLogs = ["logs:CreateLogStream", "logs:PutLogEvents"]

    /// What a function needs on each secret it declares.
    public static let readSecret = ["secretsmanager:GetSecretValue"]

}
