import DistlangCore
import DistlangLoader
import DistlangModel
import Foundation

/// What a write did.
public struct WriteReport: Sendable, Equatable {
    /// Files created or changed (paths relative to the output folder).
    public var written: [String] = []
    public var unchanged: [String] = []
    /// Files an earlier build wrote that this one does not.
    public var removed: [String] = []
    /// Such files left in place because they were edited after distlang wrote them.
    public var keptEdited: [String] = []
}

/// A write that failed; the output folder is as it was before.
public struct OutputWriteError: Error, CustomStringConvertible {
    public var description: String
}

/// Writes a build plan into the output folder all or nothing.
///
/// Every file is first written to a staging folder beside the output folder (same file system);
/// only then are files moved into place one by one, each replaced file moved to a backup folder
/// first. If anything fails, the moves are undone in reverse order, so the output folder is left
/// byte for byte as it was. Files the previous build wrote (its manifest lists them) and this one
/// does not are removed; files distlang did not write are never touched.
public struct OutputWriter {
    let fs: BuildFileSystem

    public init(fileSystem: BuildFileSystem = LocalFileSystem()) {
        self.fs = fileSystem
    }

    /// The previous build's manifest in `outDirectory`, if there is a readable one.
    public func previousManifest(in outDirectory: String) -> Manifest? {
        let path = joinPath(outDirectory, Manifest.fileName)
        guard let data = fs.contents(of: path) else { return nil }
        let loaded = Loader.load(bytes: [UInt8](data), file: path, format: .json, options: Manifest.loadOptions)
        guard let doc = loaded.document, case .success(let m) = ManifestCoding.decode(doc.value) else { return nil }
        return m
    }

    /// The manifest after this build: this build's entries, and the previous build's entries for
    /// targets and environments this build does not cover.
    public func mergedManifest(_ plan: BuildPlan, previous: Manifest?) -> Manifest {
        var m = plan.manifest
        guard let previous else { return m }
        m.files += previous.files.filter { !plan.scope.covers(target: $0.target, environment: $0.environment) }
        m.files.sort { $0.path < $1.path }
        m.resources += previous.resources.filter { !plan.scope.covers(target: $0.target, environment: $0.environment) }
        m.resources = ResourceKey.sorted(m.resources)
        for (env, model) in previous.models where !plan.scope.covers(environment: env) { m.models[env] = model }
        return m
    }

    /// Writes `plan` into `outDirectory`.
    @discardableResult
    public func write(_ plan: BuildPlan, to outDirectory: String) throws -> WriteReport {
        try write(plan, to: outDirectory, previous: previousManifest(in: outDirectory))
    }

    /// Writes `plan` into `outDirectory`, whose previous manifest the caller has read already
    /// (`previousManifest(in:)`).
    @discardableResult
    public func write(_ plan: BuildPlan, to outDirectory: String, previous: Manifest?) throws -> WriteReport {
        let manifestBytes = StageTimings.measure("manifest") { ManifestCoding.encodedBytes(mergedManifest(plan, previous: previous)) }
        var wanted: [(path: String, data: Data)] = plan.files.map { ($0.file.path, $0.file.data) }
        wanted.append((Manifest.fileName, Data(manifestBytes)))

        if !fs.exists(outDirectory) { return try writeFresh(wanted, to: outDirectory) }
        var report = WriteReport()
        var changed: [(path: String, data: Data)] = []
        for file in wanted {
            if fs.contents(of: joinPath(outDirectory, file.path)) == file.data {
                report.unchanged.append(file.path)
            } else {
                changed.append(file)
            }
        }
        let keep = Set(wanted.map(\.path))
        var stale: [String] = []
        for old in previous?.files ?? [] where !keep.contains(old.path) && plan.scope.covers(target: old.target, environment: old.environment) {
            let full = joinPath(outDirectory, old.path)
            guard let data = fs.contents(of: full) else { continue }
            if SHA256.hex([UInt8](data)) == old.sha256 { stale.append(old.path) } else { report.keptEdited.append(old.path) }
        }
        guard !changed.isEmpty || !stale.isEmpty else { return report }

        let (staging, backup) = scratchFolders(for: outDirectory)
        defer {
            try? fs.remove(staging)
            try? fs.remove(backup)
        }
        try stage(changed, in: staging, for: outDirectory)
        var journal = MoveJournal(fs: fs)
        do {
            try journal.createParents(of: joinPath(outDirectory, Manifest.fileName))
            for file in changed {
                let target = joinPath(outDirectory, file.path)
                if fs.exists(target) { try journal.move(target, to: joinPath(backup, file.path)) }
                try journal.createParents(of: target)
                try journal.move(joinPath(staging, file.path), to: target)
            }
            for path in stale { try journal.move(joinPath(outDirectory, path), to: joinPath(backup, path)) }
        } catch {
            journal.rollBack()
            throw OutputWriteError(description: "could not put the build in place: \(error.localizedDescription); \(outDirectory) is unchanged")
        }
        report.written = changed.map(\.path)
        report.removed = stale
        for path in stale { removeEmptyParents(of: joinPath(outDirectory, path), upTo: outDirectory) }
        return report
    }

    /// Writes `files` under `staging` (creating each folder once); a failure names `outDirectory`
    /// as unchanged, since nothing has been moved there yet.
    private func stage(_ files: [(path: String, data: Data)], in staging: String, for outDirectory: String) throws {
        do {
            var created = Set<String>()
            for file in files {
                let path = joinPath(staging, file.path)
                let folder = PathText.deletingLastComponent(path)
                if created.insert(folder).inserted { try fs.createDirectory(folder) }
                try fs.write(file.data, to: path)
            }
        } catch {
            throw OutputWriteError(description: "could not write the build: \(error.localizedDescription); \(outDirectory) is unchanged")
        }
    }

    /// A first build (no output folder yet): every file goes into a staging folder, which is then
    /// renamed to the output folder in one step. Ten thousand files cost ten thousand fewer
    /// folder creations and moves than placing them one by one.
    private func writeFresh(_ wanted: [(path: String, data: Data)], to outDirectory: String) throws -> WriteReport {
        let (staging, _) = scratchFolders(for: outDirectory)
        var placed = false
        defer { if !placed { try? fs.remove(staging) } }
        try stage(wanted, in: staging, for: outDirectory)
        var journal = MoveJournal(fs: fs)
        do {
            try journal.createParents(of: outDirectory)
            try journal.move(staging, to: outDirectory)
            placed = true
        } catch {
            journal.rollBack()
            throw OutputWriteError(description: "could not put the build in place: \(error.localizedDescription); \(outDirectory) is unchanged")
        }
        var report = WriteReport()
        report.written = wanted.map(\.path)
        return report
    }

    /// The staging and backup folders of a write: beside the output folder (same file system),
    /// hidden, and unique to this run.
    private func scratchFolders(for outDirectory: String) -> (staging: String, backup: String) {
        let parent = PathText.deletingLastComponent(outDirectory)
        let base = (outDirectory as NSString).lastPathComponent
        let token = UUID().uuidString.prefix(8)
        return (joinPath(parent.isEmpty ? "." : parent, ".\(base).distlang-staging-\(token)"),
                joinPath(parent.isEmpty ? "." : parent, ".\(base).distlang-backup-\(token)"))
    }

    private func removeEmptyParents(of path: String, upTo root: String) {
        var dir = PathText.deletingLastComponent(path)
        while dir.count > root.count, dir.hasPrefix(root), fs.isDirectory(dir), fs.contentsOfDirectory(dir).isEmpty {
            try? fs.remove(dir)
            dir = PathText.deletingLastComponent(dir)
        }
    }
}

/// The moves done so far, so they can be undone.
struct MoveJournal {
    let fs: BuildFileSystem
    private var moves: [(from: String, to: String)] = []
    private var createdDirectories: [String] = []

    init(fs: BuildFileSystem) { self.fs = fs }

    mutating func move(_ from: String, to: String) throws {
        try createParents(of: to)
        try fs.move(from, to: to)
        moves.append((from, to))
    }

    /// Creates the missing folders above `path`, remembering them for a rollback.
    mutating func createParents(of path: String) throws {
        var missing: [String] = []
        var dir = PathText.deletingLastComponent(path)
        while !dir.isEmpty, dir != "/", !fs.exists(dir) {
            missing.append(dir)
            dir = PathText.deletingLastComponent(dir)
        }
        for d in missing.reversed() {
            try fs.createDirectory(d)
            createdDirectories.append(d)
        }
    }

    /// Undoes every move (latest first) and removes the folders it created.
    func rollBack() {
        for m in moves.reversed() { try? fs.move(m.to, to: m.from) }
        for d in createdDirectories.reversed() where fs.contentsOfDirectory(d).isEmpty { try? fs.remove(d) }
    }
}

extension EmittedFile {
    /// The bytes to write.
    var data: Data {
        switch body {
        case .text(let text): return Data(text.utf8)
        case .bytes(let bytes): return Data(bytes)
        }
    }
}
