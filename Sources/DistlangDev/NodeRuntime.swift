import Foundation

/// The Node.js that runs the dev host: `DISTLANG_NODE` when set, else the first `node` on PATH.
/// The host needs Node.js 20.6 or later (module resolve hooks, for reloading); databases need
/// node:sqlite (22.13 or later), which the host checks when the app has one.
public struct NodeRuntime: Sendable {
    public var path: String
    public var version: (major: Int, minor: Int, patch: Int)

    public static let minimum = (major: 20, minor: 6)
    public static let variable = "DISTLANG_NODE"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Finds Node.js and checks its version; the error says what to install or set.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> NodeRuntime
    {
        let path: String
        if let chosen = environment[variable], !chosen.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: chosen) else {
                throw Failure(description: "\(variable) is \(chosen), which is not an executable file")
            }
            path = chosen
        } else {
            let dirs = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
            guard
                let found = dirs.map({ "\($0)/node" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }
                )
            else {
                throw Failure(
                    description:
                        "distlang dev runs the app on Node.js \(minimum.major).\(minimum.minor) or later, and there is no node on PATH; install Node.js or set \(variable) to a node binary"
                )
            }
            path = found
        }
        let text = try versionText(of: path)
        let numbers = text.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst(text.hasPrefix("v") ? 1 : 0).split(
            separator: "."
        ).map { Int($0) ?? 0 }
        guard numbers.count == 3 else {
            throw Failure(description: "\(path) --version said \(text.debugDescription), not a Node.js version")
        }
        let runtime = NodeRuntime(path: path, version: (numbers[0], numbers[1], numbers[2]))
        if (runtime.version.major, runtime.version.minor) < minimum {
            throw Failure(
                description:
                    "distlang dev needs Node.js \(minimum.major).\(minimum.minor) or later; \(path) is \(text.trimmingCharacters(in: .whitespacesAndNewlines)) (set \(variable) to a newer node)"
            )
        }
        return runtime
    }

    static func versionText(of node: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["--version"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(node): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
