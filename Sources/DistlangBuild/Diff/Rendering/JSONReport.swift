import DistlangCore

/// The JSON report: every change of every format (nothing merged, values in full). Keys are only
/// ever added (docs/diff.md).
enum JSONReport {
    static func render(_ diff: BuildDiff) -> String {
        let c = diff.counts
        var root: JSONObject = [
            "version": 1, "changed": .bool(!diff.isEmpty), "data_loss": .bool(diff.hasDataLoss),
            "summary": [
                "added": .integer(Int64(c.added)), "changed": .integer(Int64(c.changed)), "replaced": .integer(Int64(c.replaced)),
                "removed": .integer(Int64(c.removed)), "data_loss": .integer(Int64(c.dataLoss)), "orphaned": .integer(Int64(c.orphaned)),
            ],
        ]
        if let b = diff.baseline { root["baseline"] = baseline(b) }
        root["code"] = .array(diff.code.map { change in
            [
                "function": .string(change.function), "change": .string(change.kind.rawValue),
                "files": .array(change.files.map { ["path": .string($0.path), "change": .string($0.kind.rawValue)] }),
            ]
        })
        root["environments"] = .array(diff.environments.map(environment))
        return JSONWriter(indent: 2).string(.object(root)) + "\n"
    }

    private static func baseline(_ b: Baseline.Origin) -> Value {
        var o: JSONObject = ["kind": .string(b.kind), "path": .string(b.path), "description": .string(b.sentence)]
        if let r = b.revision { o["revision"] = .string(r) }
        if let c = b.commit { o["commit"] = .string(c) }
        if case .gitSpec(_, _, _, let version) = b { o["built_with"] = .string("distlang \(version)") }
        return .object(o)
    }

    private static func environment(_ env: EnvironmentDiff) -> Value {
        [
            "name": .string(env.name), "status": .string(env.status.rawValue),
            "model": .array(env.model.map { m in
                var o: JSONObject = ["element": .string(m.element.description), "change": .string(m.kind.rawValue)]
                if let old = m.oldName { o["old_name"] = .string(old) }
                o["fields"] = .array(m.fields.map(field))
                return .object(o)
            }),
            "access": .array(env.access.map { a in
                [
                    "function": .string(a.function), "resource": .string(a.resource), "type": .string(a.resourceKind),
                    "added": .array(a.added.map(Value.string)), "removed": .array(a.removed.map(Value.string)),
                    "aws_actions_added": .array(a.actionsAdded.map(Value.string)),
                    "aws_actions_removed": .array(a.actionsRemoved.map(Value.string)),
                ]
            }),
            "resources": .array(env.resources.map(resource)),
        ]
    }

    private static func resource(_ r: ResourceChange) -> Value {
        var o: JSONObject = [
            "change": .string(r.kind.rawValue), "target": .string(r.target.rawValue), "format": .string(r.format),
            "type": .string(r.type), "logical_name": .string(r.logicalName), "data_loss": .bool(r.isDataLoss),
        ]
        if let old = r.oldLogicalName { o["old_logical_name"] = .string(old) }
        if let p = r.physicalName { o["physical_name"] = .string(p) }
        if let p = r.oldPhysicalName, p != r.physicalName { o["old_physical_name"] = .string(p) }
        if let s = r.source { o["source"] = .string(s.description) }
        if let fate = r.dataFate { o["data_fate"] = .string(fate.rawValue) }
        if !r.replacedBecause.isEmpty { o["replaced_because"] = .array(r.replacedBecause.map(Value.string)) }
        if !r.hints.isEmpty { o["hints"] = .array(r.hints.map(Value.string)) }
        o["attributes"] = .array(r.attributes.map(field))
        return .object(o)
    }

    private static func field(_ f: FieldChange) -> Value {
        ["path": .string(f.path), "change": .string(f.kind.rawValue), "old": f.old ?? .null, "new": f.new ?? .null]
    }
}
