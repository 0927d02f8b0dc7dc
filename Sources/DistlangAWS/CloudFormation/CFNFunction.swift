import DistlangCore
import DistlangModel

/// One function and everything that belongs to it alone: execution role with its inline policy,
/// log group, the Lambda function, HTTP integration + routes + invoke permission, schedule rules +
/// invoke permissions, and the event source mapping of the queue it consumes. Every logical ID
/// starts with the function's own prefix, so the group can move to a nested stack as a whole;
/// `scope` says how the group reaches the shared resources (in the same template, or through a
/// nested stack's parameters), and nothing else about it changes when it moves.
enum CFNFunction {
    static func add(_ f: FunctionPlan, plan: AWSPlan, scope: CFNScope = .local, to template: inout CFNTemplate) {
        let source = f.element
        template.add(CFNResource(
            logicalID: f.role.logicalID, type: "AWS::IAM::Role",
            properties: JSONObject([
                ("RoleName", .string(f.roleName)),
                ("Description", .string("Execution role of function \(f.model.name) of \(AWSText.appLabel(plan.model))")),
                ("AssumeRolePolicyDocument", CFN.trustPolicy(service: "lambda.amazonaws.com")),
                ("Policies", [CFN.object([("PolicyName", "access"), ("PolicyDocument", CFN.policyDocument(f.policy, scope: scope))])]),
            ]),
            physicalName: f.roleName, replacingProperties: ["RoleName"], source: source))
        template.add(CFNResource(
            logicalID: f.logGroup.logicalID, type: "AWS::Logs::LogGroup",
            properties: JSONObject([
                ("LogGroupName", .string(f.logGroupName)),
                ("RetentionInDays", .integer(Int64(AWSDefaults.logRetentionDays))),
            ]),
            deletionPolicy: .delete, physicalName: f.logGroupName, replacingProperties: ["LogGroupName"], source: source))
        template.add(function(f, scope: scope))
        if let http = f.http, let api = plan.httpAPI { addHTTP(http, apiName: scope.apiName(api), f, to: &template) }
        for schedule in f.schedules { addSchedule(schedule, f, to: &template) }
        if let consumer = f.consumer {
            var properties = JSONObject([
                ("FunctionName", CFN.ref(f.function.logicalID)),
                ("EventSourceArn", scope.value(.arn(consumer.queue))),
                ("BatchSize", .integer(Int64(consumer.batchSize))),
            ])
            if let window = consumer.batchingWindow {
                properties["MaximumBatchingWindowInSeconds"] = .integer(Int64(window))
            }
            properties["FunctionResponseTypes"] = ["ReportBatchItemFailures"]
            template.add(CFNResource(
                logicalID: consumer.mapping.logicalID, type: "AWS::Lambda::EventSourceMapping", properties: properties,
                replacingProperties: ["EventSourceArn"], source: source))
        }
        template.output(
            f.function.logicalID + "Name", CFN.ref(f.function.logicalID), description: "Name of function \(f.model.name)")
    }

    static func function(_ f: FunctionPlan, scope: CFNScope) -> CFNResource {
        var properties = JSONObject([
            ("FunctionName", .string(f.physicalName)),
            ("Runtime", .string(f.runtime)),
            ("Handler", .string(f.handler)),
            ("MemorySize", .integer(Int64(f.model.memory))),
            ("Timeout", .integer(Int64(f.model.timeout))),
            ("Role", CFN.getAtt(f.role.logicalID, "Arn")),
            ("Code", .string(AWSCodePaths.zip(f.model.name, from: AWSCodePaths.cloudFormationFolder))),
            ("LoggingConfig", CFN.object([("LogFormat", "Text"), ("LogGroup", CFN.ref(f.logGroup.logicalID))])),
        ])
        if !f.environment.isEmpty {
            properties["Environment"] = [
                "Variables": .object(JSONObject(f.environment.map { ($0.name, scope.value($0.value)) }))
            ]
        }
        return CFNResource(
            logicalID: f.function.logicalID, type: "AWS::Lambda::Function", properties: properties,
            physicalName: f.physicalName, replacingProperties: ["FunctionName"], source: f.element,
            metadata: CFNNestedStacks.packageOnly)
    }

    /// `apiName`: the logical name whose `Ref` is the API's ID (the API, or a nested stack's parameter).
    static func addHTTP(_ http: HTTPPlan, apiName: String, _ f: FunctionPlan, to template: inout CFNTemplate) {
        template.add(CFNResource(
            logicalID: http.integration.logicalID, type: "AWS::ApiGatewayV2::Integration",
            properties: JSONObject([
                ("ApiId", CFN.ref(apiName)),
                ("IntegrationType", "AWS_PROXY"),
                ("IntegrationUri", CFN.getAtt(f.function.logicalID, "Arn")),
                ("PayloadFormatVersion", "2.0"),
            ]),
            replacingProperties: ["ApiId"], source: f.element))
        for route in http.routes {
            template.add(CFNResource(
                logicalID: route.entity.logicalID, type: "AWS::ApiGatewayV2::Route",
                properties: JSONObject([
                    ("ApiId", CFN.ref(apiName)),
                    ("RouteKey", .string(route.routeKey)),
                    ("Target", CFN.join("/", ["integrations", CFN.ref(http.integration.logicalID)])),
                ]),
                replacingProperties: ["ApiId"], source: f.element))
        }
        template.add(permission(
            http.permission, f, principal: "apigateway.amazonaws.com",
            sourceArn: CFN.sub(
                "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${\(apiName)}/*/*")))
    }

    static func addSchedule(_ s: SchedulePlan, _ f: FunctionPlan, to template: inout CFNTemplate) {
        template.add(CFNResource(
            logicalID: s.rule.logicalID, type: "AWS::Events::Rule",
            properties: JSONObject([
                ("Name", .string(s.ruleName)),
                ("Description", .string(AWSText.scheduleDescription(s, function: f.model.name))),
                ("ScheduleExpression", .string(s.expression)),
                ("State", "ENABLED"),
                ("Targets", [CFN.object([("Id", "function"), ("Arn", CFN.getAtt(f.function.logicalID, "Arn"))])]),
            ]),
            physicalName: s.ruleName, replacingProperties: ["Name"], source: f.element))
        template.add(permission(
            s.permission, f, principal: "events.amazonaws.com", sourceArn: CFN.getAtt(s.rule.logicalID, "Arn")))
    }

    /// Lets one service invoke the function, from one source ARN only.
    static func permission(_ entity: AWSEntity, _ f: FunctionPlan, principal: String, sourceArn: Value) -> CFNResource {
        CFNResource(
            logicalID: entity.logicalID, type: "AWS::Lambda::Permission",
            properties: JSONObject([
                ("FunctionName", CFN.ref(f.function.logicalID)),
                ("Action", "lambda:InvokeFunction"),
                ("Principal", .string(principal)),
                ("SourceArn", sourceArn),
            ]),
            replacingProperties: ["FunctionName", "Action", "Principal", "SourceArn"], source: f.element)
    }
}
