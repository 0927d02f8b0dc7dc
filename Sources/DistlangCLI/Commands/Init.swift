import ArgumentParser
import DistlangSpec
import Foundation

/// `distlang init [DIR]`: write a starter spec and handler (never over existing files).
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a starter distlang.yaml and handler.")

    @Argument(help: "The folder to write into (default: the current folder; created if needed).")
    var directory = "."

    @Option(help: "The app name (default: from the folder name).")
    var name: String?

    func run() throws {
        let folder = URL(fileURLWithPath: directory).standardizedFileURL
        let appName = name ?? Starter.appName(fromFolder: folder.lastPathComponent)
        let files = Starter.files(appName: appName)
        for file in files where FileManager.default.fileExists(atPath: folder.appendingPathComponent(file.path).path) {
            throw SpecRun.usage("\(folder.appendingPathComponent(file.path).path) already exists; distlang init never overwrites files")
        }
        do {
            for file in files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
                Terminal.write("wrote \(joined(directory, file.path))\n")
            }
        } catch {
            throw SpecRun.usage("cannot write the starter files: \(error.localizedDescription)")
        }
        Terminal.write("next: distlang validate \(joined(directory, "distlang.yaml"))\n")
    }

    private func joined(_ dir: String, _ file: String) -> String { dir == "." ? file : (dir as NSString).appendingPathComponent(file) }
}
