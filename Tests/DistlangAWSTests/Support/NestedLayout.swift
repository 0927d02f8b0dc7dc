import DistlangModel
import Foundation

/// The CloudFormation files of one environment as the tests read them back: the parent (or
/// single template) and its children, parsed from the JSON files.
struct NestedLayout {
    struct Template {
        var path: String
        var document: [String: Any]
        var yamlBytes: Int
        var jsonBytes: Int
        var resources: [String: [String: Any]] { document["Resources"] as? [String: [String: Any]] ?? [:] }
        var parameters: [String: Any] { document["Parameters"] as? [String: Any] ?? [:] }
        var outputs: [String: Any] { document["Outputs"] as? [String: Any] ?? [:] }
    }

    var parent: Template
    /// By file name (beside the parent), sorted.
    var children: [String: Template]

    /// Needs both formats in `output`.
    init(_ output: TargetOutput, environment: String) throws {
        func template(_ stem: String) throws -> Template {
            let yaml = output.files.first { $0.path == stem + ".yaml" }, json = output.files.first { $0.path == stem + ".json" }
            guard let yaml, let json,
                let doc = try JSONSerialization.jsonObject(with: Data(json.contents.utf8)) as? [String: Any]
            else { throw LayoutError(description: "no YAML and JSON file for \(stem)") }
            return Template(path: yaml.path, document: doc, yamlBytes: yaml.contents.utf8.count, jsonBytes: json.contents.utf8.count)
        }
        let directory = "aws/cloudformation/"
        parent = try template(directory + environment)
        var children: [String: Template] = [:]
        for file in output.files where file.path.hasSuffix(".json")
            && (file.path.hasPrefix(directory + environment + ".functions") || file.path.hasPrefix(directory + environment + ".stores")) {
            let stem = String(file.path.dropLast(".json".count))
            children[String(stem.dropFirst(directory.count)) + ".yaml"] = try template(stem)
        }
        self.children = children
    }

    struct LayoutError: Error, CustomStringConvertible { var description: String }

    /// The parent's stack resources: logical ID -> (TemplateURL, Parameters). Read from the JSON
    /// parent, whose TemplateURLs name the JSON children: given here as the YAML file names
    /// (`children`' keys); `justOverTheLimitIsSplit` checks both.
    var stacks: [String: (url: String, parameters: [String: Any])] {
        var out: [String: (String, [String: Any])] = [:]
        for (id, r) in parent.resources where r["Type"] as? String == "AWS::CloudFormation::Stack" {
            let p = r["Properties"] as? [String: Any] ?? [:]
            let url = p["TemplateURL"] as? String ?? ""
            out[id] = (url.hasSuffix(".json") ? url.dropLast(5) + ".yaml" : url, p["Parameters"] as? [String: Any] ?? [:])
        }
        return out
    }

    /// A child's resources with every `Ref` to one of its parameters replaced by what the parent
    /// passes for it (and `${Parameter}` in `Fn::Sub` by `${<the parent's Ref target>}`): the
    /// resources as they would read in one template.
    static func resolve(_ value: Any, _ parameters: [String: Any]) -> Any {
        if let o = value as? [String: Any] {
            if o.count == 1, let name = o["Ref"] as? String, let passed = parameters[name] { return passed }
            if o.count == 1, var text = o["Fn::Sub"] as? String {
                for (name, passed) in parameters {
                    if let target = (passed as? [String: Any])?["Ref"] as? String {
                        text = text.replacingOccurrences(of: "${\(name)}", with: "${\(target)}")
                    }
                }
                return ["Fn::Sub": text]
            }
            return o.mapValues { resolve($0, parameters) }
        }
        if let a = value as? [Any] { return a.map { resolve($0, parameters) } }
        return value
    }
}
