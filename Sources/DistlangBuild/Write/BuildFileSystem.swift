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

    public func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path))
    }

    public func createDirectory(_ path: String) throws {
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
