import DistlangCore
import DistlangModel

/// The CloudFormation files of one environment, with their manifest resources, diagnostics and
/// notes: one template (`aws/cloudformation/<env>.yaml`) when it keeps within every quota, the
/// same bytes distlang always wrote; otherwise a parent at that path and nested stacks beside it
/// (`CFNNestedStacks`). The choice reads both renderings, so it does not depend on the formats
/// asked for.
struct CFNOutput {
    static let directory = "aws/cloudformation/"

    var files: [EmittedFile] = []
    var resources: [EmittedResource] = []
    var diagnostics: [Diagnostic] = []
    var notes: [String] = []
    /// The single template's or the parent's files with their sizes (for AWSNotes).
    var topSizes: [(path: String, bytes: Int)] = []

    init(_ plan: AWSPlan, formats requested: Set<CloudFormationFormat>) {
        let formats = CloudFormationFormat.allCases.filter(requested.contains)
        let single = CFNTemplateBuilder.template(plan)
        let rendering = CloudFormationLimits.countsFit(single) ? CFNRendering(single.document) : nil
        let over = CloudFormationLimits.exceeded(single, sizes: rendering?.sizes ?? [])
        if over.isEmpty, let rendering {
            writeSingle(single, rendering, plan: plan, formats: formats)
        } else {
            writeNested(CFNNestedStacks(plan), single: single, over: over, formats: formats)
        }
    }

    static func path(_ env: String, _ format: CloudFormationFormat) -> String { directory + env + "." + format.rawValue }

    private mutating func writeSingle(_ template: CFNTemplate, _ rendering: CFNRendering, plan: AWSPlan, formats: [CloudFormationFormat]) {
        let env = plan.model.environment
        for format in formats {
            let path = Self.path(env, format), text = rendering.text(format)
            files.append(EmittedFile(path: path, contents: text, environment: env))
            topSizes.append((path, text.utf8.count))
        }
        if let first = topSizes.first?.path {
            resources = AWSManifestResources.cloudFormation(template, environment: env) { _ in first }
        }
        diagnostics += AWSChecks.duplicates(template.resources.map(\.logicalID), what: "CloudFormation logical ID", env: env)
        diagnostics += AWSChecks.duplicates(template.outputs.map(\.0), what: "CloudFormation output", env: env)
    }

    private mutating func writeNested(_ nested: CFNNestedStacks, single: CFNTemplate, over: [String], formats: [CloudFormationFormat]) {
        let env = nested.plan.model.environment
        guard let first = formats.first else { return }
        let parents = formats.map { nested.parent($0) }
        for (format, parent) in zip(formats, parents) {
            let path = Self.path(env, format), text = CFNRendering.text(parent.document, format)
            files.append(EmittedFile(path: path, contents: text, environment: env))
            topSizes.append((path, text.utf8.count))
            for child in nested.stores?.children ?? [] {
                files.append(EmittedFile(path: Self.directory + child.fileName(format), contents: child.rendering.text(format), environment: env))
            }
            for child in nested.children {
                files.append(EmittedFile(path: Self.directory + child.fileName(format), contents: child.rendering.text(format), environment: env))
            }
        }
        diagnostics += CloudFormationLimits.check(parents[0], renderedSizes: topSizes, environment: env)
        for child in nested.children {
            diagnostics += CloudFormationLimits.check(
                child.template, renderedSizes: formats.map { (Self.directory + child.fileName($0), child.rendering.text($0).utf8.count) },
                environment: env,
                hint: "function \(child.functions[0].model.name) alone is too big for a nested stack, and a function's resources cannot be split across stacks: give it fewer routes or schedules, or use the Terraform output")
        }

        for child in nested.stores?.children ?? [] {
            diagnostics += CloudFormationLimits.check(
                child.template, renderedSizes: formats.map { (Self.directory + child.fileName($0), child.rendering.text($0).utf8.count) },
                environment: env)
        }

        // The manifest: every resource of the single template (same identity and attributes
        // wherever it is written), in the file that now holds it, and the stack resources.
        let parentPath = Self.path(env, first)
        var fileOf: [String: String] = [:]
        let holders = nested.children.map { ($0.template, $0.fileName(first)) } + (nested.stores?.children ?? []).map { ($0.template, $0.fileName(first)) }
        for (template, file) in holders {
            for r in template.resources { fileOf[r.logicalID] = Self.directory + file }
        }
        resources = AWSManifestResources.cloudFormation(single, environment: env) { fileOf[$0] ?? parentPath }
        var stacks = CFNTemplate(description: "")
        stacks.resources = parents[0].resources.filter { $0.type == "AWS::CloudFormation::Stack" }
        resources += AWSManifestResources.cloudFormation(stacks, environment: env) { _ in parentPath }

        let ids = parents[0].resources.map(\.logicalID) + holders.flatMap { $0.0.resources.map(\.logicalID) }
        diagnostics += AWSChecks.duplicates(ids, what: "CloudFormation logical ID", env: env)
        for template in [parents[0]] + holders.map(\.0) {
            diagnostics += AWSChecks.duplicates(template.outputs.map(\.0), what: "CloudFormation output", env: env)
        }
        notes.append(AWSNotes.nestedStacks(nested, over: over, parentPath: parentPath, format: first))
    }
}
