import DistlangCore
import DistlangModel

/// Tables, buckets, queues and secrets as CloudFormation resources, with their secure defaults.
enum CFNStores {
    static func add(_ plan: AWSPlan, to template: inout CFNTemplate) {
        for table in plan.tables { template.add(self.table(table)) }
        for bucket in plan.buckets { template.add(self.bucket(bucket)) }
        for queue in plan.queues {
            if let dlq = queue.deadLetter { template.add(deadLetterQueue(dlq, of: queue)) }
            template.add(self.queue(queue))
        }
        for secret in plan.secrets { template.add(self.secret(secret, plan: plan)) }
    }

    /// DynamoDB on demand, in the runtime's kv layout (`AWSKVLayout`: `pk` string hash key, the
    /// `keys` index, TTL on `exp`), encrypted with the AWS-managed KMS key, point-in-time recovery on.
    static func table(_ t: StorePlan) -> CFNResource {
        let pk = Value.string(AWSKVLayout.partitionKey), ls = Value.string(AWSKVLayout.listPartition)
        return CFNResource(
            logicalID: t.entity.logicalID, type: "AWS::DynamoDB::Table",
            properties: JSONObject([
                ("TableName", .string(t.physicalName)),
                ("BillingMode", "PAY_PER_REQUEST"),
                ("AttributeDefinitions", [
                    CFN.object([("AttributeName", pk), ("AttributeType", "S")]),
                    CFN.object([("AttributeName", ls), ("AttributeType", "S")]),
                ]),
                ("KeySchema", [CFN.object([("AttributeName", pk), ("KeyType", "HASH")])]),
                ("GlobalSecondaryIndexes", [CFN.object([
                    ("IndexName", .string(AWSKVLayout.keysIndex)),
                    ("KeySchema", [
                        CFN.object([("AttributeName", ls), ("KeyType", "HASH")]),
                        CFN.object([("AttributeName", pk), ("KeyType", "RANGE")]),
                    ]),
                    ("Projection", CFN.object([
                        ("ProjectionType", "INCLUDE"),
                        ("NonKeyAttributes", [.string(AWSKVLayout.expiration), .string(AWSKVLayout.metadata)]),
                    ])),
                ])]),
                ("TimeToLiveSpecification", CFN.object([
                    ("AttributeName", .string(AWSKVLayout.expiration)), ("Enabled", true),
                ])),
                ("SSESpecification", ["SSEEnabled": true]),
                ("PointInTimeRecoverySpecification", ["PointInTimeRecoveryEnabled": true]),
            ]),
            deletionPolicy: .retain, physicalName: t.physicalName, replacingProperties: ["TableName", "KeySchema"],
            source: ModelElement(.resource, t.resource.name))
    }

    /// S3 with all four public access blocks, SSE-S3, ACLs disabled (BucketOwnerEnforced) and
    /// versioning Enabled or Suspended as the spec asks.
    static func bucket(_ b: StorePlan) -> CFNResource {
        CFNResource(
            logicalID: b.entity.logicalID, type: "AWS::S3::Bucket",
            properties: JSONObject([
                ("BucketName", .string(b.physicalName)),
                ("PublicAccessBlockConfiguration", CFN.object([
                    ("BlockPublicAcls", true), ("BlockPublicPolicy", true), ("IgnorePublicAcls", true),
                    ("RestrictPublicBuckets", true),
                ])),
                ("BucketEncryption", [
                    "ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]]]
                ]),
                ("OwnershipControls", ["Rules": [["ObjectOwnership": "BucketOwnerEnforced"]]]),
                ("VersioningConfiguration", ["Status": .string(b.resource.versioning ? "Enabled" : "Suspended")]),
            ]),
            deletionPolicy: .retain, physicalName: b.physicalName, replacingProperties: ["BucketName"],
            source: ModelElement(.resource, b.resource.name))
    }

    /// Four days, SQS's own default, written out so that it is visible.
    static let messageRetention: Int64 = 345_600
    /// Fourteen days (the maximum) on dead-letter queues, to leave time to look at failures.
    static let deadLetterRetention: Int64 = 1_209_600

    static func queue(_ q: QueuePlan) -> CFNResource {
        var properties = JSONObject([
            ("QueueName", .string(q.physicalName)),
            ("SqsManagedSseEnabled", true),
            ("VisibilityTimeout", .integer(Int64(q.resource.visibilityTimeout))),
            ("MessageRetentionPeriod", .integer(messageRetention)),
        ])
        if let dlq = q.deadLetter {
            properties["RedrivePolicy"] = CFN.object([
                ("deadLetterTargetArn", CFN.getAtt(dlq.entity.logicalID, "Arn")),
                ("maxReceiveCount", .integer(Int64(dlq.maxReceiveCount))),
            ])
        }
        return CFNResource(
            logicalID: q.entity.logicalID, type: "AWS::SQS::Queue", properties: properties, deletionPolicy: .retain,
            physicalName: q.physicalName, replacingProperties: ["QueueName"],
            source: ModelElement(.resource, q.resource.name))
    }

    static func deadLetterQueue(_ dlq: QueuePlan.DeadLetter, of q: QueuePlan) -> CFNResource {
        CFNResource(
            logicalID: dlq.entity.logicalID, type: "AWS::SQS::Queue",
            properties: JSONObject([
                ("QueueName", .string(dlq.physicalName)),
                ("SqsManagedSseEnabled", true),
                ("MessageRetentionPeriod", .integer(deadLetterRetention)),
            ]),
            deletionPolicy: .retain, physicalName: dlq.physicalName, replacingProperties: ["QueueName"],
            source: ModelElement(.resource, q.resource.name))
    }

    /// Created empty: the value never appears in the spec or any output; the user sets it.
    static func secret(_ s: SecretPlan, plan: AWSPlan) -> CFNResource {
        CFNResource(
            logicalID: s.entity.logicalID, type: "AWS::SecretsManager::Secret",
            properties: JSONObject([
                ("Name", .string(s.physicalName)),
                ("Description", .string(AWSText.secretDescription(s, plan: plan))),
            ]),
            deletionPolicy: .retain, physicalName: s.physicalName, replacingProperties: ["Name"])
    }
}
