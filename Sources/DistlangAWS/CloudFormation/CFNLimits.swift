import DistlangCore

/// CloudFormation's per-template quotas (cloudformation-limits in the AWS documentation).
///
/// An environment over any of them is an error for now; issue 9 will split such apps into
/// nested stacks instead.
public enum CloudFormationLimits {
    public static let resources = 500
    public static let parameters = 200
    public static let outputs = 200
    /// A template uploaded to S3 (`aws cloudformation deploy --s3-bucket`, or a TemplateURL).
    public static let bodyBytes = 1_048_576
    /// A template passed inline (`--template-body`); above it, deploy through S3.
    public static let inlineBodyBytes = 51_200

    /// Errors for every quota `template` exceeds; `renderedSizes` are the byte sizes of the files
    /// written for it (YAML and/or JSON), keyed by path.
    static func check(_ template: CFNTemplate, renderedSizes: [(path: String, bytes: Int)], environment: String)
        -> [Diagnostic]
    {
        var out: [Diagnostic] = []
        func over(_ what: String, _ count: Int, _ limit: Int, _ unit: String) {
            out.append(.error(
                "aws.cloudformation-limit",
                "environment \(environment): the CloudFormation template has \(count) \(unit), more than CloudFormation's limit of \(limit) \(what)",
                hint: "split the app into smaller apps, or use the Terraform output; automatic nested stacks are planned (issue 9)"))
        }
        if template.resources.count > resources { over("resources per template", template.resources.count, resources, "resources") }
        if template.parameters.count > parameters { over("parameters per template", template.parameters.count, parameters, "parameters") }
        if template.outputs.count > outputs { over("outputs per template", template.outputs.count, outputs, "outputs") }
        for file in renderedSizes where file.bytes > bodyBytes {
            out.append(.error(
                "aws.cloudformation-limit",
                "environment \(environment): \(file.path) is \(file.bytes) bytes, more than CloudFormation's limit of \(bodyBytes) bytes (1 MB) per template body",
                hint: "split the app into smaller apps, or use the Terraform output; automatic nested stacks are planned (issue 9)"))
        }
        return out
    }
}
