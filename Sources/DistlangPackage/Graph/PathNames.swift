import Foundation

/// Path text without the file system: `/`-separated, `.` and `..` folded.
enum PathNames {
    /// `base` and `relative` joined and folded, as a path under the same root as `base`
    /// (`src` + `../lib/x.js` -> `lib/x.js`); nil when a `..` climbs above that root.
    static func resolve(_ relative: String, from base: String) -> String? {
        var out = base.split(separator: "/").filter { $0 != "." }
        for seg in relative.split(separator: "/") where seg != "." {
            if seg == ".." {
                guard !out.isEmpty else { return nil }
                out.removeLast()
            } else {
                out.append(seg)
            }
        }
        return out.joined(separator: "/")
    }

    /// The folder of a root-relative file: `src/api.js` -> `src`, `api.js` -> ``.
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[..<slash])
    }

    /// `root` and a root-relative `file` as one path the user recognises: `examples/app` + `src/a.js`
    /// -> `examples/app/src/a.js`; `.` + `a.js` -> `a.js`.
    static func display(root: String, _ file: String) -> String {
        if file.isEmpty { return root }
        if root.isEmpty || root == "." { return file }
        return root.hasSuffix("/") ? root + file : root + "/" + file
    }

    /// `path` made absolute against the current directory and folded (symbolic links kept; `..` at
    /// the top stays at `/`).
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var out: [Substring] = []
        for seg in full.split(separator: "/") where seg != "." {
            if seg == ".." { _ = out.popLast() } else { out.append(seg) }
        }
        return "/" + out.joined(separator: "/")
    }

    /// The folder holding an absolute path: `/a/b` -> `/a`, `/a` -> `/`.
    static func parent(_ absolute: String) -> String {
        guard let slash = absolute.lastIndex(of: "/"), slash != absolute.startIndex else { return "/" }
        return String(absolute[..<slash])
    }

    /// A relative specifier from a module in `folder` to `target` (both root-relative):
    /// `src` -> `src/util.js` is `./util.js`, `src/a` -> `lib/x.js` is `../../lib/x.js`.
    static func specifier(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/"), to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        let rest = to[common...].map(String.init)
        return (ups.isEmpty ? "./" : "") + (ups + rest).joined(separator: "/")
    }

    /// Paths in a fixed order: by their UTF-8 bytes (the order of the zip's entries too).
    static func sorted(_ paths: [String]) -> [String] {
        paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The last component of `path`.
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
