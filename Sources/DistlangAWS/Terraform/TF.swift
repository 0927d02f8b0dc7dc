import DistlangModel
import DistlangRender

/// Terraform expressions for the plan's references.
enum TF {
    /// The `hashicorp/aws` resource type of an entity.
    static func type(_ kind: AWSEntity.Kind) -> HCLIdentifier {
        switch kind {
        case .table: return "aws_dynamodb_table"
        case .bucket: return "aws_s3_bucket"
        case .queue: return "aws_sqs_queue"
        case .secret: return "aws_secretsmanager_secret"
        case .function: return "aws_lambda_function"
        case .role: return "aws_iam_role"
        case .logGroup: return "aws_cloudwatch_log_group"
        case .httpApi: return "aws_apigatewayv2_api"
        case .httpStage: return "aws_apigatewayv2_stage"
        case .integration: return "aws_apigatewayv2_integration"
        case .route: return "aws_apigatewayv2_route"
        case .permission: return "aws_lambda_permission"
        case .rule: return "aws_cloudwatch_event_rule"
        case .eventSourceMapping: return "aws_lambda_event_source_mapping"
        }
    }

    /// `<type>.<name>.<attribute>`
    static func attribute(_ entity: AWSEntity, _ attribute: HCLIdentifier) -> HCLExpression {
        .traversal(HCLTraversal(type(entity.kind), attributes: [entity.terraformName, attribute]))
    }

    static func variable(_ name: HCLIdentifier) -> HCLExpression { .reference("var", name) }

    /// A reference of the plan in Terraform syntax.
    static func value(_ reference: AWSReference) -> HCLExpression {
        switch reference {
        case .arn(let e):
            return attribute(e, "arn")
        case .name(let e):
            switch e.kind {
            case .bucket: return attribute(e, "bucket")
            case .function: return attribute(e, "function_name")
            default: return attribute(e, "name")
            }
        case .queueURL(let e):
            return attribute(e, "url")
        case .bucketObjects(let e):
            return .template([.interpolation(attribute(e, "arn")), .literal("/*")])
        case .keysIndex(let e):
            return .template([.interpolation(attribute(e, "arn")), .literal("/index/" + AWSKVLayout.keysIndex)])
        case .logStreams(let e):
            // The provider gives a log group's ARN without the ":*" that CloudFormation includes.
            return .template([.interpolation(attribute(e, "arn")), .literal(":*")])
        }
    }

    static func value(_ env: AWSEnvironmentValue) -> HCLExpression {
        switch env {
        case .literal(let text): return .string(text)
        case .reference(let reference): return value(reference)
        }
    }

    static func strings(_ items: [String]) -> HCLExpression { .list(items.map(HCLExpression.string)) }

    /// `lifecycle { prevent_destroy = true }`: Terraform's counterpart of CloudFormation's
    /// `DeletionPolicy: Retain` for resources that hold data.
    static var preventDestroy: HCLBlock { .preventDestroy }
}

/// One `resource` block, with what the build manifest records about it.
struct TFResource: Sendable {
    var kind: AWSEntity.Kind?
    var type: HCLIdentifier
    var name: HCLIdentifier
    var body: HCLBody
    var physicalName: String? = nil
    /// Arguments whose change makes Terraform replace the resource.
    var replacingArguments: [String] = []
    var source: ModelElement? = nil
    var isStateful: Bool = false
    /// A `data` block (recorded so a policy document's changes show in `distlang diff`).
    var isData = false

    init(
        _ entity: AWSEntity, physicalName: String? = nil, replacing: [String] = [], source: ModelElement? = nil,
        isStateful: Bool = false, @HCLBodyBuilder body: () -> [HCLBodyItem]
    ) {
        self.init(
            type: TF.type(entity.kind), name: entity.terraformName, physicalName: physicalName, replacing: replacing,
            source: source, isStateful: isStateful, body: body)
        self.kind = entity.kind
    }

    init(
        type: HCLIdentifier, name: HCLIdentifier, physicalName: String? = nil, replacing: [String] = [],
        source: ModelElement? = nil, isStateful: Bool = false, @HCLBodyBuilder body: () -> [HCLBodyItem]
    ) {
        self.kind = nil
        self.type = type
        self.name = name
        self.body = HCLBody(body())
        self.physicalName = physicalName
        self.replacingArguments = replacing
        self.source = source
        self.isStateful = isStateful
    }

    var block: HCLBlock { HCLBlock(isData ? "data" : "resource", [type, name], body: body) }

    /// The type as the manifest records it: `data.<type>` for data sources.
    var manifestType: String { isData ? "data." + type.name : type.name }
}

/// A `.tf` file being assembled: its blocks in order, and the resources among them.
struct TFFile: Sendable {
    var name: String
    var items: [HCLBodyItem] = []
    var resources: [TFResource] = []

    init(name: String, comment: String? = nil) {
        self.name = name
        if let comment { items.append(.comment(comment)) }
    }

    mutating func add(_ resource: TFResource) {
        items.append(.block(resource.block))
        resources.append(resource)
    }

    mutating func add(_ block: HCLBlock) { items.append(.block(block)) }
}
