import ArgumentParser
import DistlangSpec
import Foundation

/// `distlang init [DIR]`: write a starter spec and handler (never over existing files), the spec's
/// JSON Schema for editors (kept when one exists), and a `.gitignore` (lines added to an existing one).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a starter distlang.yaml and handler.",
        discussion: """
            Also writes distlang.schema.json, which the spec's first line points editors at (refresh it with \
            `distlang schema > distlang.schema.json`), and .gitignore lines for dist/, .distlang/ and .dev.vars.
            """)

    @Argument(help: "The folder to write into (default: the current folder; created if needed).")
    var directory: String?

    @Option(help: "The app name (default: from the folder name).")
    var name: String?

    @Flag(help: "Write a TypeScript handler, its tsconfig.json and distlang-env.d.ts (see distlang types).")
    var typescript = false

    @OptionGroup var chatter: QuietOption

    func run() throws {
        let folder = URL(fileURLWithPath: directory ?? ".").standardizedFileURL
        let appName = name ?? Starter.appName(fromFolder: folder.lastPathComponent)
        var files = StarterFiles.files(appName: appName, typescript: typescript)
        for file in files where exists(folder, file.path) {
            throw SpecRun.usage("\(folder.appendingPathComponent(file.path).path) already exists; distlang init never overwrites files")
        }
        if !exists(folder, Starter.schemaFile.path) { files.append(Starter.schemaFile) }
        var lines: [String] = []
        do {
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
                lines.append("wrote \(shown(file.path))")
            }
            if let line = try ignoreBuildOutput(in: folder) { lines.append(line) }
        } catch {
            throw SpecRun.usage("cannot write the starter files: \(error.localizedDescription)")
        }
        guard !chatter.quiet else { return }
        let next = "next: distlang dev \(shown("distlang.yaml"))   (runs the app on http://127.0.0.1:8787; try /hello)"
        Terminal.write((lines + [next]).joined(separator: "\n") + "\n")
    }

    /// Writes `.gitignore`, or adds the lines an existing one lacks; what it did, or nil when nothing was needed.
    private func ignoreBuildOutput(in folder: URL) throws -> String? {
        let url = folder.appendingPathComponent(".gitignore")
        guard let existing = try? String(contentsOf: url, encoding: .utf8) else {
            try Data((Starter.ignoredPaths.joined(separator: "\n") + "\n").utf8).write(to: url)
            return "wrote \(shown(".gitignore"))"
        }
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = Starter.ignoredPaths.filter { !present.contains($0) && !present.contains("/" + $0) }
        guard !missing.isEmpty else { return nil }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((separator + missing.joined(separator: "\n") + "\n").utf8))
        return "added \(missing.joined(separator: ", ")) to \(shown(".gitignore"))"
    }

    private func exists(_ folder: URL, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    private func shown(_ file: String) -> String {
        guard let directory, directory != "." else { return file }
        return (directory as NSString).appendingPathComponent(file)
    }
}
