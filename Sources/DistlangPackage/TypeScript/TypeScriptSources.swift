/// The files a TypeScript entry is compiled from, found by reading imports (no esbuild, no file
/// system: any reader of the spec's files, such as a git revision): the entry and every file it
/// imports by a relative path, resolved as TypeScript and esbuild resolve them. They are what the
/// build records as the function's code (its digest, and `diff`'s "code changed"), the same whether
/// the spec's folder is on disk or in git.
///
/// Resolution of `./x` from a module: the path as written when that file exists, else `./x.js`
/// meaning `./x.ts` (`.mjs` -> `.mts`, `.jsx` -> `.tsx`), else `./x` with `.ts`, `.tsx`, `.mts`, `.js`,
/// `.mjs`, `.json` added, else `./x/index.ts` or `./x/index.js`. Type-only imports count: a change to
/// the types a module imports is a change to its code. Paths outside the spec's folder and packages
/// are left out (packages are recorded by the build from `node_modules`).
public enum TypeScriptSources {
    /// Root-relative paths, sorted by their UTF-8 bytes; `contents` reads a root-relative file.
    public static func files(entry: String, contents: (String) -> [UInt8]?) -> [String] {
        guard contents(entry) != nil else { return [] }
        var found: Set<String> = [entry], queue = [entry]
        while let file = queue.popLast() {
            guard isModule(file), let bytes = contents(file) else { continue }
            let folder = PathNames.folder(of: file)
            for reference in ImportScanner.scan(String(decoding: bytes, as: UTF8.self)).imports {
                guard case .relative(let path) = Specifier(reference.specifier),
                    let target = PathNames.resolve(path, from: folder),
                    let resolved = resolve(target, contents: contents), found.insert(resolved).inserted
                else { continue }
                queue.append(resolved)
            }
        }
        return PathNames.sorted(Array(found))
    }

    static let moduleExtensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"]

    static func isModule(_ file: String) -> Bool {
        moduleExtensions.contains { file.hasSuffix($0) } && !file.hasSuffix(".d.ts")
    }

    static func resolve(_ path: String, contents: (String) -> [UInt8]?) -> String? {
        var candidates = [path]
        for (js, ts) in [(".js", ".ts"), (".js", ".tsx"), (".mjs", ".mts"), (".cjs", ".cts"), (".jsx", ".tsx")]
        where path.hasSuffix(js) {
            candidates.append(String(path.dropLast(js.count)) + ts)
        }
        candidates += [".ts", ".tsx", ".mts", ".js", ".mjs", ".json"].map { path + $0 }
        candidates += ["/index.ts", "/index.js"].map { path + $0 }
        return candidates.first { !$0.isEmpty && contents($0) != nil }
    }
}
