import DistlangCore

/// The stable JSON form of the model: fixed key order, names sorted, nothing that depends on where the
/// spec's text sits (so a comment-only edit leaves it unchanged). Recorded in the build manifest and
/// printed by `distlang explain --format json`. Documented in docs/model.md.
public enum ModelJSON {
    public static func value(_ m: AppModel) -> Value {
        var o = JSONObject()
        o["app"] = .string(m.app)
        if let d = m.description { o["description"] = .string(d) }
        o["environment"] = .string(m.environment)
        o["functions"] = .array(m.functions.map(value))
        o["resources"] = .array(m.resources.map(value))
        o["targets"] = value(m.targets)
        return .object(o)
    }

    public static func value(_ f: FunctionModel) -> Value {
        var o = JSONObject()
        o["name"] = .string(f.name)
        o["source"] = .string(f.source)
        o["handler"] = .string(f.handler)
        o["runtime"] = .string(f.runtime.rawValue)
        o["memory"] = .integer(Int64(f.memory))
        o["timeout"] = .integer(Int64(f.timeout))
        o["env"] = .object(JSONObject(f.env.map { ($0.name, Value.string($0.value)) }))
        o["secrets"] = .array(f.secrets.map(Value.string))
        o["http"] = .array(f.routes.map { .string($0.description) })
        o["schedules"] = .array(f.schedules.map { .string($0.expression) })
        o["uses"] = .object(JSONObject(f.uses.map { ($0.resource, Value.string($0.access.rawValue)) }))
        if let c = f.consumes {
            o["consumes"] = ["queue": .string(c.queue), "batch_size": .integer(Int64(c.batchSize))]
        }
        o["physical_names"] = value(f.physicalNames)
        return .object(o)
    }

    public static func value(_ r: ResourceModel) -> Value {
        var o = JSONObject()
        o["name"] = .string(r.name)
        o["type"] = .string(r.kind.rawValue)
        o["binding"] = .string(r.bindingName)
        switch r.kind {
        case .bucket:
            o["versioning"] = .bool(r.versioning)
        case .queue:
            o["max_retries"] = .integer(Int64(r.maxRetries))
            o["dead_letter"] = .bool(r.deadLetter)
            o["visibility_timeout"] = .integer(Int64(r.visibilityTimeout))
        case .database:
            if let e = r.engine { o["engine"] = .string(e) }
            if let m = r.migrations { o["migrations"] = .string(m) }
        case .kv:
            break
        }
        o["physical_names"] = value(r.physicalNames)
        if r.deadLetter { o["dead_letter_names"] = value(r.deadLetterNames) }
        return .object(o)
    }

    public static func value(_ n: PhysicalNames) -> Value {
        var o = JSONObject()
        for t in TargetKind.allCases.sorted() { if let name = n[t] { o[t.rawValue] = .string(name) } }
        return .object(o)
    }

    public static func value(_ t: TargetSettings) -> Value {
        var o = JSONObject()
        if let a = t.aws {
            var aws: JSONObject = ["region": .string(a.region)]
            if let outputs = outputs(a.outputs, of: .aws) { aws["outputs"] = outputs }
            if let bucket = a.codeBucket { aws["code_bucket"] = .string(bucket) }
            o["aws"] = .object(aws)
        }
        if let c = t.cloudflare {
            var cf = JSONObject()
            if let id = c.accountID { cf["account_id"] = .string(id) }
            cf["compatibility_date"] = .string(c.compatibilityDate)
            cf["compatibility_flags"] = .array(c.compatibilityFlags.map(Value.string))
            cf["workers_dev"] = .bool(c.workersDev)
            cf["routes"] = .array(c.routes.map { route in
                switch route.kind {
                case .pattern(let p, let zone):
                    return ["pattern": .string(p), "zone": .string(zone), "function": .string(route.function)]
                case .customDomain(let d):
                    return ["domain": .string(d), "function": .string(route.function)]
                }
            })
            if let outputs = outputs(c.outputs, of: .cloudflare) { cf["outputs"] = outputs }
            if !c.ids.isEmpty { cf["ids"] = .object(JSONObject(c.ids.keys.sorted().map { ($0, Value.string(c.ids[$0]!)) })) }
            o["cloudflare"] = .object(cf)
        }
        return .object(o)
    }

    /// A target's output formats, only when the spec chose some (so models of specs that do not use
    /// `outputs` read as they always did).
    private static func outputs(_ chosen: Set<OutputFormat>, of target: TargetKind) -> Value? {
        let all = target.outputFormats
        guard Set(all) != chosen else { return nil }
        return .array(all.filter(chosen.contains).map { .string($0.rawValue) })
    }
}
