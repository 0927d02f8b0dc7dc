import Foundation

/// Where `distlang dev` keeps things. The state folder (`--state`, default `.distlang/dev` next to
/// the spec) has one folder per environment, so environments never share data:
///
///     .distlang/dev/<environment>/
///       kv/<resource>/  buckets/<resource>/  queues/<queue>/  databases/<resource>.sqlite
///       .host/          the embedded runtime, manifest.json, lock, ready.json (rewritten each start)
public struct DevPaths: Sendable, Equatable {
    /// The environment's folder.
    public var environmentState: String

    public static let defaultStateFolder = ".distlang/dev"
    public static let devVarsFile = ".dev.vars"

    /// `stateRoot` is `--state` or the default next to the spec, absolute or relative to the current folder.
    public init(stateRoot: String, environment: String) {
        environmentState = Self.join(Self.absolute(stateRoot), environment)
    }

    /// The host's own folder: runtime, manifest, lock and ready file.
    public var hostFolder: String { Self.join(environmentState, ".host") }
    public var manifest: String { Self.join(hostFolder, "manifest.json") }
    /// Written by the host once it listens: `{url, port, pid, ...}`.
    public var readyFile: String { Self.join(hostFolder, "ready.json") }
    public var runtimeFolder: String { Self.join(hostFolder, "runtime") }
    /// The host's command line module.
    public var mainModule: String { Self.join(runtimeFolder, "adapters/dev/main.js") }

    /// `path` against `base` unless it is absolute, normalised (`a/./b/../c` -> `a/c`).
    public static func join(_ base: String, _ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base + path : base + "/" + path)
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// An absolute path for `path` (relative to the current folder).
    public static func absolute(_ path: String) -> String {
        join(FileManager.default.currentDirectoryPath, path)
    }
}
