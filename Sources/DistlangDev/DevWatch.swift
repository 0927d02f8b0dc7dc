import Foundation

/// The files whose change restarts the dev host (it reads them only at start): the spec, `.dev.vars`
/// and every database's migrations folder. A snapshot of their status (modification time, size,
/// inode; a folder's `.sql` files); two snapshots differ when any of them changed, appeared or went.
public struct DevWatch: Sendable, Equatable {
    var entries: [String: String]

    public init(files: [String], folders: [String]) {
        var entries: [String: String] = [:]
        for file in files { entries[file] = Self.signature(file) }
        for folder in folders {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
                $0.hasSuffix(".sql")
            }.sorted()
            entries[folder] = names.map { "\($0)=\(Self.signature(folder + "/" + $0))" }.joined(separator: ";")
        }
        self.entries = entries
    }

    /// The paths whose state differs from `other`'s.
    public func changes(since other: DevWatch) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }

    static func signature(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "missing" }
        return "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_size):\(info.st_ino)"
    }
}
