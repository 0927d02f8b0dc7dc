/// Finds root-relative paths on disk as Node on Linux opens them: every name spelled exactly,
/// symbolic links followed, no extension or index file added.
struct ModuleLocator {
    enum Found: Equatable { case file, directory, missing }

    /// The root, absolute and folded.
    let rootPath: String
    let fs: FileSystemView

    /// The absolute path of a root-relative one.
    func absolute(_ target: String) -> String {
        target.isEmpty ? rootPath : (rootPath == "/" ? "/" : rootPath + "/") + target
    }

    func locate(_ target: String) -> Found {
        var path = rootPath
        for part in target.split(separator: "/") {
            guard fs.containsExactly(String(part), in: path) else { return .missing }
            path = (path == "/" ? "/" : path + "/") + part
        }
        switch fs.kind(path) {
        case .file: return .file
        case .directory: return .directory
        case .other, .missing: return .missing
        }
    }

    /// A file near a missing `target` that the import probably means (root-relative): the name with
    /// an extension added or changed, or spelled with another case.
    func suggestion(for target: String) -> String? {
        let extensions = [".js", ".mjs", ".cjs", ".json"]
        var candidates = extensions.map { target + $0 }
        let name = PathNames.lastComponent(target)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let stem = String(target.dropLast(name.distance(from: dot, to: name.endIndex)))
            candidates += (extensions + [".ts", ".mts"]).map { stem + $0 }
        }
        if let corrected = caseCorrected(target) { candidates.append(corrected) }
        return candidates.first { $0 != target && locate($0) == .file }
    }

    /// The index module of a folder (`dir/index.js`, `.mjs`, `.cjs`), if there is one.
    func indexModule(in directory: String) -> String? {
        ["index.js", "index.mjs", "index.cjs"]
            .map { directory.isEmpty ? $0 : directory + "/" + $0 }
            .first { locate($0) == .file }
    }

    /// `target` with each name replaced by the one entry that matches it ignoring case.
    private func caseCorrected(_ target: String) -> String? {
        var path = rootPath
        var out: [String] = []
        for part in target.split(separator: "/").map(String.init) {
            let name = fs.containsExactly(part, in: path) ? part : fs.caseInsensitiveMatch(part, in: path)
            guard let name else { return nil }
            out.append(name)
            path = (path == "/" ? "/" : path + "/") + name
        }
        return out.joined(separator: "/")
    }
}
