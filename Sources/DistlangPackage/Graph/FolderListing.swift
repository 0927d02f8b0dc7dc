/// The regular files under a folder, for copying a package whole into a code root.
public enum FolderListing {
    public struct Listing: Sendable, Equatable {
        /// Paths relative to the folder, `/`-separated, sorted by their UTF-8 bytes.
        public var files: [String]
        /// True when the listing stopped at its limit.
        public var truncated: Bool

        public init(files: [String], truncated: Bool) {
            self.files = files
            self.truncated = truncated
        }
    }

    /// Symbolic links are followed (a link to a file lists as a file, a link to a folder as that
    /// folder's files); a link back to a folder it is inside of (a loop) and broken links are skipped,
    /// as are sockets and devices. Stops after `limit` files.
    public static func regularFiles(under directory: String, limit: Int = 100_000) -> Listing {
        let fs = FileSystemView()
        var files: [String] = []
        var truncated = false
        // (absolute path, relative path, real paths of the folders it is inside of, itself included)
        var pending: [(String, String, Set<String>)] = [(directory, "", [fs.realPath(directory)])]
        while let (path, relative, ancestors) = pending.popLast() {
            for name in fs.entries(path) {
                let child = path + "/" + name, childRelative = relative.isEmpty ? name : relative + "/" + name
                switch fs.kind(child) {
                case .file:
                    guard files.count < limit else {
                        truncated = true
                        return Listing(files: PathNames.sorted(files), truncated: truncated)
                    }
                    files.append(childRelative)
                case .directory:
                    let real = fs.realPath(child)
                    if !ancestors.contains(real) { pending.append((child, childRelative, ancestors.union([real]))) }
                case .other, .missing:
                    continue
                }
            }
        }
        return Listing(files: PathNames.sorted(files), truncated: truncated)
    }
}
