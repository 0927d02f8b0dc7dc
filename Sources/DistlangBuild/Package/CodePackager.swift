import DistlangAWS
import DistlangCore
import DistlangModel
import DistlangPackage

/// The package stage, after the emitters: finds each function's code from its source (the import
/// graph, docs/packaging.md), records what it is (`FunctionCode`, for the manifest and `diff`), adds
/// the user's modules and `node_modules` packages to each AWS code root the emitter started
/// (`aws/code/<function>/`), zips each root (`aws/code/<function>.zip`), and bundles each Worker for
/// Cloudflare's Terraform (`WorkerBundler`).
///
/// Nothing here writes: every file is an `EmittedFile` of the plan, so a failed build still writes
/// nothing, and the manifest, digests and `diff` cover the code like every other output.
struct CodePackager {
    let source: any CodeSource
    /// Where a JSON pointer of the spec is written (for problems with a function's `source`).
    let locate: (@Sendable (JSONPointer) -> SourceLocation?)?

    struct Result {
        var files: [EmittedFile] = []
        var code: [FunctionCode] = []
        var diagnostics: [Diagnostic] = []
        var notes: [String] = []
    }

    /// One function's code, found once for all environments (one graph per distinct source).
    struct Found: Sendable {
        var function: String
        var files: [(path: String, bytes: [UInt8])] = []
        var packages: [(path: String, bytes: [UInt8])] = []
        var code: FunctionCode
        var diagnostics: [Diagnostic] = []
    }

    func package(models: [AppModel], emitted: [EmittedFile], bundles: [WorkerBundle]) -> Result {
        var sources: [String: [String]] = [:], runtimes: [String: Runtime] = [:]
        for model in models {
            for function in model.functions where !(sources[function.name] ?? []).contains(function.source) {
                sources[function.name, default: []].append(function.source)
                runtimes[function.name] = runtimes[function.name] ?? function.runtime
            }
        }
        let names = sources.keys.sorted()
        let roots = codeRoots(emitted)
        // TypeScript is compiled for the functions with an AWS code root; Workers bundle it themselves.
        let compiled = Set(roots.map(\.function))
        let found = Parallel.map(names.count) { [self] i in
            find(names[i], sources: sources[names[i]]!, target: compiled.contains(names[i]) ? runtimes[names[i]].map(Self.esbuildTarget) : nil)
        }
        var result = Result()
        result.code = found.map(\.code)
        result.diagnostics = found.flatMap(\.diagnostics)
        guard !result.diagnostics.hasErrors else { return result }

        let byFunction = Dictionary(found.map { ($0.function, $0) }, uniquingKeysWith: { first, _ in first })
        let zipped = Parallel.map(roots.count) { [self] i -> (files: [EmittedFile], diagnostics: [Diagnostic]) in
            complete(roots[i].function, generated: roots[i].files, code: byFunction[roots[i].function])
        }
        for root in zipped {
            result.files += root.files
            result.diagnostics += root.diagnostics
        }
        if !bundles.isEmpty {
            let bundled = WorkerBundler(specDirectory: source.directory).bundle(bundles)
            result.files += bundled.files
            result.diagnostics += bundled.diagnostics
            result.notes += bundled.notes
        }
        return result
    }

    /// The graph of each of the function's sources, merged. A TypeScript source is compiled into one
    /// module when `target` (esbuild's, for the function's Node) is given, and recorded as the files it
    /// is compiled from (`TypeScriptSources`), so its digest is the same with or without compiling.
    func find(_ function: String, sources: [String], target: String? = nil) -> Found {
        var files: [String: [UInt8]] = [:], recorded: [String: [UInt8]] = [:]
        var packages: [String: [(path: String, bytes: [UInt8])]] = [:]
        var diagnostics: [Diagnostic] = []
        func add(_ found: [PackageFolder]) {
            for package in found where packages[package.pathInCodeRoot] == nil {
                packages[package.pathInCodeRoot] = source.packageFiles(package)
            }
        }
        for entry in sources {
            let graph = source.graph(entry: entry)
            diagnostics += graph.diagnostics.map { placed($0, function: function) }
            guard SourceLanguage(source: entry) == .typescript else {
                for path in graph.files where files[path] == nil { files[path] = source.contents(of: path) ?? [] }
                add(graph.packages)
                continue
            }
            guard !graph.diagnostics.hasErrors else { continue }
            for path in TypeScriptSources.files(entry: entry, contents: source.contents(of:)) where recorded[path] == nil {
                recorded[path] = source.contents(of: path) ?? []
            }
            guard let target, let module = source.compile(entry: entry, output: SourceLanguage.runnableModule(entry), target: target) else {
                continue
            }
            diagnostics += module.diagnostics.map { placed($0, function: function) }
            let bytes = Array(module.text.utf8)
            if let other = files[module.path], other != bytes {
                diagnostics.append(.error(
                    "package.generated-name-clash", "function \(function) compiles \(entry) to \(module.path), which its code also holds",
                    hint: "rename one of them"))
            }
            files[module.path] = bytes
            add(module.packages)
        }
        for (path, bytes) in files where recorded[path] == nil && !isCompiled(path, sources) {
            recorded[path] = bytes
        }
        let sortedFiles = files.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, files[$0]!) }
        var packageFiles: [(path: String, bytes: [UInt8])] = []
        var digests = recorded.keys.map { (path: $0, sha256: SHA256.hex(recorded[$0]!)) }
        for name in packages.keys.sorted() {
            let contents = packages[name]!
            packageFiles += contents.map { (name + "/" + $0.path, $0.bytes) }
            digests.append((name, FunctionCode(function: name, files: contents.map { ($0.path, SHA256.hex($0.bytes)) }).sha256))
        }
        return Found(
            function: function, files: sortedFiles, packages: packageFiles,
            code: FunctionCode(function: function, files: digests), diagnostics: diagnostics)
    }

    /// Whether `path` is the compiled module of one of the function's TypeScript sources.
    private func isCompiled(_ path: String, _ sources: [String]) -> Bool {
        sources.contains { SourceLanguage(source: $0) == .typescript && SourceLanguage.runnableModule($0) == path }
    }

    /// esbuild's target for a Lambda runtime: `nodejs22` -> `node22`.
    static func esbuildTarget(_ runtime: Runtime) -> String { "node" + runtime.rawValue.dropFirst("nodejs".count) }

    /// A problem with the function's source itself is placed at its `source` in the spec.
    func placed(_ diagnostic: Diagnostic, function: String) -> Diagnostic {
        guard diagnostic.location == nil else { return diagnostic }
        var placed = diagnostic
        let pointer = JSONPointer(tokens: ["functions", function, "source"])
        placed.pointer = pointer
        placed.location = locate?(pointer)
        if placed.code == "package.source-missing" {
            placed.message += " (the build packages each function's code, so its source must exist)"
        }
        return placed
    }

    /// The AWS code roots the emitter started: function name and the generated files in it.
    func codeRoots(_ emitted: [EmittedFile]) -> [(function: String, files: [EmittedFile])] {
        var roots: [String: [EmittedFile]] = [:]
        for file in emitted where file.path.hasPrefix("aws/code/") {
            let rest = file.path.dropFirst("aws/code/".count)
            guard let slash = rest.firstIndex(of: "/") else { continue }
            roots[String(rest[..<slash]), default: []].append(file)
        }
        return roots.keys.sorted().map { ($0, roots[$0]!) }
    }

    /// The user's files and packages added to one code root, and its zip.
    func complete(_ function: String, generated: [EmittedFile], code: Found?) -> (files: [EmittedFile], diagnostics: [Diagnostic]) {
        let root = AWSCodePaths.root(function)
        var entries = generated.map { (path: String($0.path.dropFirst(root.count + 1)), bytes: $0.bytes) }
        let taken = Set(entries.map(\.path))
        var files: [EmittedFile] = []
        var diagnostics: [Diagnostic] = []
        for file in (code?.files ?? []) + (code?.packages ?? []) {
            if taken.contains(file.path) {
                diagnostics.append(.error(
                    "package.generated-name-clash",
                    "function \(function) ships \(file.path), which is a file the build generates in its AWS code root",
                    hint: "rename or move \(file.path): the code root keeps index.mjs, package.json and _distlang/ for itself"))
                continue
            }
            entries.append(file)
            files.append(EmittedFile(path: root + "/" + file.path, bytes: file.bytes))
        }
        do {
            files.append(EmittedFile(path: AWSCodePaths.zip(function), bytes: try ZipArchive.make(entries)))
        } catch {
            diagnostics.append(.error("package.zip", "the code of function \(function) cannot be zipped: \(error)"))
        }
        return (files, diagnostics)
    }
}
