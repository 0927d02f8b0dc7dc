import Foundation

/// What the dev host writes to `.host/ready.json` once it listens: how `distlang dev` (for a restart
/// on the same port) and `distlang dev --trigger` (from another shell) reach it.
public struct ReadyFile: Sendable, Equatable {
    public var url: String
    public var host: String
    public var port: Int
    public var pid: Int32

    /// The file's content, or nil when there is none (no host running) or it is not readable yet.
    public static func read(_ path: String) -> ReadyFile? {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let url = object["url"] as? String, let host = object["host"] as? String,
            let port = object["port"] as? Int, let pid = object["pid"] as? Int
        else { return nil }
        return ReadyFile(url: url, host: host, port: port, pid: Int32(pid))
    }

    /// Whether the process that wrote it is still alive.
    public var isAlive: Bool { kill(pid, 0) == 0 || errno == EPERM }
}
