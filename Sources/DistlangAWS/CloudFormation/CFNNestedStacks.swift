import DistlangCore
import DistlangModel

/// An environment too big for one template, as nested stacks (docs/targets/aws.md §7): a parent
/// holding the code parameters, the data stores, secrets and HTTP API with their outputs, and one
/// `AWS::CloudFormation::Stack` per child; children holding the functions, each with everything
/// that belongs to it alone, packed by `CFNStackPacking` so that each child stays within every
/// quota, its parameters and outputs included.
struct CFNNestedStacks {
    /// One function's resources and outputs as a child writes them, and the shared values they read.
    struct Fragment {
        var function: FunctionPlan
        var resources: [CFNResource]
        var outputs: [(String, Value)]
        var inputs: [CFNStackInput]

        init(_ f: FunctionPlan, plan: AWSPlan) {
            var scratch = CFNTemplate(description: "")
            CFNFunction.add(f, plan: plan, scope: .child, to: &scratch)
            function = f
            resources = scratch.resources
            outputs = scratch.outputs
            inputs = CFNStackInput.inputs(of: f, api: plan.httpAPI)
        }
    }

    struct Child {
        /// The anchor function that names it; nil for the leading child.
        var key: String?
        /// Its functions, in name order.
        var functions: [FunctionPlan]
        /// The parameters it takes besides the code location, by name.
        var inputs: [CFNStackInput]
        var template: CFNTemplate
        var rendering: CFNRendering
        /// `Functions<Key>Stack`: the logical ID of its stack resource in the parent.
        var stackID: String
        /// `<env>.functions-<key>` (`<env>.functions` for the leading child), beside the parent.
        var fileStem: String

        func fileName(_ format: CloudFormationFormat) -> String { fileStem + "." + format.rawValue }
    }

    static let functionNamesOutput = "FunctionNames"

    /// cfn-lint's W3002 warns that a local `TemplateURL` (or a function's local `Code`) works only
    /// through `aws cloudformation package`, which is how these templates are deployed: said once per
    /// such resource, so a user's cfn-lint run stays clean and still checks everything else (E3043 …).
    static let packageOnly: Value = ["cfn-lint": ["config": ["ignore_checks": ["W3002"]]]]

    var plan: AWSPlan
    var children: [Child]
    /// Whether the parent re-exports each child's `FunctionNames`: only when all of those fit
    /// within the output quota next to the shared outputs (then none are lost one by one).
    var childOutputs: Bool
    /// The data stores' own nested stacks, when the parent cannot hold the stores next to the
    /// function stacks; nil when it can (the stores are then in the parent).
    var stores: CFNStoreStacks?

    init(_ plan: AWSPlan) {
        self.plan = plan
        // Names are unique in a model; should two clash anyway, the duplicate logical IDs are reported.
        let fragments = Dictionary(plan.functions.map { ($0.model.name, Fragment($0, plan: plan)) }, uniquingKeysWith: { first, _ in first })
        let names = CFNStackPacking.sorted(plan.functions.map(\.model.name))
        var built: [Range<Int>: Child] = [:]
        func child(_ members: Range<Int>) -> Child {
            if let known = built[members] { return known }
            let made = Self.child(
                key: CFNStackPacking.key(of: members, in: names), members.map { fragments[names[$0]]! }, plan: plan)
            built[members] = made
            return made
        }
        let bins = CFNStackPacking.pack(names) { members in
            let parts = members.map { fragments[names[$0]]! }
            guard Self.countsFit(parts) else { return false }  // known without rendering
            let candidate = child(members)
            return CloudFormationLimits.exceeded(candidate.template, sizes: candidate.rendering.sizes).isEmpty
        }
        children = bins.map(child)
        childOutputs = CFNTemplateBuilder.shared(plan).outputs.count + children.count <= CloudFormationLimits.outputs
        let parent = self.parent(.yaml)
        if !CloudFormationLimits.exceeded(parent, sizes: CFNRendering(parent.document).sizes).isEmpty {
            stores = CFNStoreStacks(plan, inputs: children.flatMap(\.inputs))
            childOutputs = CFNTemplateBuilder.sharedWithoutStores(plan).outputs.count + children.count <= CloudFormationLimits.outputs
        }
    }

    /// Resources, outputs and parameters of a child holding `parts`, before rendering it.
    static func countsFit(_ parts: [Fragment]) -> Bool {
        let resources = parts.reduce(0) { $0 + $1.resources.count }
        let outputs = parts.reduce(1) { $0 + $1.outputs.count }
        let inputs = Set(parts.flatMap { $0.inputs.map(\.name) })
        return resources <= CloudFormationLimits.resources && outputs <= CloudFormationLimits.outputs
            && inputs.count <= CloudFormationLimits.parameters
    }

    static func child(key: String?, _ parts: [Fragment], plan: AWSPlan) -> Child {
        let env = plan.model.environment
        var inputs: [String: CFNStackInput] = [:]
        for input in parts.flatMap(\.inputs) { inputs[input.name] = input }
        let sortedInputs = inputs.keys.sorted().map { inputs[$0]! }
        let names = parts.map(\.function.model.name)
        let which = names.count == 1 ? "function \(names[0])" : "functions \(names.first!) to \(names.last!) (\(names.count))"
        var template = CFNTemplate(description: AWSText.prefix(
            "\(AWSText.appLabel(plan.model)), \(which): a nested stack of the \(env) template, generated by distlang",
            maxUTF8: 1024))
        template.parameters = sortedInputs.map { input in
            (input.name, CFN.object([("Type", "String"), ("Description", .string(input.description))]))
        }
        for part in parts {
            template.resources += part.resources
            template.outputs += part.outputs
        }
        template.output(
            functionNamesOutput, CFN.join(",", parts.map { CFN.ref($0.function.function.logicalID) }),
            description: "Names of the functions of this stack, comma-separated")
        return Child(
            key: key, functions: parts.map(\.function), inputs: sortedInputs, template: template,
            rendering: CFNRendering(template.document),
            stackID: "Functions" + (key.map(AWSIdentifiers.logical) ?? "") + "Stack",
            fileStem: env + ".functions" + (key.map { "-" + $0 } ?? ""))
    }

    /// The parent, for files of `format` (its children's `TemplateURL`s name files of the same
    /// format, beside it, as `aws cloudformation package` expects), with each child's
    /// `FunctionNames` as an output when `childOutputs`.
    func parent(_ format: CloudFormationFormat) -> CFNTemplate {
        var template = stores == nil ? CFNTemplateBuilder.shared(plan) : CFNTemplateBuilder.sharedWithoutStores(plan)
        for child in stores?.children ?? [] {
            template.add(CFNResource(
                logicalID: child.stackID, type: "AWS::CloudFormation::Stack",
                properties: JSONObject([("TemplateURL", .string(child.fileName(format)))]),
                metadata: Self.packageOnly))
        }
        for child in children {
            template.add(CFNResource(
                logicalID: child.stackID, type: "AWS::CloudFormation::Stack",
                properties: JSONObject([
                    ("TemplateURL", .string(child.fileName(format))),
                    ("Parameters", .object(JSONObject(child.inputs.map { ($0.name, parentValue($0)) }))),
                ]),
                metadata: Self.packageOnly))
        }
        if childOutputs {
            for child in children {
                template.output(
                    child.stackID + Self.functionNamesOutput, CFN.getAtt(child.stackID, "Outputs." + Self.functionNamesOutput),
                    description: "Functions of nested stack \(child.stackID) (\(child.fileStem)), comma-separated")
            }
        }
        return template
    }

    /// What the parent passes for `input`: its own resource, or the output of the store stack
    /// holding it.
    func parentValue(_ input: CFNStackInput) -> Value {
        guard let id = input.store, let holder = stores?.stack(holding: id) else { return input.parentValue }
        return CFN.getAtt(holder.stackID, "Outputs." + input.name)
    }
}
