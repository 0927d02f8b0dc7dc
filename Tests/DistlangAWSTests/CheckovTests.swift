import Foundation
import Testing
import TestSupport

/// checkov (tools/checkov/build.sh, offline with --skip-download) over every generated Terraform
/// root and CloudFormation template in one run.
///
/// Each security check below must be evaluated (it appears among the passed checks) and never
/// fail; every other check that fails must be one judged not applicable, with the reason given
/// here and in docs/targets/aws.md. A new failing check fails this test until it is fixed or
/// judged.
@Suite(.serialized) struct CheckovTests {
    /// Public buckets, encryption, IAM wildcards, log retention, and the other controls distlang
    /// sets by default. (framework -> check IDs)
    static let required: [String: Set<String>] = [
        "terraform": [
            // public buckets, ACLs
            "CKV2_AWS_6", "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV2_AWS_65", "CKV_AWS_20", "CKV_AWS_57",
            // encryption at rest, backups
            "CKV_AWS_19", "CKV_AWS_27", "CKV_AWS_28",
            // IAM: no wildcard action or resource, no escalation, trust limited to a service
            "CKV_AWS_1", "CKV_AWS_49", "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_356", "CKV_AWS_107", "CKV_AWS_108",
            "CKV_AWS_109", "CKV_AWS_110", "CKV_AWS_111", "CKV_AWS_60", "CKV_AWS_61", "CKV_AWS_283", "CKV2_AWS_40",
            // logs and access logs
            "CKV_AWS_66", "CKV_AWS_76",
            // Lambda: invoke permissions scoped to one source, not public, no secrets in env, runtime
            "CKV_AWS_364", "CKV_AWS_301", "CKV_AWS_45", "CKV_AWS_363",
        ],
        "cloudformation": [
            "CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56", "CKV_AWS_20", "CKV_AWS_57",
            "CKV_AWS_19", "CKV_AWS_28",
            "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_107", "CKV_AWS_108", "CKV_AWS_109", "CKV_AWS_110", "CKV_AWS_111",
            "CKV_AWS_60", "CKV_AWS_61",
            "CKV_AWS_66", "CKV_AWS_95",
            "CKV_AWS_364", "CKV_AWS_45", "CKV_AWS_363",
        ],
    ]

    /// Checks judged not applicable, with the reason (also in docs/targets/aws.md).
    static let notApplicable: [String: String] = [
        "CKV_AWS_18": "S3 access logging needs a second, log bucket per app; not part of spec v1 (CloudTrail data events are the account-wide alternative)",
        "CKV_AWS_21": "versioning is the spec's choice (versioning: true); buckets without it are Suspended on purpose",
        "CKV_AWS_144": "cross-region replication is not part of spec v1",
        "CKV_AWS_145": "buckets use SSE-S3 (AES256); SSE-KMS with a customer key is not part of spec v1",
        "CKV2_AWS_61": "object lifecycle rules are the app's data-retention decision; not part of spec v1",
        "CKV2_AWS_62": "S3 event notifications are a feature, not a security control",
        "CKV_AWS_119": "DynamoDB uses the AWS-managed KMS key (SSEEnabled); customer-managed keys are not part of spec v1",
        "CKV_AWS_149": "Secrets Manager uses the AWS-managed key; customer-managed keys are not part of spec v1",
        "CKV2_AWS_57": "secret values are set by the user (third-party API keys); there is no rotation function to attach",
        "CKV_AWS_158": "log groups use CloudWatch's own encryption; a customer-managed KMS key is not part of spec v1",
        "CKV_AWS_338": "log retention is 30 days by decision (cost, and logs hold personal data); one year is a compliance choice",
        "CKV_AWS_50": "X-Ray tracing needs xray:PutTraceSegments on \"*\", which the no-wildcard-resource rule forbids",
        "CKV_AWS_115": "reserved concurrency is not part of spec v1; reserving it takes capacity from the account's shared pool",
        "CKV_AWS_116": "an asynchronous-invocation DLQ is not part of spec v1; queue consumers get SQS redrive to the queue's DLQ",
        "CKV_AWS_117": "functions reach only AWS APIs; a VPC would need NAT or endpoints and adds cold-start latency",
        "CKV_AWS_173": "environment variables are encrypted with the AWS-managed key; secrets are not in them (Secrets Manager ARNs only)",
        "CKV_AWS_272": "code signing needs a signing profile; not part of spec v1",
        "CKV_AWS_309": "spec v1 HTTP routes are public by design (authentication is the function's concern)",
    ]

    /// Not applicable in one framework only.
    static let notApplicableCloudFormation: [String: String] = [
        "CKV_AWS_27": "checkov's CloudFormation check only accepts KmsMasterKeyId; queues use SqsManagedSseEnabled: true (SSE-SQS), which the Terraform check CKV_AWS_27 accepts and sqsQueuesAreEncrypted verifies on every template",
    ]

    @Test func securityChecksPass() throws {
        guard let checkov = Checkers.checkov else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "checkov is not installed: run tools/checkov/build.sh") }
            return
        }
        let corpus = try AWSCorpus.writeAll()
        let result = CommandRunner.run(
            checkov,
            ["--skip-download", "--framework", "terraform", "cloudformation", "-o", "json", "--compact", "-d", corpus.root],
            environment: ["BC_SKIP_MAPPING": "TRUE", "CHECKOV_NO_OUTPUT_TRUNCATION": "1"], timeout: 300)
        #expect(!result.timedOut)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let reports = (json as? [[String: Any]]) ?? [(json as? [String: Any]) ?? [:]]
        #expect(Set(reports.compactMap { $0["check_type"] as? String }) == ["terraform", "cloudformation"], "\(result.stderr)")
        for report in reports {
            let framework = report["check_type"] as? String ?? "?"
            let summary = report["summary"] as? [String: Any] ?? [:]
            #expect(summary["parsing_errors"] as? Int == 0, "\(framework): \(summary)")
            #expect((summary["resource_count"] as? Int ?? 0) > 20, "\(framework): \(summary)")
            let results = report["results"] as? [String: Any] ?? [:]
            let passed = Set((results["passed_checks"] as? [[String: Any]] ?? []).compactMap { $0["check_id"] as? String })
            let failed = results["failed_checks"] as? [[String: Any]] ?? []
            let allowed = Set(Self.notApplicable.keys).union(framework == "cloudformation" ? Set(Self.notApplicableCloudFormation.keys) : [])
            for check in failed {
                let id = check["check_id"] as? String ?? "?"
                #expect(allowed.contains(id), "\(framework): \(id) failed on \(check["resource"] ?? "?") in \(check["file_path"] ?? "?"): \(check["check_name"] ?? "")")
            }
            let required = Self.required[framework] ?? []
            #expect(required.subtracting(passed).isEmpty, "\(framework): not evaluated: \(required.subtracting(passed).sorted())")
            #expect(required.isDisjoint(with: allowed))
        }
    }

    /// Stands in for checkov's CloudFormation CKV_AWS_27: every queue of every template is encrypted.
    @Test func sqsQueuesAreEncrypted() throws {
        var queues = 0
        for entry in AWSCorpus.entries {
            for file in AWSOutputs.templates(entry.output, "json") {
                let doc = try #require(try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
                for case let r as [String: Any] in (doc["Resources"] as? [String: Any] ?? [:]).values
                where r["Type"] as? String == "AWS::SQS::Queue" {
                    #expect((r["Properties"] as? [String: Any])?["SqsManagedSseEnabled"] as? Bool == true)
                    queues += 1
                }
            }
        }
        #expect(queues >= 2)
    }
}
