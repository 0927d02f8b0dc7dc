import DistlangModel

/// Lines for the build summary: what the user must do before deploying, and where AWS behaves
/// differently from the spec's words.
enum AWSNotes {
    /// What is left to do in every environment built, each said once: secret values, and queues
    /// without a dead-letter queue. Deploying is `distlang deploy`'s (docs/deploy.md), so no note
    /// tells how to package, upload or pass capabilities.
    static func notes(_ plans: [AWSPlan]) -> [String] {
        var notes: [String] = []
        let secrets = plans.flatMap(\.secrets)
        if !secrets.isEmpty {
            let names = unique(secrets.map(\.name).sorted())
            notes.append(
                "aws: secrets are created empty; `distlang deploy --target aws` sets each from the environment variable of its name (\(names.joined(separator: ", "))), or set them with aws secretsmanager put-secret-value --secret-id <name>: \(unique(secrets.map(\.physicalName)).joined(separator: ", "))")
        }
        var withoutDeadLetter: [String] = []
        for plan in plans {
            for q in plan.queues where q.deadLetter == nil { withoutDeadLetter.append(q.resource.name) }
        }
        for queue in unique(withoutDeadLetter) {
            notes.append(
                "aws: queue \(queue) has no dead-letter queue, so SQS redelivers a failing message until it expires after 4 days (max_retries applies only with dead_letter on AWS)")
        }
        return notes
    }

    /// A template too large to pass inline: said for each such file.
    static func templateSizes(_ plan: AWSPlan, _ sizes: [(path: String, bytes: Int)]) -> [String] {
        sizes.filter { $0.bytes > CloudFormationLimits.inlineBodyBytes && $0.bytes <= CloudFormationLimits.bodyBytes }.map { file in
            "aws \(plan.model.environment): \(file.path) is \(file.bytes) bytes, over the \(CloudFormationLimits.inlineBodyBytes) bytes CloudFormation takes inline: deploy it through S3 (distlang deploy does; by hand, aws cloudformation deploy --s3-bucket ...)"
        }
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    /// Why and how an environment is split, and how to deploy the split.
    static func nestedStacks(_ nested: CFNNestedStacks, over: [String], parentPath: String, format: CloudFormationFormat) -> String {
        let env = nested.plan.model.environment
        var note = "aws \(env): one template would have \(over.joined(separator: ", ")), so the functions are split into \(nested.children.count) nested stacks (\(env).functions*.\(format.rawValue)) under the parent \(parentPath): `distlang deploy --target aws` packages and deploys them (aws cloudformation package, then deploy; docs/deploy.md)"
        if let stores = nested.stores {
            note += "; the parent cannot also hold every data store, so the tables, buckets, queues and secrets are in \(stores.children.count) nested stacks of their own (\(env).stores*.\(format.rawValue))"
        }
        if !nested.childOutputs {
            note += "; the parent does not repeat each nested stack's FunctionNames output, which would pass CloudFormation's 200 outputs: read them from the nested stacks"
        }
        return note
    }
}
