import DistlangCore

/// CloudFormation intrinsic functions as plain values (long form, so YAML and JSON are the same
/// document). User text is never placed inside `Fn::Sub`, whose `${...}` it could open.
enum CFN {
    static func ref(_ logicalID: String) -> Value { ["Ref": .string(logicalID)] }

    static func getAtt(_ logicalID: String, _ attribute: String) -> Value {
        ["Fn::GetAtt": [.string(logicalID), .string(attribute)]]
    }

    static func join(_ separator: String, _ parts: [Value]) -> Value {
        ["Fn::Join": [.string(separator), .array(parts)]]
    }

    /// Only for text distlang writes itself (pseudo parameters and logical IDs).
    static func sub(_ template: String) -> Value { ["Fn::Sub": .string(template)] }

    /// An object from ordered pairs.
    static func object(_ pairs: [(String, Value)]) -> Value { .object(JSONObject(pairs)) }

    static func strings(_ items: [String]) -> Value { .array(items.map(Value.string)) }

    /// A reference of the plan in CloudFormation syntax.
    static func value(_ reference: AWSReference) -> Value {
        switch reference {
        case .arn(let e):
            // Ref of a secret is its ARN; every other type gives its ARN through GetAtt.
            return e.kind == .secret ? ref(e.logicalID) : getAtt(e.logicalID, "Arn")
        case .name(let e):
            // Ref gives the name of tables, buckets and functions.
            return e.kind == .queue ? getAtt(e.logicalID, "QueueName") : ref(e.logicalID)
        case .queueURL(let e):
            return ref(e.logicalID)
        case .bucketObjects(let e):
            return join("", [getAtt(e.logicalID, "Arn"), "/*"])
        case .keysIndex(let e):
            return join("", [getAtt(e.logicalID, "Arn"), .string("/index/" + AWSKVLayout.keysIndex)])
        case .logStreams(let e):
            // A log group's GetAtt Arn already ends in ":*" (the ARN of its log streams).
            return getAtt(e.logicalID, "Arn")
        }
    }

    /// An IAM policy document; `scope` says how it reaches the shared resources it names.
    static func policyDocument(_ statements: [AWSPolicyStatement], scope: CFNScope) -> Value {
        object([
            ("Version", "2012-10-17"),
            ("Statement", .array(statements.map { s in
                object([
                    ("Sid", .string(s.sid)), ("Effect", "Allow"), ("Action", strings(s.actions)),
                    ("Resource", .array(s.resources.map(scope.value))),
                ])
            })),
        ])
    }

    /// A trust policy letting one AWS service assume a role.
    static func trustPolicy(service: String) -> Value {
        object([
            ("Version", "2012-10-17"),
            ("Statement", [
                object([
                    ("Effect", "Allow"), ("Principal", ["Service": .string(service)]), ("Action", "sts:AssumeRole"),
                ])
            ]),
        ])
    }
}
