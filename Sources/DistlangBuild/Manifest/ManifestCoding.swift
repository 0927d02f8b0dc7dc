import DistlangCore
import DistlangLoader
import DistlangModel

/// The manifest as JSON (canonical: the bytes jansson writes, see `ManifestJSON`) and back.
public enum ManifestCoding {
    public static func encode(_ m: Manifest) -> String {
        String(decoding: encodedBytes(m), as: UTF8.self)
    }

    /// The manifest's JSON as UTF-8 bytes (what the output writer writes).
    public static func encodedBytes(_ m: Manifest) -> [UInt8] {
        ManifestJSON.encode(value(m))
    }

    public static func value(_ m: Manifest) -> Value {
        var targets = JSONObject()
        for t in TargetKind.allCases {
            let resources = m.resources.filter { $0.target == t }
            let files = m.files.filter { $0.target == t }
            guard !resources.isEmpty || !files.isEmpty else { continue }
            var files_ = JSONObject()
            for f in files {
                var entry: JSONObject = ["sha256": .string(f.sha256)]
                if let env = f.environment { entry["environment"] = .string(env) }
                files_[f.path] = .object(entry)
            }
            targets[t.rawValue] = ["resources": .array(ResourceKey.sorted(resources).map(value)), "files": .object(files_)]
        }
        var root: JSONObject = [
            "manifest_version": .integer(Int64(Manifest.formatVersion)),
            "tool": ["name": .string(DistlangTool.name), "version": .string(m.toolVersion)],
            "spec": ["file": .string(m.specFile), "sha256": .string(m.specSHA256)],
            "environments": .object(JSONObject(m.models.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })),
            "targets": .object(targets),
        ]
        if !m.code.isEmpty {
            root["code"] = .object(JSONObject(m.code.map { code in
                (code.function, [
                    "sha256": .string(code.sha256),
                    "files": .object(JSONObject(code.files.map { ($0.path, Value.string($0.sha256)) })),
                ])
            }))
        }
        return .object(root)
    }

    static func value(_ r: EmittedResource) -> Value {
        var o: JSONObject = [
            "format": .string(r.format), "environment": .string(r.environment), "type": .string(r.type),
            "logical_name": .string(r.logicalName), "file": .string(r.file), "attributes": .object(r.attributes),
            "stateful": .bool(r.isStateful),
        ]
        if let p = r.physicalName { o["physical_name"] = .string(p) }
        if !r.replacingAttributes.isEmpty { o["replacing_attributes"] = .array(r.replacingAttributes.sorted().map(Value.string)) }
        if let s = r.source { o["source"] = .string(s.description) }
        if r.isRetained { o["retained"] = true }
        return .object(o)
    }

    /// Reads a manifest; nil with a reason when it is not one this version understands.
    public static func decode(_ value: Value) -> Result<Manifest, ManifestError> {
        guard let version = value["manifest_version"]?.integerValue else { return .failure(.notAManifest) }
        guard version == Int64(Manifest.formatVersion) else { return .failure(.unsupportedVersion(Int(version))) }
        var resources: [EmittedResource] = []
        var files: [Manifest.FileEntry] = []
        for (targetName, targetValue) in value["targets"]?.objectValue?.entries.map({ ($0, $1) }) ?? [] {
            guard let target = TargetKind(rawValue: targetName) else { continue }
            for item in targetValue["resources"]?.arrayValue ?? [] {
                guard let r = resource(item, target: target) else { return .failure(.malformed("a resource of \(targetName)")) }
                resources.append(r)
            }
            for (path, entry) in targetValue["files"]?.objectValue?.entries.map({ ($0, $1) }) ?? [] {
                guard let sha = entry["sha256"]?.stringValue else { return .failure(.malformed("file \(path)")) }
                files.append(.init(path: path, sha256: sha, target: target, environment: entry["environment"]?.stringValue))
            }
        }
        var models: [String: Value] = [:]
        for (env, model) in value["environments"]?.objectValue?.entries.map({ ($0, $1) }) ?? [] { models[env] = model }
        // Manifests written before code was packaged have no `code`.
        var code: [FunctionCode] = []
        for (function, entry) in value["code"]?.objectValue?.entries.map({ ($0, $1) }) ?? [] {
            let entries = entry["files"]?.objectValue?.entries.map { ($0, $1) } ?? []
            code.append(FunctionCode(function: function, files: entries.compactMap { path, sha in sha.stringValue.map { (path, $0) } }))
        }
        return .success(Manifest(
            toolVersion: value["tool"]?["version"]?.stringValue ?? "?", specFile: value["spec"]?["file"]?.stringValue ?? "",
            specSHA256: value["spec"]?["sha256"]?.stringValue ?? "", models: models, resources: resources, files: files,
            code: code))
    }

    private static func resource(_ v: Value, target: TargetKind) -> EmittedResource? {
        guard let format = v["format"]?.stringValue, let env = v["environment"]?.stringValue, let type = v["type"]?.stringValue,
            let logical = v["logical_name"]?.stringValue
        else { return nil }
        let source = v["source"]?.stringValue.flatMap { s -> ModelElement? in
            let parts = s.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = ModelElement.Kind(rawValue: parts[0]) else { return nil }
            return ModelElement(kind, parts[1])
        }
        let attributes = v["attributes"]?.objectValue ?? JSONObject()
        // Manifests written before `retained` existed say it only in CloudFormation's attributes.
        let retained = v["retained"]?.boolValue ?? (attributes["DeletionPolicy"]?.stringValue == "Retain")
        return EmittedResource(
            target: target, format: format, environment: env, type: type, logicalName: logical,
            physicalName: v["physical_name"]?.stringValue, file: v["file"]?.stringValue ?? "", attributes: attributes,
            replacingAttributes: v["replacing_attributes"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            source: source, isStateful: v["stateful"]?.boolValue ?? false, isRetained: retained)
    }
}

public enum ManifestError: Error, Equatable, CustomStringConvertible {
    case notAManifest
    case unsupportedVersion(Int)
    case malformed(String)

    public var description: String {
        switch self {
        case .notAManifest: return "this is not a distlang build manifest"
        case .unsupportedVersion(let v): return "manifest format \(v) is not supported by distlang \(DistlangTool.version) (it reads format \(Manifest.formatVersion))"
        case .malformed(let what): return "the manifest is damaged: \(what) cannot be read"
        }
    }
}

/// A resource's identity across builds: target, format, environment, type and logical name.
public struct ResourceKey: Hashable, Comparable, CustomStringConvertible, Sendable {
    public var target: TargetKind
    public var format: String
    public var environment: String
    public var type: String
    public var logicalName: String

    public init(_ r: EmittedResource) {
        target = r.target
        format = r.format
        environment = r.environment
        type = r.type
        logicalName = r.logicalName
    }

    public var description: String { "\(type) \(logicalName)" }

    /// Bytewise order of (target, environment, format, type, logical name), as `sorted(_:)` uses.
    public static func < (a: ResourceKey, b: ResourceKey) -> Bool {
        if a.target != b.target { return a.target.rawValue.utf8.lexicographicallyPrecedes(b.target.rawValue.utf8) }
        if a.environment != b.environment { return a.environment.utf8.lexicographicallyPrecedes(b.environment.utf8) }
        if a.format != b.format { return a.format.utf8.lexicographicallyPrecedes(b.format.utf8) }
        if a.type != b.type { return a.type.utf8.lexicographicallyPrecedes(b.type.utf8) }
        if a.logicalName != b.logicalName { return a.logicalName.utf8.lexicographicallyPrecedes(b.logicalName.utf8) }
        return false
    }

    static func order(_ a: EmittedResource, _ b: EmittedResource) -> Bool { ResourceKey(a) < ResourceKey(b) }

    /// Resources in key order: bytewise by target, environment, format, type and logical name, each
    /// ended by a NUL (so a shorter name comes first); equal keys keep their order.
    ///
    /// A 10,000-function build has some 200,000 resources in a few dozen (target, environment,
    /// format, type) groups: the groups are ordered, then each group by logical name, sorting
    /// indices and moving each resource once.
    static func sorted(_ resources: [EmittedResource]) -> [EmittedResource] {
        var members: [[UInt8]: [Int]] = [:]
        for (i, r) in resources.enumerated() {
            var group: [UInt8] = []
            for part in [r.target.rawValue, r.environment, r.format, r.type] {
                group += part.utf8
                group.append(0)
            }
            members[group, default: []].append(i)
        }
        var out: [EmittedResource] = []
        out.reserveCapacity(resources.count)
        for group in members.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let indices = members[group]!
            let names = indices.map { resources[$0].logicalName }
            let order = names.indices.sorted { a, b in
                if names[a].utf8.elementsEqual(names[b].utf8) { return a < b }
                return names[a].utf8.lexicographicallyPrecedes(names[b].utf8)
            }
            for i in order { out.append(resources[indices[i]]) }
        }
        return out
    }
}
