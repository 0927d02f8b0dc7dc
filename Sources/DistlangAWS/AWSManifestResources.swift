import DistlangCore
import DistlangModel
import DistlangRender

/// The build manifest's view of what the AWS outputs declare (`EmittedResource`s): every
/// resource of both formats, with its settings as written (references as their source text).
enum AWSManifestResources {
    /// `template`'s resources, each in the file `file` gives for its logical ID.
    static func cloudFormation(_ template: CFNTemplate, environment: String, file: (String) -> String) -> [EmittedResource] {
        template.resources.map { r in
            var attributes = r.properties
            if let policy = r.deletionPolicy {
                attributes["DeletionPolicy"] = .string(policy.rawValue)
                attributes["UpdateReplacePolicy"] = .string(policy.rawValue)
            }
            return EmittedResource(
                target: .aws, format: "cloudformation", environment: environment, type: r.type, logicalName: r.logicalID,
                physicalName: r.physicalName, file: file(r.logicalID), attributes: attributes,
                replacingAttributes: r.replacingProperties,
                source: r.source, isStateful: r.isStateful, isRetained: r.deletionPolicy == .retain)
        }
    }

    static func terraform(_ files: [TFFile], environment: String, directory: String) -> [EmittedResource] {
        files.flatMap { file in
            file.resources.map { r in
                EmittedResource(
                    target: .aws, format: "terraform", environment: environment, type: r.manifestType,
                    logicalName: r.manifestType + "." + r.name.name, physicalName: r.physicalName,
                    file: directory + "/" + file.name, attributes: attributes(r.body),
                    replacingAttributes: r.replacingArguments, source: r.source, isStateful: r.isStateful)
            }
        }
    }

    /// A block body as plain values: constants as themselves, other expressions as their HCL
    /// text (`aws_iam_role.api.arn`), nested blocks as lists of objects under their type.
    static func attributes(_ body: HCLBody) -> JSONObject {
        var o = JSONObject()
        for item in body.items {
            switch item {
            case .attribute(let a):
                o[a.name.name] = a.value.plainValue
            case .block(let b):
                let entry = Value.object(attributes(b.body))
                if case .array(let items)? = o[b.type.name] {
                    o[b.type.name] = .array(items + [entry])
                } else {
                    o[b.type.name] = [entry]
                }
            case .comment:
                break
            }
        }
        return o
    }
}
