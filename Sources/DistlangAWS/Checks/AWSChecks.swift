import DistlangCore
import DistlangModel

/// What the AWS target cannot build as the model asks, reported instead of dropped or left for
/// the deployment to fail on. The spec stage reports most of these at validate time too; the
/// emitter checks again so that no model reaches AWS half-translated.
enum AWSChecks {
    static func model(_ model: AppModel, plan: AWSPlan) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let env = "environment \(model.environment)"
        for resource in model.resources where resource.kind == .database {
            out.append(.error(
                "aws.unsupported", "\(env): database \(resource.name) cannot be built on AWS: AWS has no serverless SQLite (D1) equivalent",
                pointer: JSONPointer(tokens: ["resources", resource.name])))
        }
        for queue in plan.queues {
            if let consumer = model.consumer(of: queue.resource.name), consumer.timeout > queue.resource.visibilityTimeout {
                out.append(.error(
                    "aws.queue-visibility",
                    "\(env): queue \(queue.resource.name) hides a received message for \(queue.resource.visibilityTimeout) s, less than the \(consumer.timeout) s timeout of its consumer \(consumer.name); AWS refuses such an event source mapping",
                    pointer: JSONPointer(tokens: ["resources", queue.resource.name, "visibility_timeout"]),
                    hint: "set visibility_timeout to at least \(consumer.timeout) (AWS recommends six times the function timeout)"))
            }
        }
        for (function, f) in zip(model.functions, plan.functions) {
            out += self.function(function, f, env: env)
        }
        out += routeClashes(plan, env: env)
        return out
    }

    /// One HTTP API per environment: a route key can lead to one function only.
    static func routeClashes(_ plan: AWSPlan, env: String) -> [Diagnostic] {
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
                "\(env): the route \(key) is served by functions \(names.joined(separator: " and ")); the environment's HTTP API can send it to one only",
                pointer: JSONPointer(tokens: ["functions", names[1], "http"]))
        }
    }

    static func function(_ function: FunctionModel, _ f: FunctionPlan, env: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let base = JSONPointer(tokens: ["functions", function.name])
        if function.runtime == .nodejs20 {
            out.append(.warning(
                "aws.runtime-deprecated",
                "\(env): function \(function.name) uses nodejs20 (nodejs20.x), which AWS deprecated on 2026-04-30; creating functions with it is blocked from 2026-06-01 and updating them from 2026-07-01",
                pointer: base.appending("runtime"), hint: "use runtime nodejs22"))
        }
        for schedule in function.schedules where schedule.eventBridgeExpression == nil {
            out.append(.error(
                "aws.unsupported",
                "\(env): function \(function.name): the schedule \"\(schedule.expression)\" restricts both the day of the month and the day of the week, which an EventBridge cron expression cannot say",
                pointer: base.appending("schedule"), hint: "split it into two schedules, one per day field"))
        }
        let generated = Set(f.environment.compactMap { item -> String? in
            if case .reference = item.value { return item.name } else { return nil }
        })
        var literalSize = 0
        for variable in function.env {
            let pointer = base.appending("env").appending(variable.name)
            if generated.contains(variable.name) {
                out.append(.error(
                    "aws.env-conflict",
                    "\(env): function \(function.name): env \(variable.name) has the name distlang gives the variable naming a resource or secret on AWS",
                    pointer: pointer, hint: "rename it"))
            } else {
                literalSize += variable.name.utf8.count + variable.value.utf8.count
            }
            if reservedEnvironmentNames.contains(variable.name) {
                out.append(.error(
                    "aws.env-reserved", "\(env): function \(function.name): env \(variable.name) is reserved by AWS Lambda",
                    pointer: pointer))
            } else if !isValidEnvironmentName(variable.name) {
                out.append(.error(
                    "aws.env-name",
                    "\(env): function \(function.name): env name \"\(variable.name)\" is not valid on AWS Lambda, which needs a letter then one or more letters, digits or underscores",
                    pointer: pointer))
            }
            if variable.value.contains("{{resolve:") {
                out.append(.error(
                    "aws.env-dynamic-reference",
                    "\(env): function \(function.name): env \(variable.name) contains \"{{resolve:\", which CloudFormation would replace with the value of a parameter or secret",
                    pointer: pointer, hint: "declare a secret under secrets instead"))
            }
        }
        for (name, _) in f.environment where generated.contains(name) { literalSize += name.utf8.count }
        if literalSize > 4096 {
            out.append(.error(
                "aws.env-size",
                "\(env): function \(function.name): its environment variables take \(literalSize) bytes (names and values, without the resource names distlang adds), more than AWS Lambda's 4 KB",
                pointer: base.appending("env")))
        }
        if f.handler.utf8.count > 128 {
            out.append(.error(
                "aws.handler",
                "\(env): function \(function.name): the Lambda handler \(f.handler) (from source and handler) is longer than Lambda's 128 characters",
                pointer: base.appending("source")))
        }
        if f.handler.contains("{{resolve:") {
            out.append(.error(
                "aws.handler", "\(env): function \(function.name): the handler \(f.handler) contains \"{{resolve:\"",
                pointer: base.appending("handler")))
        }
        return out
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

    /// Names that must be unique in one output but are not: each is an error naming the
    /// identifier (two model names that map onto the same logical ID or Terraform name).
    static func duplicates(_ names: [String], what: String, env: String) -> [Diagnostic] {
        var seen = Set<String>(), reported = Set<String>()
        var out: [Diagnostic] = []
        for name in names where !seen.insert(name).inserted && reported.insert(name).inserted {
            out.append(.error(
                "aws.duplicate-name",
                "environment \(env): two parts of the app map onto the same \(what) \(name); rename one of the functions, resources or secrets"))
        }
        return out
    }
}
