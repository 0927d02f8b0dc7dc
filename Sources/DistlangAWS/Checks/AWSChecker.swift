import DistlangCore
import DistlangModel

/// Everything AWS cannot build as an environment's model asks, in one place: the spec compiler runs
/// it at validate time (so each finding gets file:line:col), and the emitter only ever sees models
/// it passed. See docs/targets/aws.md §4 for the list.
public struct AWSChecker: TargetChecker {
    public var target: TargetKind { .aws }
    /// The day the runtime lifecycle is judged on, `YYYY-MM-DD`.
    public var today: String

    public init(today: String) {
        self.today = today
    }

    public func check(_ model: AppModel) -> [TargetFinding] {
        let plan = AWSPlanner.plan(model)
        var out: [TargetFinding] = []
        for resource in model.resources {
            if resource.kind == .database {
                out.append(.error(
                    "aws.unsupported",
                    "database \(resource.name) cannot be built for aws: AWS has no serverless SQLite (Cloudflare D1 has no AWS equivalent in v1)",
                    at: .resource(resource.name, "type"),
                    hint: "build this app for cloudflare only, or remove the database from the aws environments"))
            }
        }
        for bucket in plan.buckets { out += bucketName(bucket) }
        for queue in plan.queues {
            if let consumer = model.consumer(of: queue.resource.name), consumer.timeout > queue.resource.visibilityTimeout {
                out.append(.error(
                    "aws.queue-visibility",
                    "queue \(queue.resource.name) hides a received message for \(queue.resource.visibilityTimeout) s, less than the \(consumer.timeout) s timeout of its consumer \(consumer.name); AWS refuses such an event source mapping",
                    at: .resource(queue.resource.name, "visibility_timeout"), .resource(queue.resource.name),
                    hint: "set visibility_timeout to at least \(consumer.timeout) (AWS recommends six times the function timeout)"))
            }
        }
        for f in plan.functions { out += function(f) }
        out += routeClashes(plan)
        return out
    }

    // MARK: Functions

    func function(_ f: FunctionPlan) -> [TargetFinding] {
        let function = f.model
        var out = AWSRuntimes.findings(for: function, today: today)
        for (i, schedule) in function.schedules.enumerated() where schedule.eventBridgeExpression == nil {
            out.append(.error(
                "aws.unsupported",
                "the schedule \"\(schedule.expression)\" restricts both the day of the month and the day of the week, which an EventBridge cron expression cannot say",
                at: .function(function.name, "schedule", String(i)), .function(function.name, "schedule"),
                hint: "split it into two schedules, one per day field"))
        }
        out += environmentFindings(f)
        if f.handler.utf8.count > 128 {
            out.append(.error(
                "aws.handler",
                "the Lambda handler \(f.handler) is longer than Lambda's 128 characters",
                at: .function(function.name, "source")))
        }
        return out
    }

    /// The Lambda environment: the spec's `env` beside the variables distlang generates
    /// (`AWSPlanner.environment`, the one place their names are decided).
    func environmentFindings(_ f: FunctionPlan) -> [TargetFinding] {
        let function = f.model
        var out: [TargetFinding] = []
        let generated = Set(f.environment.compactMap { item -> String? in
            if case .reference = item.value { return item.name } else { return nil }
        })
        var size = 0
        for variable in function.env {
            let pointer = JSONPointer.function(function.name, "env", variable.name)
            if generated.contains(variable.name) {
                out.append(TargetFinding(
                    .error, "aws.env-conflict",
                    "\(variable.name) is the name of the variable distlang generates on AWS for a resource or secret this function uses",
                    at: [pointer], atKey: true, hint: "rename it"))
            } else {
                size += variable.name.utf8.count + variable.value.utf8.count
            }
            if Self.reservedEnvironmentNames.contains(variable.name) {
                out.append(TargetFinding(.error, "aws.env-reserved", "\(variable.name) is reserved by AWS Lambda", at: [pointer], atKey: true))
            } else if !Self.isValidEnvironmentName(variable.name) {
                out.append(TargetFinding(
                    .error, "aws.env-name",
                    "\"\(variable.name)\" is not a valid AWS Lambda variable name: use a letter, then one or more letters, digits or underscores",
                    at: [pointer], atKey: true))
            }
            if variable.value.contains("{{resolve:") {
                out.append(.error(
                    "aws.env-dynamic-reference",
                    "the value contains \"{{resolve:\", which CloudFormation would replace with the value of a parameter or secret",
                    at: pointer, hint: "declare a secret under secrets instead"))
            }
        }
        for (name, _) in f.environment where generated.contains(name) { size += name.utf8.count }
        if size > 4096 {
            out.append(.error(
                "aws.env-size",
                "the environment variables of function \(function.name) take \(size) bytes (names and values, without the resource names distlang adds), more than AWS Lambda's 4 KB",
                at: .function(function.name, "env"), .function(function.name)))
        }
        return out
    }

    // MARK: Names

    /// S3 reserves some bucket name prefixes and suffixes (limits.md §2).
    func bucketName(_ bucket: StorePlan) -> [TargetFinding] {
        let name = bucket.physicalName
        let prefix = Self.s3ReservedPrefixes.first { name.hasPrefix($0) }
        let suffix = Self.s3ReservedSuffixes.first { name.hasSuffix($0) }
        guard let reserved = prefix ?? suffix else { return [] }
        return [TargetFinding(
            .error, "aws.unsupported",
            "the S3 bucket name \(name) cannot be built for aws: S3 reserves names \(prefix != nil ? "starting" : "ending") with \"\(reserved)\"",
            at: [.resource(bucket.resource.name)], atKey: true, hint: "rename the app or the bucket")]
    }

    static let s3ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    static let s3ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3"]

    /// One HTTP API per environment: a route key can lead to one function only.
    func routeClashes(_ plan: AWSPlan) -> [TargetFinding] {
        var owners: [String: [String]] = [:], order: [String] = []
        for f in plan.functions {
            for route in f.http?.routes ?? [] {
                if owners[route.routeKey] == nil { order.append(route.routeKey) }
                owners[route.routeKey, default: []].append(f.model.name)
            }
        }
        return order.compactMap { key in
            guard let names = owners[key], names.count > 1 else { return nil }
            return .error(
                "aws.route-conflict",
                "the route \(key) is served by functions \(names.joined(separator: " and ")); an environment's HTTP API can send it to one only",
                at: .function(names[1], "http"))
        }
    }

    static func isValidEnvironmentName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= 2, scalars[0].isASCII, scalars[0].properties.isAlphabetic else { return false }
        return scalars.dropFirst().allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// Lambda's reserved names (cfn-lint 1.51.0 rule E3663, from the Lambda documentation).
    static let reservedEnvironmentNames: Set<String> = [
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
        "LAMBDA_RUNTIME_DIR",
    ]
}
