import Foundation
import TestSupport

/// A temporary folder the tests write small apps and fake packages into.
struct FixtureFolder {
    let url = RepositoryPaths.temporaryDirectory("distlang-package")
    var path: String { url.path }

    /// Writes `text` to `relative`, creating folders.
    func write(_ relative: String, _ text: String) {
        write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
    }

    /// A fake installed package: `node_modules/<name>` under `folder` with a package.json and an index.js.
    func package(_ name: String, in folder: String = "", json: String = "{}", index: String = "export default 1;\n") {
        let base = (folder.isEmpty ? "" : folder + "/") + "node_modules/" + name
        write(base + "/package.json", json)
        write(base + "/index.js", index)
    }

    /// A symbolic link at `relative` pointing at `destination` (as written, relative to the link's folder).
    func link(_ relative: String, to destination: String) {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: destination)
    }

    func bytes(_ relative: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: url.appendingPathComponent(relative).path)!)
    }
}
