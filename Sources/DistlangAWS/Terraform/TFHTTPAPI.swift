import DistlangModel
import DistlangRender

/// The HTTP API, its access log group and its `$default` stage (see `CFNHTTPAPI`).
enum TFHTTPAPI {
    static let accessLogGroup = AWSEntity(
        kind: .logGroup, logicalID: AWSHTTPAccessLog.logGroupLogicalID,
        terraformName: HCLIdentifier(AWSHTTPAccessLog.terraformName)!)

    static func add(_ api: HTTPAPIPlan, plan: AWSPlan, to file: inout TFFile) {
        file.add(TFResource(api.api, physicalName: api.physicalName, replacing: ["protocol_type"]) {
            HCLAttribute("name", .string(api.physicalName))
            HCLAttribute("protocol_type", "HTTP")
            HCLAttribute("description", .string("HTTP API of \(AWSText.appLabel(plan.model))"))
        })
        let logName = AWSHTTPAccessLog.logGroupName(api)
        file.add(TFResource(accessLogGroup, physicalName: logName, replacing: ["name"]) {
            HCLAttribute("name", .string(logName))
            HCLAttribute("retention_in_days", .integer(Int64(AWSHTTPAccessLog.retentionDays)))
        })
        file.add(TFResource(api.stage, replacing: ["api_id", "name"]) {
            HCLAttribute("api_id", TF.attribute(api.api, "id"))
            HCLAttribute("name", "$default")
            HCLAttribute("auto_deploy", true)
            HCLBlock("access_log_settings") {
                HCLAttribute("destination_arn", TF.attribute(accessLogGroup, "arn"))
                HCLAttribute("format", .string(AWSHTTPAccessLog.format))
            }
        })
    }
}
