import DistlangCore
import DistlangModel

/// One resource of a template, with what the build manifest records about it.
struct CFNResource: Sendable {
    var logicalID: String
    var type: String
    var properties: JSONObject
    /// Written as both `DeletionPolicy` and `UpdateReplacePolicy`: `Retain` for resources that
    /// hold data (tables, buckets, queues, secrets), `Delete` said out loud for log groups.
    var deletionPolicy: DeletionPolicy? = nil
    var physicalName: String? = nil
    /// Properties whose change makes CloudFormation replace the resource.
    var replacingProperties: [String] = []
    var source: ModelElement? = nil
    /// The resource's `Metadata` (not a setting of the resource; not in the manifest).
    var metadata: Value? = nil
    var isStateful: Bool { deletionPolicy == .retain }

    /// The resource as it appears under `Resources`.
    var value: Value {
        var o = JSONObject()
        o["Type"] = .string(type)
        if let deletionPolicy {
            o["DeletionPolicy"] = .string(deletionPolicy.rawValue)
            o["UpdateReplacePolicy"] = .string(deletionPolicy.rawValue)
        }
        if let metadata { o["Metadata"] = metadata }
        o["Properties"] = .object(properties)
        return .object(o)
    }
}

enum DeletionPolicy: String, Sendable {
    case retain = "Retain", delete = "Delete"
}

/// A template being assembled: parameters, resources and outputs in the order they are added.
struct CFNTemplate: Sendable {
    var description: String
    var parameters: [(String, Value)] = []
    var resources: [CFNResource] = []
    var outputs: [(String, Value)] = []

    init(description: String) { self.description = description }

    mutating func add(_ resource: CFNResource) { resources.append(resource) }

    mutating func output(_ id: String, _ value: Value, description: String) {
        outputs.append((id, CFN.object([("Description", .string(description)), ("Value", value)])))
    }

    /// The whole template, the single document both the YAML and the JSON files are written from.
    var document: Value {
        var o = JSONObject()
        o["AWSTemplateFormatVersion"] = "2010-09-09"
        o["Description"] = .string(description)
        if !parameters.isEmpty { o["Parameters"] = .object(JSONObject(parameters)) }
        var res = JSONObject()
        for r in resources { res.appendUnchecked(r.logicalID, r.value) }
        o["Resources"] = .object(res)
        if !outputs.isEmpty {
            var out = JSONObject()
            for (k, v) in outputs { out.appendUnchecked(k, v) }
            o["Outputs"] = .object(out)
        }
        return .object(o)
    }
}
