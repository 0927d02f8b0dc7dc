import DistlangCore
import Foundation
import DistlangModel

/// Runs the target emitters over a compiled spec's models and assembles the build plan.
public struct Builder {
    public var emitters: [TargetEmitter]

    public init(emitters: [TargetEmitter]) {
        self.emitters = emitters
    }

    /// `models` are every environment's models; `specText` the spec's bytes (for its digest).
    public func plan(models: [AppModel], specFile: String, specText: String, request: BuildRequest) throws -> BuildPlan {
        try StageTimings.measure("plan") { try makePlan(models: models, specFile: specFile, specText: specText, request: request) }
    }

    private func makePlan(models: [AppModel], specFile: String, specText: String, request: BuildRequest) throws -> BuildPlan {
        let allEnvironments = Set(models.map(\.environment))
        if let wanted = request.environments {
            for env in wanted.sorted() where !allEnvironments.contains(env) {
                throw BuildRequestError(description: "no environment \"\(env)\" in the spec (it has: \(allEnvironments.sorted().joined(separator: ", ")))")
            }
        }
        let specTargets = Set(models.flatMap(\.targets.kinds))
        if let wanted = request.targets {
            for t in wanted.sorted() where !specTargets.contains(t) {
                throw BuildRequestError(description: "the spec does not build for \(t.rawValue) (its targets: \(specTargets.sorted().map(\.rawValue).joined(separator: ", ")))")
            }
        }
        let scope = BuildScope(
            targets: request.targets ?? specTargets, allTargets: request.targets == nil,
            environments: request.environments ?? allEnvironments, allEnvironments: request.environments == nil)
        let options = EmitOptions(
            specDirectoryFromOutput: request.specDirectoryFromOutput, cloudFormationFormats: request.cloudFormationFormats,
            specFiles: request.specFiles)

        var files: [(file: EmittedFile, target: TargetKind)] = []
        var resources: [EmittedResource] = []
        var notes: [TargetKind: [String]] = [:]
        var diagnostics: [Diagnostic] = []
        var bundles: [WorkerBundle] = []
        for emitter in emitters.sorted(by: { $0.target < $1.target }) where scope.targets.contains(emitter.target) {
            // Every environment goes in (files such as wrangler.toml hold them all); the output is
            // then cut down to the environments asked for.
            let targetModels = models.filter { $0.targets.kinds.contains(emitter.target) }.sorted { $0.environment < $1.environment }
            guard !targetModels.isEmpty else { continue }
            let output = StageTimings.measure("emit \(emitter.target.rawValue)") { emitter.emit(targetModels, options: options) }
            if scope.allEnvironments {
                files += output.files.map { ($0, emitter.target) }
                resources += output.resources
            } else {
                files += output.files.filter { scope.covers(target: emitter.target, environment: $0.environment) }.map { ($0, emitter.target) }
                resources += output.resources.filter { scope.covers(environment: $0.environment) }
            }
            notes[emitter.target] = output.notes
            diagnostics += output.diagnostics
            bundles += output.bundles.map { bundle in
                var covered = bundle
                covered.outputs = bundle.outputs.filter { scope.covers(environment: $0.environment) }
                return covered
            }.filter { !$0.outputs.isEmpty }
        }
        var code: [FunctionCode] = []
        if let specFiles = request.specFiles, !diagnostics.hasErrors {
            let source: any CodeSource = (specFiles as? DirectorySpecFiles).map(DirectoryCodeSource.init) ?? SpecFilesCodeSource(files: specFiles)
            let packaged = StageTimings.measure("package") {
                CodePackager(source: source, locate: request.locateInSpec)
                    .package(models: models, emitted: files.map(\.file), bundles: bundles)
            }
            files += packaged.files.map { ($0, $0.path.hasPrefix("aws/") ? TargetKind.aws : .cloudflare) }
            code = packaged.code
            diagnostics += packaged.diagnostics
            if !packaged.notes.isEmpty { notes[.cloudflare, default: []] += packaged.notes }
        }
        files.sort { $0.file.path < $1.file.path }
        let manifest = StageTimings.measure("manifest") { () -> Manifest in
            let digests = Self.digests(files.map(\.file.body))
            return Manifest(
                specFile: NSStringPath(specFile).lastComponent, specSHA256: SHA256.hex(specText),
                models: Dictionary(uniqueKeysWithValues: models.filter { scope.covers(environment: $0.environment) }.map { ($0.environment, ModelJSON.value($0)) }),
                resources: ResourceKey.sorted(resources),
                files: files.indices.map {
                    Manifest.FileEntry(path: files[$0].file.path, sha256: digests[$0], target: files[$0].target, environment: files[$0].file.environment)
                },
                code: code)
        }
        return BuildPlan(files: files, manifest: manifest, scope: scope, notes: notes, diagnostics: diagnostics)
    }
}

extension Builder {
    /// The SHA-256 of each file body, computed on every core: a large build hashes hundreds of
    /// megabytes. Each digest depends on its body alone, so the result is the same on any machine.
    static func digests(_ texts: [EmittedFile.Body]) -> [String] {
        var out = [String](repeating: "", count: texts.count)
        let chunks = max(1, min(texts.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        out.withUnsafeMutableBufferPointer { buffer in
            let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var i = chunk
                while i < texts.count {
                    switch texts[i] {
                    case .text(let text): slots[i] = SHA256.hex(text)
                    case .bytes(let bytes): slots[i] = SHA256.hex(bytes)
                    }
                    i += chunks
                }
            }
        }
        return out
    }
}

/// The last path component, without Foundation.
struct NSStringPath {
    let path: String
    init(_ path: String) { self.path = path }
    var lastComponent: String { path.split(separator: "/").last.map(String.init) ?? path }
}
