import DistlangCore

/// Builds a function's `CodeGraph` from its entry module by reading import statements: no bundler, no
/// code run. Never fails: every problem is a diagnostic, and the walk is bounded (each file is read
/// once, at most `maxFiles` files and `maxPackages` packages, modules over `maxModuleBytes` not read).
public enum CodeGraphBuilder {
    public static let maxFiles = 10_000
    public static let maxPackages = 5_000
    /// Modules larger than this are packaged without reading their imports (a warning).
    public static let maxModuleBytes: Int64 = 64 << 20

    /// - Parameters:
    ///   - entry: the function's module, relative to `root` (the spec's `source`, e.g. `src/api.js`).
    ///   - root: the spec's folder as the user named it (e.g. `examples/http-api`); diagnostics name files
    ///     as `root/file` so the CLI can show their lines. Relative to the current directory unless absolute.
    public static func build(entry: String, root: String) -> CodeGraph {
        var walk = GraphWalk(root: root)
        return walk.run(entry: entry)
    }
}

/// One walk over a function's modules.
struct GraphWalk {
    let root: String
    let fs = FileSystemView()
    let locator: ModuleLocator
    private var files: Set<String> = []
    private var queue: [String] = []
    private var diagnostics: [Diagnostic] = []
    private var packages: PackageCollector
    private var entry = ""
    private var tooManyFiles = false

    init(root: String) {
        self.root = root
        locator = ModuleLocator(rootPath: PathNames.absolute(root), fs: fs)
        packages = PackageCollector(fs: fs, limit: CodeGraphBuilder.maxPackages)
    }

    mutating func run(entry given: String) -> CodeGraph {
        if let start = entryFile(given) {
            entry = PathNames.display(root: root, start)
            add(start)
            var next = 0
            while next < queue.count {
                let file = queue[next]
                next += 1
                if Self.isModule(file) { read(file) }
            }
            packages.addDependencies()
            diagnostics += packages.diagnostics
            if packages.overLimit {
                diagnostics.append(PackageDiagnostics.tooMany("packages", limit: CodeGraphBuilder.maxPackages, from: entry))
            }
        }
        return CodeGraph(files: PathNames.sorted(Array(files)), packages: packages.folders, diagnostics: diagnostics.sortedForOutput())
    }

    /// Modules are read for imports; everything else (JSON, WebAssembly, text, TypeScript) is copied as is.
    static func isModule(_ file: String) -> Bool {
        file.hasSuffix(".js") || file.hasSuffix(".mjs") || file.hasSuffix(".cjs")
    }

    /// The entry as a root-relative path, or nil after a diagnostic.
    private mutating func entryFile(_ given: String) -> String? {
        var relative = given
        if given.hasPrefix("/") {
            let prefix = locator.rootPath == "/" ? "/" : locator.rootPath + "/"
            guard given.hasPrefix(prefix) else {
                diagnostics.append(PackageDiagnostics.sourceOutsideRoot(given, root: root))
                return nil
            }
            relative = String(given.dropFirst(prefix.count))
        }
        guard let target = PathNames.resolve(relative, from: "") else {
            diagnostics.append(PackageDiagnostics.sourceOutsideRoot(given, root: root))
            return nil
        }
        let found = target.isEmpty ? .directory : locator.locate(target)
        if found == .file { return target }
        let suggestion = locator.suggestion(for: target).map { PathNames.display(root: root, $0) }
        diagnostics.append(
            PackageDiagnostics.sourceMissing(PathNames.display(root: root, target), isFolder: found == .directory, suggestion: suggestion))
        return nil
    }

    private mutating func add(_ file: String) {
        guard !files.contains(file) else { return }
        guard files.count < CodeGraphBuilder.maxFiles else {
            if !tooManyFiles {
                diagnostics.append(PackageDiagnostics.tooMany("files", limit: CodeGraphBuilder.maxFiles, from: entry))
                tooManyFiles = true
            }
            return
        }
        files.insert(file)
        queue.append(file)
    }

    private mutating func read(_ file: String) {
        let path = locator.absolute(file)
        let shown = PathNames.display(root: root, file)
        if let size = fs.size(path), size > CodeGraphBuilder.maxModuleBytes {
            diagnostics.append(PackageDiagnostics.moduleTooLarge(shown, limit: CodeGraphBuilder.maxModuleBytes))
            return
        }
        guard let text = fs.text(path) else {
            diagnostics.append(PackageDiagnostics.moduleUnreadable(shown))
            return
        }
        let scan = ImportScanner.scan(text)
        for position in scan.computedDynamicImports {
            diagnostics.append(PackageDiagnostics.computedImport(at: SourceLocation(file: shown, span: SourceSpan(start: position, end: position))))
        }
        for reference in scan.imports {
            follow(reference, from: file, at: SourceLocation(file: shown, span: reference.span))
        }
    }

    private mutating func follow(_ reference: ImportReference, from file: String, at location: SourceLocation) {
        let text = reference.specifier
        let folder = PathNames.folder(of: file)
        switch Specifier(text) {
        case .runtimeProvided:
            return
        case .relative(let path):
            guard let target = PathNames.resolve(path, from: folder) else {
                diagnostics.append(PackageDiagnostics.outsideRoot(text, root: root, at: location))
                return
            }
            let shown = PathNames.display(root: root, target)
            switch target.isEmpty ? .directory : locator.locate(target) {
            case .file:
                add(target)
            case .directory:
                let index = locator.indexModule(in: target).map { PathNames.specifier(from: folder, to: $0) }
                diagnostics.append(PackageDiagnostics.directoryImport(text, names: shown, index: index, at: location))
            case .missing:
                let suggestion = locator.suggestion(for: target).map { PathNames.specifier(from: folder, to: $0) }
                diagnostics.append(PackageDiagnostics.importMissing(text, names: shown, suggestion: suggestion, at: location))
            }
        case .absolute:
            diagnostics.append(PackageDiagnostics.absoluteImport(text, suggestion: relativeSuggestion(forAbsolute: text, from: folder), at: location))
        case .encodedSeparator:
            diagnostics.append(PackageDiagnostics.encodedSeparator(text, at: location))
        case .subpathImport:
            diagnostics.append(PackageDiagnostics.subpathImport(text, at: location))
        case .url(let scheme):
            diagnostics.append(PackageDiagnostics.urlImport(text, scheme: scheme, at: location))
        case .bare(let name):
            guard let name else {
                diagnostics.append(PackageDiagnostics.invalidPackageName(text, at: location))
                return
            }
            let from = locator.absolute(folder)
            if !packages.add(name, from: from, at: location) {
                diagnostics.append(PackageDiagnostics.packageMissing(name, from: PathNames.display(root: root, folder), at: location))
            }
        }
    }

    /// For `/…/root/lib/x.js` imported from a module in `folder`: `../lib/x.js`.
    private func relativeSuggestion(forAbsolute text: String, from folder: String) -> String? {
        let prefix = locator.rootPath == "/" ? "/" : locator.rootPath + "/"
        guard text.hasPrefix(prefix), let target = PathNames.resolve(String(text.dropFirst(prefix.count)), from: ""),
              locator.locate(target) == .file else { return nil }
        return PathNames.specifier(from: folder, to: target)
    }
}
