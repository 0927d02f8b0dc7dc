import DistlangCore
import DistlangModel
import DistlangRender

/// The AWS target: per environment, a CloudFormation template (`aws/cloudformation/<env>.yaml`,
/// and `.json` when asked; the same document) and a Terraform root module for `hashicorp/aws`
/// (`aws/terraform/<env>/*.tf`). See docs/targets/aws.md for the mapping and the decisions.
public struct AWSEmitter: TargetEmitter {
    public var target: TargetKind { .aws }

    public init() {}

    public func emit(_ models: [AppModel], options: EmitOptions) -> TargetOutput {
        var output = TargetOutput()
        for model in models { output.append(emit(model, options: options)) }
        return output
    }

    /// One environment.
    public func emit(_ model: AppModel, options: EmitOptions) -> TargetOutput {
        let plan = AWSPlanner.plan(model)
        let env = model.environment
        var output = TargetOutput(diagnostics: AWSChecks.model(model, plan: plan))

        // CloudFormation
        let template = CFNTemplateBuilder.template(plan)
        let document = template.document
        var sizes: [(path: String, bytes: Int)] = []
        var manifestFile: String?
        for format in CloudFormationFormat.allCases where options.cloudFormationFormats.contains(format) {
            let path = "aws/cloudformation/\(env).\(format.rawValue)"
            let text = format == .yaml ? YAMLRenderer().render(document) : JSONWriter().string(document) + "\n"
            output.files.append(EmittedFile(path: path, contents: text, environment: env))
            sizes.append((path, text.utf8.count))
            if manifestFile == nil { manifestFile = path }
        }
        if let manifestFile {
            output.resources += AWSManifestResources.cloudFormation(template, environment: env, file: manifestFile)
        }
        output.diagnostics += CloudFormationLimits.check(template, renderedSizes: sizes, environment: env)
        output.diagnostics += AWSChecks.duplicates(template.resources.map(\.logicalID), what: "CloudFormation logical ID", env: env)
        output.diagnostics += AWSChecks.duplicates(template.outputs.map(\.0), what: "CloudFormation output", env: env)

        // Terraform
        let directory = "aws/terraform/\(env)"
        let files = TFRootBuilder.files(plan)
        for file in files {
            output.files.append(EmittedFile(
                path: directory + "/" + file.name, contents: HCLRenderer().render(HCLFile(file.items)), environment: env))
        }
        output.resources += AWSManifestResources.terraform(files, environment: env, directory: directory)
        output.diagnostics += AWSChecks.duplicates(terraformAddresses(files), what: "Terraform address", env: env)

        output.notes += AWSNotes.notes(plan, templateSizes: sizes)
        return output
    }

    /// `type.name` of every resource and data source, `output.name` of every output.
    func terraformAddresses(_ files: [TFFile]) -> [String] {
        files.flatMap { file in
            file.items.compactMap { item -> String? in
                guard case .block(let b) = item else { return nil }
                switch b.type.name {
                case "resource": return b.labels.map(\.name).joined(separator: ".")
                case "data", "output", "variable": return ([b.type.name] + b.labels.map(\.name)).joined(separator: ".")
                default: return nil
                }
            }
        }
    }
}
