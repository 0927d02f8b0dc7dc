import DistlangCore

/// What a target emitter produces from the models of every environment: the files to write, the
/// resources they declare (for the build manifest and `distlang diff`), notes for the build summary,
/// and diagnostics (e.g. a CloudFormation limit exceeded).
public struct TargetOutput: Sendable {
    public var files: [EmittedFile]
    public var resources: [EmittedResource]
    /// Short lines for the build summary: approximations, steps the user must take first.
    public var notes: [String]
    public var diagnostics: [Diagnostic]
    /// Worker bundles the build makes with esbuild after emitting (Cloudflare's Terraform uploads one
    /// file per Worker).
    public var bundles: [WorkerBundle] = []

    public init(files: [EmittedFile] = [], resources: [EmittedResource] = [], notes: [String] = [], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.resources = resources
        self.notes = notes
        self.diagnostics = diagnostics
    }

    public mutating func append(_ other: TargetOutput) {
        files += other.files
        resources += other.resources
        notes += other.notes
        diagnostics += other.diagnostics
        bundles += other.bundles
    }
}

/// A file to write, at a path relative to the output folder (`dist/`), e.g.
/// `cloudflare/wrangler/api/wrangler.toml` or `aws/cloudformation/production.yaml`.
public struct EmittedFile: Sendable, Equatable {
    /// Text (every generated file), or bytes copied or packed as they are (user code, zips).
    public enum Body: Sendable, Equatable {
        case text(String)
        case bytes([UInt8])
    }

    public var path: String
    public var body: Body
    /// The environment the file belongs to; nil for files holding every environment (wrangler.toml).
    /// `distlang build --env E` writes only E's files and the all-environment ones.
    public var environment: String?

    public init(path: String, contents: String, environment: String? = nil) {
        self.path = path
        self.body = .text(contents)
        self.environment = environment
    }

    public init(path: String, bytes: [UInt8], environment: String? = nil) {
        self.path = path
        self.body = .bytes(bytes)
        self.environment = environment
    }

    /// The text of a text file (a byte file as UTF-8, for tests and messages).
    public var contents: String {
        switch body {
        case .text(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The bytes the file is written with.
    public var bytes: [UInt8] {
        switch body {
        case .text(let text): return Array(text.utf8)
        case .bytes(let bytes): return bytes
        }
    }
}

/// One resource an output declares.
///
/// Its identity across builds is `(target, format, environment, type, logicalName)`; the file it is
/// in is not part of it (a resource may move between files). `attributes` are the settings a
/// reviewer cares about, as plain values; a change in one of `replacingAttributes` means the
/// provider replaces the resource rather than updating it.
public struct EmittedResource: Sendable, Equatable {
    public var target: TargetKind
    /// `terraform`, `wrangler` or `cloudformation`.
    public var format: String
    public var environment: String
    /// The provider's type: `aws_s3_bucket`, `AWS::S3::Bucket`, `cloudflare_workers_script`, `kv_namespaces` ...
    public var type: String
    /// The name inside the output: the Terraform resource name, the CloudFormation logical ID, the
    /// wrangler binding or Worker.
    public var logicalName: String
    /// The name the resource has in the cloud, when distlang sets it.
    public var physicalName: String?
    /// The output file (relative to the output folder).
    public var file: String
    public var attributes: JSONObject
    public var replacingAttributes: [String]
    /// The model element it comes from, e.g. `function api` or `resource uploads`.
    public var source: ModelElement?
    /// Holds data that removing or replacing the resource would lose.
    public var isStateful: Bool
    /// The provider keeps the resource in the cloud, data and all, when the output no longer
    /// declares it (CloudFormation's `DeletionPolicy: Retain`): removing it orphans it rather than
    /// deleting it. Terraform's `prevent_destroy` does not do this (the guard leaves with the block).
    public var isRetained: Bool

    public init(
        target: TargetKind, format: String, environment: String, type: String, logicalName: String,
        physicalName: String? = nil, file: String, attributes: JSONObject = JSONObject(), replacingAttributes: [String] = [],
        source: ModelElement? = nil, isStateful: Bool = false, isRetained: Bool = false
    ) {
        self.target = target
        self.format = format
        self.environment = environment
        self.type = type
        self.logicalName = logicalName
        self.physicalName = physicalName
        self.file = file
        self.attributes = attributes
        self.replacingAttributes = replacingAttributes
        self.source = source
        self.isStateful = isStateful
        self.isRetained = isRetained
    }
}

/// A function or resource of the model.
public struct ModelElement: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case function, resource }
    public var kind: Kind
    public var name: String

    public init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    public var description: String { "\(kind.rawValue) \(name)" }
}

/// How the build was asked to run.
public struct EmitOptions: Sendable {
    /// The spec file's folder as seen from the output folder, with `/` separators (e.g. `..` for
    /// `dist/` next to the spec). Emitted paths to source files start from it.
    public var specDirectoryFromOutput: String
    /// CloudFormation formats to write.
    public var cloudFormationFormats: Set<CloudFormationFormat>
    /// The files the spec references, for an emitter that reads one; nil when none can be read.
    public var specFiles: (any SpecFiles)?

    public init(
        specDirectoryFromOutput: String = "..", cloudFormationFormats: Set<CloudFormationFormat> = [.yaml],
        specFiles: (any SpecFiles)? = nil
    ) {
        self.specDirectoryFromOutput = specDirectoryFromOutput
        self.cloudFormationFormats = cloudFormationFormats
        self.specFiles = specFiles
    }
}

public enum CloudFormationFormat: String, Sendable, CaseIterable {
    case yaml, json
}

/// An emitter for one target: all environments' models in, that target's files out.
public protocol TargetEmitter {
    var target: TargetKind { get }
    /// `models` holds one model per environment, sorted by environment name; each has this target in `targets`.
    func emit(_ models: [AppModel], options: EmitOptions) -> TargetOutput
}

/// Joins path parts with `/`, dropping empty parts and `.`, folding `x/..`; absolute when the first
/// part is.
public func joinPath(_ parts: String...) -> String {
    let absolute = parts.first?.hasPrefix("/") ?? false
    var out: [Substring] = []
    for part in parts {
        for seg in part.split(separator: "/") where seg != "." {
            if seg == "..", let last = out.last, last != ".." { out.removeLast() } else { out.append(seg) }
        }
    }
    if absolute { return "/" + out.joined(separator: "/") }
    return out.isEmpty ? "." : out.joined(separator: "/")
}

/// One Worker's bundle: its generated entry and the runtime it imports, for a work folder holding
/// `entries/<function>.mjs`, `runtime/` and `app` (a link to the spec's folder), which esbuild
/// turns into one ES module.
public struct WorkerBundle: Sendable {
    public var function: String
    /// Where the bundle goes, one copy per environment the Worker exists in
    /// (`cloudflare/bundle/<env>/<function>.mjs`).
    public var outputs: [(environment: String, path: String)]
    /// The entry (`entries/<function>.mjs`), importing the user's module from `../app/<source>` and the
    /// runtime from `../runtime/`.
    public var entry: String
    /// The runtime files the entry needs, by path under `runtime/`.
    public var runtimeFiles: [(path: String, text: String)]

    public init(
        function: String, outputs: [(environment: String, path: String)], entry: String,
        runtimeFiles: [(path: String, text: String)]
    ) {
        self.function = function
        self.outputs = outputs
        self.entry = entry
        self.runtimeFiles = runtimeFiles
    }

    /// The work folder's link to the spec's folder, and its runtime folder.
    public static let appFolder = "app"
    public static let runtimeFolder = "runtime"
}
