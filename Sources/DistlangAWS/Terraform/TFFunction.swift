import DistlangModel
import DistlangRender

/// One function and everything that belongs to it alone (see `CFNFunction`). Terraform splits
/// the role's inline policy into an `aws_iam_policy_document` data source and an
/// `aws_iam_role_policy`, and each schedule into a rule and a target.
enum TFFunction {
    static func add(_ f: FunctionPlan, plan: AWSPlan, to file: inout TFFile) {
        let source = f.element
        let policyDocument = AWSIdentifiers.terraformIdentifier(f.function.terraformName.name, "access")
        file.add(TFResource(f.role, physicalName: f.roleName, replacing: ["name"], source: source) {
            HCLAttribute("name", .string(f.roleName))
            HCLAttribute("description", .string("Execution role of function \(f.model.name) of \(AWSText.appLabel(plan.model))"))
            HCLAttribute("assume_role_policy", .reference("data", "aws_iam_policy_document", TFRootBuilder.lambdaTrustPolicy, "json"))
        })
        var document = TFResource(type: "aws_iam_policy_document", name: policyDocument, source: source) {
            for s in f.policy {
                HCLBlock("statement") {
                    HCLAttribute("sid", .string(s.sid))
                    HCLAttribute("effect", "Allow")
                    HCLAttribute("actions", TF.strings(s.actions))
                    HCLAttribute("resources", .list(s.resources.map(TF.value)))
                }
            }
        }
        document.isData = true
        file.add(document)
        file.add(TFResource(type: "aws_iam_role_policy", name: f.role.terraformName, replacing: ["name", "role"], source: source) {
            HCLAttribute("name", "access")
            HCLAttribute("role", TF.attribute(f.role, "id"))
            HCLAttribute("policy", .reference("data", "aws_iam_policy_document", policyDocument, "json"))
        })
        file.add(TFResource(f.logGroup, physicalName: f.logGroupName, replacing: ["name"], source: source) {
            HCLAttribute("name", .string(f.logGroupName))
            HCLAttribute("retention_in_days", .integer(Int64(AWSDefaults.logRetentionDays)))
        })
        file.add(function(f))
        if let http = f.http, let api = plan.httpAPI { addHTTP(http, api: api, f, to: &file) }
        for schedule in f.schedules { addSchedule(schedule, f, to: &file) }
        if let consumer = f.consumer {
            file.add(TFResource(consumer.mapping, replacing: ["event_source_arn"], source: source) {
                HCLAttribute("function_name", TF.attribute(f.function, "arn"))
                HCLAttribute("event_source_arn", TF.attribute(consumer.queue, "arn"))
                HCLAttribute("batch_size", .integer(Int64(consumer.batchSize)))
                if let window = consumer.batchingWindow {
                    HCLAttribute("maximum_batching_window_in_seconds", .integer(Int64(window)))
                }
                HCLAttribute("function_response_types", ["ReportBatchItemFailures"])
            })
        }
    }

    static func function(_ f: FunctionPlan) -> TFResource {
        TFResource(f.function, physicalName: f.physicalName, replacing: ["function_name"], source: f.element) {
            HCLAttribute("function_name", .string(f.physicalName))
            HCLAttribute("role", TF.attribute(f.role, "arn"))
            HCLAttribute("runtime", .string(f.runtime))
            HCLAttribute("handler", .string(f.handler))
            HCLAttribute("memory_size", .integer(Int64(f.model.memory)))
            HCLAttribute("timeout", .integer(Int64(f.model.timeout)))
            let zip = HCLExpression.template([
                .interpolation(.reference("path", "module")),
                .literal("/" + AWSCodePaths.zip(f.model.name, from: AWSCodePaths.terraformFolder)),
            ])
            HCLAttribute("filename", zip)
            HCLAttribute("source_code_hash", .call("filebase64sha256", [zip]))
            if !f.environment.isEmpty {
                HCLBlock("environment") {
                    HCLAttribute("variables", .object(f.environment.map { HCLObjectItem($0.name, TF.value($0.value)) }))
                }
            }
            HCLBlock("logging_config") {
                HCLAttribute("log_format", "Text")
                HCLAttribute("log_group", TF.attribute(f.logGroup, "name"))
            }
            // The policy is a separate resource: without this, the function (and its event source
            // mapping, which AWS checks against the role) could be created before it.
            HCLAttribute("depends_on", .list([
                .traversal(HCLTraversal("aws_iam_role_policy", attributes: [f.role.terraformName]))
            ]))
        }
    }

    static func addHTTP(_ http: HTTPPlan, api: HTTPAPIPlan, _ f: FunctionPlan, to file: inout TFFile) {
        file.add(TFResource(http.integration, replacing: ["api_id"], source: f.element) {
            HCLAttribute("api_id", TF.attribute(api.api, "id"))
            HCLAttribute("integration_type", "AWS_PROXY")
            HCLAttribute("integration_uri", TF.attribute(f.function, "invoke_arn"))
            HCLAttribute("payload_format_version", "2.0")
        })
        for route in http.routes {
            file.add(TFResource(route.entity, replacing: ["api_id"], source: f.element) {
                HCLAttribute("api_id", TF.attribute(api.api, "id"))
                HCLAttribute("route_key", .string(route.routeKey))
                HCLAttribute("target", .template([.literal("integrations/"), .interpolation(TF.attribute(http.integration, "id"))]))
            })
        }
        file.add(permission(
            http.permission, f, statementID: "AllowHttpApi", principal: "apigateway.amazonaws.com",
            sourceArn: .template([.interpolation(TF.attribute(api.api, "execution_arn")), .literal("/*/*")])))
    }

    static func addSchedule(_ s: SchedulePlan, _ f: FunctionPlan, to file: inout TFFile) {
        file.add(TFResource(s.rule, physicalName: s.ruleName, replacing: ["name"], source: f.element) {
            HCLAttribute("name", .string(s.ruleName))
            HCLAttribute("description", .string(AWSText.scheduleDescription(s, function: f.model.name)))
            HCLAttribute("schedule_expression", .string(s.expression))
            HCLAttribute("state", "ENABLED")
        })
        file.add(TFResource(type: "aws_cloudwatch_event_target", name: s.rule.terraformName, replacing: ["rule", "target_id"], source: f.element) {
            HCLAttribute("rule", TF.attribute(s.rule, "name"))
            HCLAttribute("target_id", "function")
            HCLAttribute("arn", TF.attribute(f.function, "arn"))
        })
        file.add(permission(
            s.permission, f, statementID: "AllowSchedule" + s.hash,
            principal: "events.amazonaws.com", sourceArn: TF.attribute(s.rule, "arn")))
    }

    static func permission(
        _ entity: AWSEntity, _ f: FunctionPlan, statementID: String, principal: String, sourceArn: HCLExpression
    ) -> TFResource {
        TFResource(entity, replacing: ["statement_id", "action", "function_name", "principal", "source_arn"], source: f.element) {
            HCLAttribute("statement_id", .string(statementID))
            HCLAttribute("action", "lambda:InvokeFunction")
            HCLAttribute("function_name", TF.attribute(f.function, "function_name"))
            HCLAttribute("principal", .string(principal))
            HCLAttribute("source_arn", sourceArn)
        }
    }
}
