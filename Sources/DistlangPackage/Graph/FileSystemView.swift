import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file system as the graph builder reads it: `stat` that follows symbolic links, directory
/// listings (cached) for checking names exactly, and real paths.
final class FileSystemView {
    enum Kind: Equatable { case file, directory, other, missing }

    private var listings: [String: Set<String>] = [:]

    /// What `path` is, following symbolic links (a broken link or a loop is `.missing`).
    func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The size in bytes of the file at `path` (following links).
    func size(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    /// The names in a folder (empty when it cannot be read).
    func entries(_ directory: String) -> Set<String> {
        if let cached = listings[directory] { return cached }
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
        listings[directory] = names
        return names
    }

    /// Whether `name` is in `directory` spelled exactly so: on a file system that ignores case,
    /// `Util.js` opens `util.js`, but not on Lambda's.
    func containsExactly(_ name: String, in directory: String) -> Bool {
        entries(directory).contains(name)
    }

    /// The entry of `directory` whose name equals `name` ignoring case, if there is exactly one.
    func caseInsensitiveMatch(_ name: String, in directory: String) -> String? {
        let lower = name.lowercased()
        let matches = entries(directory).filter { $0.lowercased() == lower }
        return matches.count == 1 ? matches.first : nil
    }

    /// The canonical path, symbolic links resolved; `path` itself when that fails.
    func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file's bytes as text (invalid UTF-8 replaced), or nil when it cannot be read.
    func text(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
