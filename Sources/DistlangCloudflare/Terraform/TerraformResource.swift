import DistlangCore
import DistlangModel
import DistlangRender

/// One `resource "<type>" "<name>" { ... }` block, with what the build manifest records about it.
/// The block and the manifest entry come from the same attribute list.
struct TerraformResource {
    var type: HCLIdentifier
    var name: HCLIdentifier
    var attributes: [(name: HCLIdentifier, value: HCLExpression)]
    var physicalName: String?
    /// Attributes whose change replaces the resource (the physical names and the account).
    var replacing: [String]
    var source: ModelElement?
    var isStateful: Bool

    init(
        _ type: HCLIdentifier, _ name: HCLIdentifier, _ attributes: [(name: HCLIdentifier, value: HCLExpression)],
        physicalName: String?, replacing: [String], source: ModelElement?, isStateful: Bool = false
    ) {
        self.type = type
        self.name = name
        self.attributes = attributes
        self.physicalName = physicalName
        self.replacing = replacing
        self.source = source
        self.isStateful = isStateful
    }

    /// `<type>.<name>.<attribute>`
    func reference(_ attribute: HCLIdentifier) -> HCLExpression { .reference(type, name, attribute) }

    /// Stateful resources (KV, R2, D1, queues) end with `lifecycle { prevent_destroy = true }`, as the
    /// AWS Terraform output's do: `terraform destroy`, or a plan that would replace one, stops with an
    /// error instead of deleting data.
    var block: HCLBlock {
        var items: [HCLBodyItem] = attributes.map { .attribute(HCLAttribute($0.name, $0.value)) }
        if isStateful { items.append(.block(.preventDestroy)) }
        return HCLBlock("resource", [type, name], body: HCLBody(items))
    }

    func emitted(environment: String, file: String) -> EmittedResource {
        let names = Set(attributes.map(\.name.name))
        var recorded = JSONObject(attributes.map { ($0.name.name, $0.value.plainValue) })
        // As the AWS Terraform resources record their nested blocks: a list of objects under the block type.
        if isStateful { recorded["lifecycle"] = [["prevent_destroy": true]] }
        return EmittedResource(
            target: .cloudflare, format: "terraform", environment: environment, type: type.name, logicalName: name.name,
            physicalName: physicalName, file: file, attributes: recorded,
            replacingAttributes: replacing.filter(names.contains), source: source, isStateful: isStateful)
    }

}
