import DistlangCore
import DistlangModel
import DistlangRender

/// The AWS target: per environment, a CloudFormation template (`aws/cloudformation/<env>.yaml`,
/// and `.json` when asked; the same document), split into a parent and nested stacks beside it
/// when one template would break a CloudFormation quota, and a Terraform root module for
/// `hashicorp/aws` (`aws/terraform/<env>/*.tf`); only the formats the spec's `outputs` names. See
/// docs/targets/aws.md for the mapping and the decisions.
public struct AWSEmitter: TargetEmitter {
    public var target: TargetKind { .aws }

    public init() {}

    public func emit(_ models: [AppModel], options: EmitOptions) -> TargetOutput {
        var output = TargetOutput()
        let plans = models.map(AWSPlanner.plan)
        output.notes = AWSNotes.notes(plans)
        for plan in plans { output.append(emit(plan, options: options)) }
        output.files += AWSCodeRoot.files(plans)
        return output
    }

    /// One environment's templates (its functions' code roots are shared by every environment) and
    /// the notes about its files; the notes about what to do in every environment are `emit(models:)`'s.
    func emit(_ plan: AWSPlan, options: EmitOptions) -> TargetOutput {
        let model = plan.model
        let env = model.environment
        let outputs = model.targets.outputs(.aws)
        var output = TargetOutput()

        // CloudFormation: one template, or a parent and nested stacks.
        var templateSizes: [(path: String, bytes: Int)] = []
        var cloudFormationNotes: [String] = []
        if outputs.contains(.cloudformation) {
            let cloudFormation = CFNOutput(plan, formats: options.cloudFormationFormats)
            output.files += cloudFormation.files
            output.resources += cloudFormation.resources
            output.diagnostics += cloudFormation.diagnostics
            templateSizes = cloudFormation.topSizes
            cloudFormationNotes = cloudFormation.notes
        }

        // Terraform
        if outputs.contains(.terraform) {
            let directory = "aws/terraform/\(env)"
            let files = TFRootBuilder.files(plan)
            for file in files {
                output.files.append(EmittedFile(
                    path: directory + "/" + file.name, contents: HCLRenderer().render(HCLFile(file.items)), environment: env))
            }
            output.resources += AWSManifestResources.terraform(files, environment: env, directory: directory)
            output.diagnostics += AWSChecks.duplicates(terraformAddresses(files), what: "Terraform address", env: env)
        }

        output.notes += AWSNotes.templateSizes(plan, templateSizes) + cloudFormationNotes
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
