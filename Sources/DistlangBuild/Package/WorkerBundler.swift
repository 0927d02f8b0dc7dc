import DistlangCore
import DistlangModel
import Foundation

/// Bundles Workers for Cloudflare's Terraform with esbuild (Debian's `esbuild` package), all in one
/// run: a work folder holds each entry, the runtime, and `app`, a link to the spec's folder;
/// esbuild runs there with `--preserve-symlinks`, so every path in the bundles' comments is relative
/// to the work folder (`app/src/api.js`) and the bytes do not depend on where anything is.
struct WorkerBundler {
    /// The spec's folder on disk; nil (a spec read from git) makes no bundles.
    let specDirectory: String?

    struct Result {
        var files: [EmittedFile] = []
        var diagnostics: [Diagnostic] = []
        var notes: [String] = []
    }

    /// The esbuild options: ES modules for workerd; Node built-ins and `cloudflare:` modules stay
    /// imports (the runtime provides them with nodejs_compat).
    static let options = [
        "--bundle", "--format=esm", "--target=es2022", "--charset=utf8", "--preserve-symlinks", "--log-level=error",
        "--conditions=workerd,worker,browser", "--main-fields=browser,module,main",
        "--external:node:*", "--external:cloudflare:*", "--out-extension:.js=.mjs",
    ]

    static let missingNote =
        "esbuild is not installed, so cloudflare/bundle/ (the Worker files Cloudflare's Terraform uploads) was not written: install it (`apt-get install esbuild`) and build again"

    func bundle(_ bundles: [WorkerBundle]) -> Result {
        guard let specDirectory, !bundles.isEmpty else { return Result() }
        guard let esbuild = Self.esbuild else { return Result(notes: [Self.missingNote]) }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("distlang-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try write(bundles, into: work, specDirectory: specDirectory)
        } catch {
            return Result(diagnostics: [.error("package.bundle", "the Worker bundles cannot be prepared: \(error)")])
        }
        let entries = bundles.map { "entries/\($0.function).mjs" }
        let run = ProcessRun.run(esbuild, entries + Self.options + ["--outdir=out"], in: work.path)
        guard run.status == 0 else {
            return Result(diagnostics: EsbuildMessages.diagnostics(run.errorText, specDirectory: specDirectory))
        }
        var result = Result()
        for bundle in bundles {
            guard let bytes = FileManager.default.contents(atPath: work.appendingPathComponent("out/\(bundle.function).mjs").path) else {
                result.diagnostics.append(.error("package.bundle", "esbuild wrote no bundle for function \(bundle.function)"))
                continue
            }
            for output in bundle.outputs {
                result.files.append(EmittedFile(path: output.path, bytes: [UInt8](bytes), environment: output.environment))
            }
        }
        return result
    }

    /// `entries/<function>.mjs`, `runtime/...`, and `app` linked to the spec's folder.
    private func write(_ bundles: [WorkerBundle], into work: URL, specDirectory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: work.appendingPathComponent("entries"), withIntermediateDirectories: true)
        let absolute = specDirectory.hasPrefix("/") ? specDirectory : joinPath(fm.currentDirectoryPath, specDirectory)
        try fm.createSymbolicLink(atPath: work.appendingPathComponent(WorkerBundle.appFolder).path, withDestinationPath: absolute)
        for file in bundles.first?.runtimeFiles ?? [] {
            let url = work.appendingPathComponent(WorkerBundle.runtimeFolder + "/" + file.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        for bundle in bundles {
            try Data(bundle.entry.utf8).write(to: work.appendingPathComponent("entries/\(bundle.function).mjs"))
        }
    }

    /// esbuild on PATH (`DISTLANG_ESBUILD` names another).
    static var esbuild: String? {
        if let named = ProcessInfo.processInfo.environment["DISTLANG_ESBUILD"], !named.isEmpty {
            return FileManager.default.isExecutableFile(atPath: named) ? named : nil
        }
        return ProcessRun.find("esbuild")
    }
}
