import DistlangCore
import DistlangModel

/// The environment's HTTP API (API Gateway v2): the API, its `$default` stage with automatic
/// deployment, and the stage's access log group. Routes, integrations and invoke permissions
/// belong to the functions (`CFNFunction`).
enum CFNHTTPAPI {
    static func add(_ api: HTTPAPIPlan, plan: AWSPlan, to template: inout CFNTemplate) {
        template.add(CFNResource(
            logicalID: api.api.logicalID, type: "AWS::ApiGatewayV2::Api",
            properties: JSONObject([
                ("Name", .string(api.physicalName)),
                ("ProtocolType", "HTTP"),
                ("Description", .string("HTTP API of \(AWSText.appLabel(plan.model))")),
            ]),
            physicalName: api.physicalName, replacingProperties: ["ProtocolType"]))
        template.add(CFNResource(
            logicalID: AWSHTTPAccessLog.logGroupLogicalID, type: "AWS::Logs::LogGroup",
            properties: JSONObject([
                ("LogGroupName", .string(AWSHTTPAccessLog.logGroupName(api))),
                ("RetentionInDays", .integer(Int64(AWSHTTPAccessLog.retentionDays))),
            ]),
            deletionPolicy: .delete, physicalName: AWSHTTPAccessLog.logGroupName(api), replacingProperties: ["LogGroupName"]))
        template.add(CFNResource(
            logicalID: api.stage.logicalID, type: "AWS::ApiGatewayV2::Stage",
            properties: JSONObject([
                ("ApiId", CFN.ref(api.api.logicalID)),
                ("StageName", "$default"),
                ("AutoDeploy", true),
                ("AccessLogSettings", CFN.object([
                    ("DestinationArn", CFN.getAtt(AWSHTTPAccessLog.logGroupLogicalID, "Arn")),
                    ("Format", .string(AWSHTTPAccessLog.format)),
                ])),
            ]),
            replacingProperties: ["ApiId", "StageName"]))
        template.output("HttpApiUrl", CFN.getAtt(api.api.logicalID, "ApiEndpoint"), description: "Base URL of the HTTP API")
    }
}
