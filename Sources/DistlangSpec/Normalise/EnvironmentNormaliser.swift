import DistlangCore
import DistlangModel
import Foundation

/// Turns one environment's merged, schema-valid spec into an `AppModel`: defaults applied, values
/// typed, references resolved, physical names chosen, and the semantic checks of the brief run.
struct EnvironmentNormaliser {
    let environment: EnvironmentDocument
    /// The spec file's folder, to warn about missing sources (nil: do not check files).
    let specDirectory: String?
    var sink: DiagnosticSink
    /// Where each value came from; recorded only when asked for (`distlang explain`).
    var provenance = Provenance()
    let recordsProvenance: Bool

    init(environment: EnvironmentDocument, specDirectory: String?, recordsProvenance: Bool) {
        self.environment = environment
        self.specDirectory = specDirectory
        self.recordsProvenance = recordsProvenance
        self.sink = DiagnosticSink(sourceMap: environment.document.sourceMap)
    }

    var envName: String { environment.name }

    mutating func run() -> AppModel? {
        let root = SpecNode(environment.document.value)
        guard let app = root["name"]?.string else { return nil }
        record("name", root["name"])
        record("description", root["description"])
        let defaults = root["defaults"]
        var resources = root["resources"]?.members.compactMap { buildResource($0.key, $0.node) } ?? []
        var functions = root["functions"]?.members.compactMap { buildFunction($0.key, $0.node, defaults: defaults) } ?? []
        let targets = buildTargets(root["targets"], functions: functions)

        var checks = SemanticChecks(environment: envName, sink: sink)
        checks.run(functions: functions, resources: resources)
        sink = checks.sink
        applyQueueDefaults(&resources, functions: functions, root: root)
        PhysicalNamer(app: app, environment: envName, targets: targets.kinds).assign(functions: &functions, resources: &resources)
        checkSources(functions)

        return AppModel(
            app: app, description: root["description"]?.string, environment: envName,
            functions: functions.sorted { $0.name < $1.name }, resources: resources.sorted { $0.name < $1.name },
            targets: targets)
    }

    // MARK: functions

    private mutating func buildFunction(_ name: String, _ node: SpecNode, defaults: SpecNode?) -> FunctionModel? {
        guard let source = node["source"]?.string else { return nil }
        let path = "functions.\(name)"
        record("\(path).source", node["source"])
        var f = FunctionModel(name: name, source: Self.normalisePath(source))
        f.handler = setting(node, defaults: nil, key: "handler", path: path, builtIn: "handler") { $0.string }
        if let handler = node["handler"] {
            sink.warning(
                "spec.handler-ignored",
                "handler is no longer used: the generated entry owns the Lambda handler (index.handler) and calls the module's default export on every platform",
                at: handler.pointer, atKey: true, hint: "remove it, and export default { fetch, queue, scheduled } from \(f.source) (docs/runtime.md)")
        }
        let runtimeName = setting(node, defaults: defaults, key: "runtime", path: path, builtIn: "nodejs22") { $0.string }
        f.runtime = Runtime(rawValue: runtimeName) ?? .nodejs22
        f.memory = setting(node, defaults: defaults, key: "memory", path: path, builtIn: 128) { $0.int }
        f.timeout = setting(node, defaults: defaults, key: "timeout", path: path, builtIn: 30) { $0.int }
        f.writtenSettings = Set(node.members.map(\.key) + (defaults?.members.map(\.key) ?? []))
        f.env = (node["env"]?.members ?? []).map { key, value in
            record("\(path).env.\(key)", value)
            return EnvironmentVariable(name: key, value: Self.text(of: value.value))
        }.sorted { $0.name < $1.name }
        f.secrets = (node["secrets"]?.elements ?? []).compactMap(\.string).sorted()
        record("\(path).secrets", node["secrets"])
        f.routes = (node["http"]?.elements ?? []).compactMap { route in
            guard let text = route.string else { return nil }
            switch Route.parse(text) {
            case .success(let r): return r
            case .failure(let e):
                sink.error("spec.route", e.description, at: route.pointer, hint: ExpressionSuggestions.route(text).map { "write \"\($0)\"" })
                return nil
            }
        }
        record("\(path).http", node["http"])
        f.schedules = (node["schedule"]?.elements ?? []).compactMap { schedule in
            guard let text = schedule.string else { return nil }
            switch CronSchedule.parse(text) {
            case .success(let s): return s
            case .failure(let e):
                let fix = ExpressionSuggestions.schedule(text)
                let message = ExpressionSuggestions.isAWSSchedule(text)
                    ? "\(JSONWriter.quote(text)) is an AWS schedule expression; a schedule is a 5-field cron expression (minute hour day-of-month month day-of-week) in UTC"
                    : e.description
                sink.error(
                    "spec.schedule", message, at: schedule.pointer,
                    hint: fix.map { "write \"\($0.cron)\" (\($0.meaning))" } ?? "for example \"0 3 * * *\" runs at 03:00 UTC every day")
                return nil
            }
        }
        record("\(path).schedule", node["schedule"])
        f.uses = (node["uses"]?.members ?? []).compactMap { key, value in
            guard let access = value.string.flatMap(Access.init(rawValue:)) else { return nil }
            record("\(path).uses.\(key)", value)
            return Binding(resource: key, access: access)
        }.sorted { $0.resource < $1.resource }
        if let consumes = node["consumes"], let queue = consumes["queue"]?.string {
            let batch = consumes["batch_size"]?.int ?? 10
            record("\(path).consumes.queue", consumes["queue"])
            recordOr("\(path).consumes.batch_size", consumes["batch_size"])
            f.consumes = QueueConsumer(queue: queue, batchSize: batch)
        }
        return f
    }

    /// A function setting: its own value, else `defaults`, else the built-in default; records where it came from.
    private mutating func setting<T>(
        _ node: SpecNode, defaults: SpecNode?, key: String, path: String, builtIn: T, _ read: (SpecNode) -> T?
    ) -> T {
        if let own = node[key], let v = read(own) {
            record("\(path).\(key)", own)
            return v
        }
        if let d = defaults?[key], let v = read(d) {
            if recordsProvenance { recordDefault("\(path).\(key)", .defaults(inOverlay: isOverlay(d.pointer) ? envName : nil), d.pointer) }
            return v
        }
        recordDefault("\(path).\(key)", .builtIn, nil)
        return builtIn
    }

    // MARK: resources

    private mutating func buildResource(_ name: String, _ node: SpecNode) -> ResourceModel? {
        guard let kind = node["type"]?.string.flatMap(ResourceKind.init(rawValue:)) else { return nil }
        let path = "resources.\(name)"
        record("\(path).type", node["type"])
        var r = ResourceModel(name: name, kind: kind)
        r.writtenSettings = Set(node.members.map(\.key).filter { $0 != "type" })
        switch kind {
        case .bucket:
            r.versioning = node["versioning"]?.bool ?? false
            recordOr("\(path).versioning", node["versioning"])
        case .queue:
            r.maxRetries = node["max_retries"]?.int ?? 3
            r.deadLetter = node["dead_letter"]?.bool ?? false
            recordOr("\(path).max_retries", node["max_retries"])
            recordOr("\(path).dead_letter", node["dead_letter"])
        case .database:
            r.engine = node["engine"]?.string ?? "sqlite"
            r.migrations = node["migrations"]?.string.map(Self.normalisePath)
            recordOr("\(path).engine", node["engine"])
            record("\(path).migrations", node["migrations"])
        case .kv:
            break
        }
        return r
    }

    /// A queue's visibility timeout: as set, else six times its consumer's timeout (at least 30 s).
    private mutating func applyQueueDefaults(_ resources: inout [ResourceModel], functions: [FunctionModel], root: SpecNode) {
        for i in resources.indices where resources[i].kind == .queue {
            let path = "resources.\(resources[i].name).visibility_timeout"
            if let set = root["resources"]?[resources[i].name]?["visibility_timeout"], let v = set.int {
                resources[i].visibilityTimeout = v
                record(path, set)
            } else {
                let consumerTimeout = functions.first { $0.consumes?.queue == resources[i].name }?.timeout ?? 0
                resources[i].visibilityTimeout = min(43_200, max(30, 6 * consumerTimeout))
                recordDefault(path, .builtIn, nil)
            }
        }
    }

    // MARK: targets

    private mutating func buildTargets(_ node: SpecNode?, functions: [FunctionModel]) -> TargetSettings {
        var settings = TargetSettings()
        if let aws = node?["aws"], let region = aws["region"]?.string {
            settings.aws = AWSSettings(region: region, outputs: outputs(aws["outputs"], of: .aws))
            record("targets.aws.region", aws["region"])
            record("targets.aws.outputs", aws["outputs"])
        }
        if let cf = node?["cloudflare"], let date = cf["compatibility_date"]?.string {
            var c = CloudflareSettings(compatibilityDate: date)
            c.accountID = cf["account_id"]?.string
            c.compatibilityFlags = (cf["compatibility_flags"]?.elements ?? []).compactMap(\.string)
            c.routes = CloudflareRoutes.resolve(cf["routes"], functions: functions, sink: &sink)
            c.workersDev = cf["workers_dev"]?.bool ?? c.routes.isEmpty
            c.outputs = outputs(cf["outputs"], of: .cloudflare)
            for key in ["account_id", "compatibility_date", "compatibility_flags", "routes"] {
                record("targets.cloudflare.\(key)", cf[key])
            }
            recordOr("targets.cloudflare.workers_dev", cf["workers_dev"])
            record("targets.cloudflare.outputs", cf["outputs"])
            settings.cloudflare = c
        }
        return settings
    }

    /// `outputs`, or every format of the target when it is not set (the schema checks the names).
    private func outputs(_ node: SpecNode?, of target: TargetKind) -> Set<OutputFormat> {
        let chosen = (node?.elements ?? []).compactMap { $0.string.flatMap(OutputFormat.init(rawValue:)) }
            .filter(target.outputFormats.contains)
        return chosen.isEmpty ? Set(target.outputFormats) : Set(chosen)
    }

    // MARK: files

    private mutating func checkSources(_ functions: [FunctionModel]) {
        guard let specDirectory else { return }
        for f in functions {
            let path = (specDirectory as NSString).appendingPathComponent(f.source)
            if !FileManager.default.fileExists(atPath: path) {
                sink.warning(
                    "spec.source-missing", "the source file \(f.source) does not exist (yet)",
                    at: JSONPointer(tokens: ["functions", f.name, "source"]),
                    hint: "create it before `distlang build`, which packages each function's code (validate accepts a source your build makes later)")
            }
        }
    }

    // MARK: provenance

    private func isOverlay(_ pointer: JSONPointer) -> Bool {
        guard let overlay = environment.overlaySpan else { return false }
        let start = environment.document.sourceMap.location(of: pointer).span.start
        return start >= overlay.start && start < overlay.end
    }

    /// Records where the value at `node` is written.
    private mutating func record(_ path: @autoclosure () -> String, _ node: SpecNode?) {
        guard recordsProvenance, let node else { return }
        let layer: Provenance.Layer = isOverlay(node.pointer) ? .overlay(envName) : .base
        provenance.record(path(), .init(layer: layer, location: sink.location(of: node.pointer)))
    }

    /// Records the value's place, or a built-in default when it is not written.
    private mutating func recordOr(_ path: @autoclosure () -> String, _ node: SpecNode?) {
        guard recordsProvenance else { return }
        if node != nil { record(path(), node) } else { provenance.record(path(), .init(layer: .builtIn, location: nil)) }
    }

    /// Records a value that is not written in the spec (a default).
    private mutating func recordDefault(_ path: @autoclosure () -> String, _ layer: Provenance.Layer, _ pointer: JSONPointer?) {
        guard recordsProvenance else { return }
        provenance.record(path(), .init(layer: layer, location: pointer.map { sink.location(of: $0) }))
    }

    // MARK: helpers

    /// `./src/a.js` -> `src/a.js`; backslashes become slashes.
    static func normalisePath(_ p: String) -> String {
        if isClean(p) { return p }
        return joinPath(p.utf8.contains(UInt8(ascii: "\\")) ? String(p.map { $0 == "\\" ? "/" : $0 }) : p)
    }

    /// No backslash, no empty, `.` or `..` segment, no trailing slash: already normal.
    private static func isClean(_ p: String) -> Bool {
        var segmentStart = true
        var dots = 0
        for b in p.utf8 {
            switch b {
            case UInt8(ascii: "\\"): return false
            case UInt8(ascii: "/"):
                if segmentStart || dots > 0 { return false }
                segmentStart = true
            case UInt8(ascii: "."):
                if segmentStart || dots > 0 { dots += 1 }
                segmentStart = false
            default:
                segmentStart = false
                dots = 0
            }
        }
        return !segmentStart && !(dots > 0 && dots <= 2)
    }

    /// An `env` value as text: strings as they are, numbers and booleans as written in JSON.
    static func text(of value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .number(let d): return JSONWriter.format(d)
        case .bool(let b): return b ? "true" : "false"
        default: return JSONWriter(indent: 0).string(value)
        }
    }
}
