import DistlangCore
import DistlangLoader
import DistlangModel
import DistlangSpec

/// `--against-git REF`: the build manifest committed in REF, or, when REF has none (`dist/` is
/// usually not committed), the spec as committed in REF built in memory by this distlang, its
/// referenced files read from git's objects too. No checkout; the working tree is never read.
public enum GitBaseline {
    /// `spec` and `outDirectory` as the user named them; `request` is the current build's (the old
    /// spec is built the same way, by the same emitters, so only the spec's changes show).
    public static func find(
        revision: String, spec: String, outDirectory: String, request: BuildRequest, emitters: [TargetEmitter] = TargetEmitters.all
    ) throws -> Baseline {
        let option = "--against-git \(revision)"
        guard let repository = try gitRepository(containing: spec, option: option) else {
            throw BaselineError(
                "\(option): \(spec) is not in a git repository", lookedFor: ["a git working tree holding \(spec)"],
                hint: "run distlang in a clone of the repository, or compare with a build's folder (--against DIR)")
        }
        guard let commit = try git(option, { try repository.commit(revision) }) else {
            throw BaselineError(
                "\(option): unknown revision \(revision)", lookedFor: ["\(revision) in the git repository at \(repository.top.path)"],
                hint: "name a branch, tag or commit that exists there; a shallow clone lacks the history (fetch it: `git fetch origin <branch>`, or `fetch-depth: 0` with actions/checkout)")
        }
        guard let specPath = repository.relativePath(spec) else {
            throw BaselineError("\(option): \(spec) is outside the git repository at \(repository.top.path)")
        }
        let manifestPath = repository.relativePath(joinPath(outDirectory, Manifest.fileName))
        if let manifestPath, let bytes = try git(option, { try repository.file(manifestPath, at: commit) }) {
            let name = "\(revision):\(manifestPath)"
            let loaded = Loader.load(bytes: bytes, file: name, format: .json, options: Manifest.loadOptions)
            return Baseline(
                manifest: try DirectoryBaseline.decode(loaded, what: name, option: option),
                origin: .gitManifest(revision: revision, commit: commit, path: manifestPath))
        }
        guard let specBytes = try git(option, { try repository.file(specPath, at: commit) }) else {
            throw BaselineError(
                "\(option): \(revision) has no build manifest and no spec to build one from",
                lookedFor: (manifestPath.map { ["\(revision):\($0)"] } ?? []) + ["\(revision):\(specPath)"],
                hint: "if this change adds the spec, there is no earlier build to compare with: skip the diff (`git cat-file -e \(revision):\(specPath) || exit 0`); otherwise name a revision that has the spec")
        }
        let folder = PathText.deletingLastComponent(specPath)
        var oldRequest = request
        oldRequest.specFiles = GitSpecFiles(repository: repository, commit: commit, folder: folder.isEmpty ? "." : folder)
        let manifest = try build(
            specBytes, name: "\(revision):\(specPath)", specPath: specPath, request: oldRequest, emitters: emitters, option: option)
        return Baseline(
            manifest: manifest, origin: .gitSpec(revision: revision, commit: commit, spec: specPath, toolVersion: DistlangTool.version))
    }

    /// The old spec's build manifest, computed in memory.
    private static func build(
        _ bytes: [UInt8], name: String, specPath: String, request: BuildRequest, emitters: [TargetEmitter], option: String
    ) throws -> Manifest {
        let text = String(decoding: bytes, as: UTF8.self)
        let loaded = Loader.load(bytes: bytes, file: name, format: InputFormat.forPath(specPath))
        var diagnostics = loaded.diagnostics
        var models: [AppModel] = []
        if let document = loaded.document {
            // Schema and semantic rules, but not the targets' capability checks: a rule that has
            // tightened since (a runtime past its deprecation) must not stop the comparison.
            let compiled = SpecCompiler().compile(document: document, specDirectory: nil)
            diagnostics = compiled.diagnostics
            models = compiled.models
        }
        if !diagnostics.hasErrors {
            let plan = try Builder(emitters: emitters).plan(
                models: models, specFile: specPath, specText: text, request: request)
            if !plan.hasErrors { return plan.manifest }
            diagnostics = plan.diagnostics
        }
        var error = BaselineError(
            "\(option): the spec at \(name) does not build with distlang \(DistlangTool.version)", lookedFor: [name],
            hint: "fix it at that revision, or compare with a manifest its own distlang wrote (--against DIR)")
        error.diagnostics = diagnostics.filter { $0.severity == .error }
        error.source = (name, text)
        throw error
    }

    private static func gitRepository(containing path: String, option: String) throws -> GitRepository? {
        try git(option) { try GitRepository(containing: path) }
    }

    /// Runs a git step; its failure is a baseline error.
    private static func git<T>(_ option: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let failure as GitRepository.Failure {
            throw BaselineError("\(option): \(failure.description)")
        }
    }
}

/// The files a spec references, as committed in one revision.
struct GitSpecFiles: SpecFiles {
    let repository: GitRepository
    let commit: String
    /// The spec's folder, relative to the repository's top.
    let folder: String

    func contents(of path: String) -> [UInt8]? {
        try? repository.file(joinPath(folder, path), at: commit)
    }

    func files(under sub: String) -> [String] {
        let prefix = folder == "." ? "" : folder + "/"
        let listed = (try? repository.files(under: joinPath(folder, sub), at: commit)) ?? []
        return listed.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
    }
}
