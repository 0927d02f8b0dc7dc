import DistlangCore

/// CloudFormation's per-template quotas (cloudformation-limits in the AWS documentation).
///
/// An environment whose single template would break any of them is split into nested stacks
/// (`CFNNestedStacks`); what can still break one is the parent (shared resources and one stack
/// resource per child) or a child holding one function that alone is too big: those are errors.
public enum CloudFormationLimits {
    public static let resources = 500
    public static let parameters = 200
    public static let outputs = 200
    /// A template uploaded to S3 (`aws cloudformation deploy --s3-bucket`, or a TemplateURL).
    public static let bodyBytes = 1_048_576
    /// A template passed inline (`--template-body`); above it, deploy through S3.
    public static let inlineBodyBytes = 51_200

    /// Each quota `template` breaks, e.g. `1207 resources (CloudFormation allows 500)`; `sizes`
    /// are the byte sizes of its renderings (YAML and JSON).
    static func exceeded(_ template: CFNTemplate, sizes: [Int]) -> [String] {
        var out: [String] = []
        func check(_ count: Int, _ limit: Int, _ unit: String) {
            if count > limit { out.append("\(count) \(unit) (CloudFormation allows \(limit))") }
        }
        check(template.resources.count, resources, "resources")
        check(template.parameters.count, parameters, "parameters")
        check(template.outputs.count, outputs, "outputs")
        if let largest = sizes.max() { check(largest, bodyBytes, "bytes") }
        return out
    }

    /// Whether the counts alone are within the quotas (no rendering needed to know).
    static func countsFit(_ template: CFNTemplate) -> Bool { exceeded(template, sizes: []).isEmpty }

    static let defaultHint =
        "the HTTP API and one stack resource per nested stack (of functions, and of data stores when there are many) stay in the parent template, with the values it passes to them: split the app into smaller apps, or use the Terraform output"

    /// Errors for every quota `template` exceeds; `renderedSizes` are the byte sizes of the files
    /// written for it (YAML and/or JSON), keyed by path.
    static func check(
        _ template: CFNTemplate, renderedSizes: [(path: String, bytes: Int)], environment: String, hint: String = defaultHint
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let name = renderedSizes.first?.path ?? "the CloudFormation template"
        func over(_ what: String, _ count: Int, _ limit: Int, _ unit: String) {
            out.append(.error(
                "aws.cloudformation-limit",
                "environment \(environment): \(name) has \(count) \(unit), more than CloudFormation's limit of \(limit) \(what)",
                hint: hint))
        }
        if template.resources.count > resources { over("resources per template", template.resources.count, resources, "resources") }
        if template.parameters.count > parameters { over("parameters per template", template.parameters.count, parameters, "parameters") }
        if template.outputs.count > outputs { over("outputs per template", template.outputs.count, outputs, "outputs") }
        for file in renderedSizes where file.bytes > bodyBytes {
            out.append(.error(
                "aws.cloudformation-limit",
                "environment \(environment): \(file.path) is \(file.bytes) bytes, more than CloudFormation's limit of \(bodyBytes) bytes (1 MB) per template body",
                hint: hint))
        }
        return out
    }
}
