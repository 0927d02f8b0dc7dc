import DistlangRuntime
import Foundation

/// Writes what the dev host runs from into `.host/`: the embedded runtime's core and dev adapter
/// (from the binary, so `distlang dev` needs nothing but Node.js), a `package.json` that makes its
/// `.js` files ES modules whatever the app's own package.json says, and the manifest. Files whose
/// text is unchanged are left alone.
public enum DevHostFolder {
    public static func write(_ manifest: DevManifest, to paths: DevPaths) throws {
        for file in RuntimeAdapter.dev.files {
            try writeIfChanged(DevPaths.join(paths.runtimeFolder, file.path), file.text)
        }
        try writeIfChanged(DevPaths.join(paths.hostFolder, "package.json"), packageJSON)
        try writeIfChanged(paths.manifest, manifest.json)
    }

    static let packageJSON = """
        {
          "private": true,
          "type": "module"
        }

        """

    static func writeIfChanged(_ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        if FileManager.default.contents(atPath: path) == data { return }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
