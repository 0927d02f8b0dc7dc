import DistlangCore

/// The imports a compiled module keeps (esbuild's external ones), resolved as the code graph resolves
/// a JavaScript module's: packages found in `node_modules` from the importing TypeScript file's folder
/// (with their dependencies), Node's built-in modules left to Node, anything else an error at the
/// import in the TypeScript file.
struct ExternalImports {
    let root: String
    private let fs = FileSystemView()
    private var packages: PackageCollector
    private var scans: [String: ImportScan] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    init(root: String) {
        self.root = root
        packages = PackageCollector(fs: fs, limit: CodeGraphBuilder.maxPackages)
    }

    var folders: [PackageFolder] { packages.folders }

    mutating func resolve(_ imports: [(file: String, specifier: String)]) {
        for (file, specifier) in imports {
            let location = self.location(of: specifier, in: file)
            switch Specifier(specifier) {
            case .runtimeProvided:
                continue
            case .bare(let name?):
                let folder = PathNames.absolute(PathNames.display(root: root, PathNames.folder(of: file)))
                if !packages.add(name, from: folder, at: location) {
                    diagnostics.append(
                        PackageDiagnostics.packageMissing(
                            name, from: PathNames.display(root: root, PathNames.folder(of: file)), at: location))
                }
            case .bare(nil):
                diagnostics.append(PackageDiagnostics.invalidPackageName(specifier, at: location))
            case .subpathImport:
                diagnostics.append(PackageDiagnostics.subpathImport(specifier, at: location))
            case .url(let scheme):
                diagnostics.append(PackageDiagnostics.urlImport(specifier, scheme: scheme, at: location))
            case .absolute:
                diagnostics.append(PackageDiagnostics.absoluteImport(specifier, suggestion: nil, at: location))
            case .relative, .encodedSeparator:
                continue  // esbuild compiles relative imports in, or fails on them
            }
        }
        packages.addDependencies()
        diagnostics += packages.diagnostics
        if packages.overLimit {
            diagnostics.append(PackageDiagnostics.tooMany("packages", limit: CodeGraphBuilder.maxPackages, from: root))
        }
    }

    /// Where `file` writes `specifier` (the first such import), found by the import scanner; the
    /// file's start when the scanner does not see it.
    private mutating func location(of specifier: String, in file: String) -> SourceLocation {
        let shown = PathNames.display(root: root, file)
        if scans[file] == nil {
            scans[file] = fs.text(PathNames.absolute(shown)).map(ImportScanner.scan) ?? ImportScan()
        }
        if let reference = scans[file]?.imports.first(where: { $0.specifier == specifier }) {
            return SourceLocation(file: shown, span: reference.span)
        }
        return SourceLocation(file: shown, line: 1, column: 1)
    }
}
