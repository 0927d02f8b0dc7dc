import DistlangModel

/// Lines for the build summary: what the user must do before deploying, and where AWS behaves
/// differently from the spec's words.
enum AWSNotes {
    static func notes(_ plan: AWSPlan, templateSizes: [(path: String, bytes: Int)]) -> [String] {
        let env = plan.model.environment
        var notes: [String] = []
        if plan.model.targets.outputs(.aws).contains(.cloudformation) {
            notes.append("aws \(env): the template names its IAM roles: deploy it with --capabilities CAPABILITY_NAMED_IAM")
        }
        if !plan.secrets.isEmpty {
            notes.append(
                "aws \(env): secrets are created empty; set each value with aws secretsmanager put-secret-value --secret-id <name>: \(plan.secrets.map(\.physicalName).joined(separator: ", "))")
        }
        for q in plan.queues where q.deadLetter == nil {
            notes.append(
                "aws \(env): queue \(q.resource.name) has no dead-letter queue, so SQS redelivers a failing message until it expires after 4 days (max_retries applies only with dead_letter on AWS)")
        }
        for file in templateSizes where file.bytes > CloudFormationLimits.inlineBodyBytes && file.bytes <= CloudFormationLimits.bodyBytes {
            notes.append(
                "aws \(env): \(file.path) is \(file.bytes) bytes, over the \(CloudFormationLimits.inlineBodyBytes) bytes CloudFormation takes inline: deploy it through S3 (aws cloudformation deploy --s3-bucket ...)")
        }
        return notes
    }

    /// Why and how an environment is split, and how to deploy the split.
    static func nestedStacks(_ nested: CFNNestedStacks, over: [String], parentPath: String, format: CloudFormationFormat) -> String {
        let env = nested.plan.model.environment
        var note = "aws \(env): one template would have \(over.joined(separator: ", ")), so the functions are split into \(nested.children.count) nested stacks (\(env).functions*.\(format.rawValue)) under the parent \(parentPath): deploy with aws cloudformation package --template-file \(parentPath) --s3-bucket <bucket> --output-template-file <packaged>, then aws cloudformation deploy --template-file <packaged> --capabilities CAPABILITY_NAMED_IAM (docs/targets/aws.md)"
        if let stores = nested.stores {
            note += "; the parent cannot also hold every data store, so the tables, buckets, queues and secrets are in \(stores.children.count) nested stacks of their own (\(env).stores*.\(format.rawValue))"
        }
        if !nested.childOutputs {
            note += "; the parent does not repeat each nested stack's FunctionNames output, which would pass CloudFormation's 200 outputs: read them from the nested stacks"
        }
        return note
    }
}
