import DistlangModel
import DistlangRender

/// Tables, buckets, queues and secrets as `hashicorp/aws` resources, with the same secure
/// defaults as the CloudFormation template (`CFNStores`).
enum TFStores {
    static func add(_ plan: AWSPlan, to file: inout TFFile) {
        for t in plan.tables { file.add(table(t)) }
        for b in plan.buckets { for r in bucket(b) { file.add(r) } }
        for q in plan.queues {
            if let dlq = q.deadLetter { file.add(deadLetterQueue(dlq, of: q)) }
            file.add(queue(q))
        }
        for s in plan.secrets { file.add(secret(s, plan: plan)) }
    }

    static func table(_ t: StorePlan) -> TFResource {
        TFResource(
            t.entity, physicalName: t.physicalName, replacing: ["name", "hash_key"],
            source: ModelElement(.resource, t.resource.name), isStateful: true
        ) {
            HCLAttribute("name", .string(t.physicalName))
            HCLAttribute("billing_mode", "PAY_PER_REQUEST")
            HCLAttribute("hash_key", .string(AWSKVLayout.partitionKey))
            for name in [AWSKVLayout.partitionKey, AWSKVLayout.listPartition] {
                HCLBlock("attribute") {
                    HCLAttribute("name", .string(name))
                    HCLAttribute("type", "S")
                }
            }
            HCLBlock("global_secondary_index") {
                HCLAttribute("name", .string(AWSKVLayout.keysIndex))
                HCLAttribute("hash_key", .string(AWSKVLayout.listPartition))
                HCLAttribute("range_key", .string(AWSKVLayout.partitionKey))
                HCLAttribute("projection_type", "INCLUDE")
                HCLAttribute("non_key_attributes", TF.strings([AWSKVLayout.expiration, AWSKVLayout.metadata]))
            }
            HCLBlock("ttl") {
                HCLAttribute("attribute_name", .string(AWSKVLayout.expiration))
                HCLAttribute("enabled", true)
            }
            HCLBlock("server_side_encryption") { HCLAttribute("enabled", true) }
            HCLBlock("point_in_time_recovery") { HCLAttribute("enabled", true) }
            TF.preventDestroy
        }
    }

    /// The bucket and its four companion resources (the provider's split S3 resources).
    static func bucket(_ b: StorePlan) -> [TFResource] {
        let source = ModelElement(.resource, b.resource.name)
        let id = TF.attribute(b.entity, "id")
        func part(_ type: HCLIdentifier, @HCLBodyBuilder _ body: () -> [HCLBodyItem]) -> TFResource {
            TFResource(type: type, name: b.entity.terraformName, replacing: ["bucket"], source: source) {
                HCLAttribute("bucket", id)
                body()
            }
        }
        return [
            TFResource(b.entity, physicalName: b.physicalName, replacing: ["bucket"], source: source, isStateful: true) {
                HCLAttribute("bucket", .string(b.physicalName))
                TF.preventDestroy
            },
            part("aws_s3_bucket_public_access_block") {
                HCLAttribute("block_public_acls", true)
                HCLAttribute("block_public_policy", true)
                HCLAttribute("ignore_public_acls", true)
                HCLAttribute("restrict_public_buckets", true)
            },
            part("aws_s3_bucket_server_side_encryption_configuration") {
                HCLBlock("rule") {
                    HCLBlock("apply_server_side_encryption_by_default") { HCLAttribute("sse_algorithm", "AES256") }
                }
            },
            part("aws_s3_bucket_ownership_controls") {
                HCLBlock("rule") { HCLAttribute("object_ownership", "BucketOwnerEnforced") }
            },
            part("aws_s3_bucket_versioning") {
                HCLBlock("versioning_configuration") {
                    HCLAttribute("status", .string(b.resource.versioning ? "Enabled" : "Suspended"))
                }
            },
        ]
    }

    static func queue(_ q: QueuePlan) -> TFResource {
        TFResource(
            q.entity, physicalName: q.physicalName, replacing: ["name"], source: ModelElement(.resource, q.resource.name),
            isStateful: true
        ) {
            HCLAttribute("name", .string(q.physicalName))
            HCLAttribute("sqs_managed_sse_enabled", true)
            HCLAttribute("visibility_timeout_seconds", .integer(Int64(q.resource.visibilityTimeout)))
            HCLAttribute("message_retention_seconds", .integer(CFNStores.messageRetention))
            if let dlq = q.deadLetter {
                HCLAttribute("redrive_policy", .call("jsonencode", [
                    .object([
                        HCLObjectItem("deadLetterTargetArn", TF.attribute(dlq.entity, "arn")),
                        HCLObjectItem("maxReceiveCount", .integer(Int64(dlq.maxReceiveCount))),
                    ])
                ]))
            }
            TF.preventDestroy
        }
    }

    static func deadLetterQueue(_ dlq: QueuePlan.DeadLetter, of q: QueuePlan) -> TFResource {
        TFResource(
            dlq.entity, physicalName: dlq.physicalName, replacing: ["name"],
            source: ModelElement(.resource, q.resource.name), isStateful: true
        ) {
            HCLAttribute("name", .string(dlq.physicalName))
            HCLAttribute("sqs_managed_sse_enabled", true)
            HCLAttribute("message_retention_seconds", .integer(CFNStores.deadLetterRetention))
            TF.preventDestroy
        }
    }

    static func secret(_ s: SecretPlan, plan: AWSPlan) -> TFResource {
        TFResource(s.entity, physicalName: s.physicalName, replacing: ["name"], isStateful: true) {
            HCLAttribute("name", .string(s.physicalName))
            HCLAttribute("description", .string(AWSText.secretDescription(s, plan: plan)))
            TF.preventDestroy
        }
    }
}
