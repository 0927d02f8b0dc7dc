import DistlangCore
import Foundation

/// The file operations the output writer needs; tests substitute one that fails on purpose.
public protocol BuildFileSystem {
    func contents(of path: String) -> Data?
    func write(_ data: Data, to path: String) throws
    func createDirectory(_ path: String) throws
    func move(_ from: String, to: String) throws
    func remove(_ path: String) throws
    func exists(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    func contentsOfDirectory(_ path: String) -> [String]
}

/// The real file system.
public struct LocalFileSystem: BuildFileSystem {
    public init() {}

    public func contents(of path: String) -> Data? {
        isDirectory(path) ? nil : FileManager.default.contents(atPath: path)
    }

    /// Writes with plain POSIX calls. `Data.write(to:)` also syncs each file to disk, which made
    /// a 10,000-function build (some 10,000 files) wait for the disk for seconds; the build's
    /// all-or-nothing guarantee comes from staging and renaming, not from syncing.
    public func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Self.error("cannot create \(path)") }
        var failure: Error?
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = Self.error("cannot write \(path)")
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0, failure == nil { failure = Self.error("cannot write \(path)") }
        if let failure { throw failure }
    }

    private static func error(_ what: String) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }

    /// Creates the folder and any missing parents: one `mkdir` when the parent exists (the common
    /// case), walking up only when it does not.
    public func createDirectory(_ path: String) throws {
        if mkdir(path, 0o777) == 0 { return }
        let code = errno
        if code == EEXIST, isDirectory(path) { return }
        if code == ENOENT {
            let parent = PathText.deletingLastComponent(path)
            if !parent.isEmpty, parent != path, parent != "/" {
                try createDirectory(parent)
                if mkdir(path, 0o777) == 0 || (errno == EEXIST && isDirectory(path)) { return }
            }
        }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func move(_ from: String, to: String) throws {
        if rename(from, to) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot move \(from) to \(to): \(String(cString: strerror(errno)))"])
        }
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }

    public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func contentsOfDirectory(_ path: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    }
}
