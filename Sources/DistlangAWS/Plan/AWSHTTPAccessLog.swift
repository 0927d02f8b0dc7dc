import DistlangCore

/// The HTTP API's access log, the same in both formats.
enum AWSHTTPAccessLog {
    static let logGroupLogicalID = "HttpApiAccessLogs"
    static let terraformName = "http_access"
    static let retentionDays = AWSDefaults.logRetentionDays

    static func logGroupName(_ api: HTTPAPIPlan) -> String { "/aws/apigateway/\(api.physicalName)/access" }

    /// One JSON object per request (API Gateway `$context` variables; no headers, no bodies).
    static let format: String = {
        let fields: [(String, String)] = [
            ("requestId", "$context.requestId"), ("requestTime", "$context.requestTime"),
            ("ip", "$context.identity.sourceIp"), ("httpMethod", "$context.httpMethod"),
            ("routeKey", "$context.routeKey"), ("path", "$context.path"), ("status", "$context.status"),
            ("protocol", "$context.protocol"), ("responseLength", "$context.responseLength"),
            ("integrationLatency", "$context.integrationLatency"),
            ("integrationError", "$context.integrationErrorMessage"),
        ]
        return JSONWriter(indent: 0).string(.object(JSONObject(fields.map { ($0.0, Value.string($0.1)) })))
    }()
}

/// Defaults the spec does not set.
enum AWSDefaults {
    /// CloudWatch Logs retention of every log group distlang creates.
    static let logRetentionDays = 30
}
