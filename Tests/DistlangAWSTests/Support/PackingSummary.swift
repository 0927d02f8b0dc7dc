import DistlangModel
import Foundation

/// How an environment's functions are packed into nested stacks, as text for a golden file: per
/// child its file, stack, counts and sizes (read back from the files) and its functions (from the
/// manifest's resources in that file).
enum PackingSummary {
    static func text(_ output: TargetOutput, environment: String) throws -> String {
        let layout = try NestedLayout(output, environment: environment)
        let stackOf = Dictionary(uniqueKeysWithValues: layout.stacks.map { ($0.value.url, $0.key) })
        func counts(_ t: NestedLayout.Template) -> String {
            "\(t.resources.count) resources, \(t.parameters.count) parameters, \(t.outputs.count) outputs, \(t.yamlBytes) bytes YAML, \(t.jsonBytes) bytes JSON"
        }
        var lines = [
            "# Nested stacks of environment \(environment): file, stack, counts, then the functions it holds.",
            "\(layout.parent.path) (parent): \(counts(layout.parent))",
        ]
        let functions = output.resources.filter { $0.environment == environment && $0.type == "AWS::Lambda::Function" }
        for name in layout.children.keys.sorted() {
            let child = layout.children[name]!
            let held = functions.filter { $0.file == "aws/cloudformation/" + name }.compactMap { $0.source?.name }
            lines.append("")
            lines.append("\(name) \(stackOf[name] ?? "(no stack resource)"): \(held.count) functions, \(counts(child))")
            var line = " "
            for f in held {
                if line.count + f.count > 100 {
                    lines.append(line)
                    line = " "
                }
                line += " " + f
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A template too big to keep in full as a golden, as its structure: counts, then every resource's
/// logical ID and type, and every output, sorted (what a change to the emitter would move).
enum TemplateStructure {
    static func text(_ template: NestedLayout.Template) -> String {
        var lines = [
            "# \(template.path): \(template.resources.count) resources, \(template.parameters.count) parameters, "
                + "\(template.outputs.count) outputs, \(template.yamlBytes) bytes YAML, \(template.jsonBytes) bytes JSON",
        ]
        for id in template.resources.keys.sorted() { lines.append("\(id) \(template.resources[id]?["Type"] as? String ?? "?")") }
        for id in template.outputs.keys.sorted() { lines.append("output \(id)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
