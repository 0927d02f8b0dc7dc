import DistlangCore
import Foundation

/// One TypeScript entry compiled to one JavaScript module (docs/typescript.md): what the Lambda code
/// root holds instead of the `.ts` files.
public struct CompiledModule: Sendable, Equatable {
    /// Where the module goes in the code root, as the caller named it (`src/api.js`).
    public var path: String
    /// The JavaScript; empty when the compilation failed.
    public var text: String
    /// The files esbuild read (relative to the root, sorted): the entry and every module it imports
    /// by a relative path, compiled into `text`.
    public var inputs: [String]
    /// The `node_modules` packages the module imports by bare name (left as imports, as the code graph
    /// does for JavaScript), with the installed packages they depend on; sorted by name.
    public var packages: [PackageFolder]
    /// esbuild's errors and warnings at the TypeScript file's line:col, and packaging's.
    public var diagnostics: [Diagnostic]

    public var failed: Bool { diagnostics.hasErrors }
}

/// Compiles a TypeScript entry and what it imports by relative paths into one ES module with esbuild
/// (`--bundle --packages=external --format=esm --platform=neutral`): TypeScript syntax removed, the
/// relative imports (TypeScript, JavaScript, JSON) compiled in, packages and Node's built-in modules
/// left as imports. esbuild reads the nearest `tsconfig.json` of each file; it does not type-check
/// (that is `tsc`'s job, against `distlang types`).
public struct TypeScriptCompiler: Sendable {
    /// nil when esbuild is not installed: every compile is then an error naming the package.
    public var esbuild: Esbuild?

    public init(esbuild: Esbuild? = Esbuild.find()) { self.esbuild = esbuild }

    /// - Parameters:
    ///   - entry: the function's `source`, relative to `root` (`src/api.ts`).
    ///   - root: the spec's folder as the user named it; diagnostics name files as `root/file`.
    ///   - output: where the module goes in the code root (`src/api.js`).
    ///   - target: esbuild's `--target` (`node22`); nil keeps the syntax as written.
    public func compile(entry: String, root: String, output: String, target: String? = nil) -> CompiledModule {
        var result = CompiledModule(path: output, text: "", inputs: [], packages: [], diagnostics: [])
        let shown = PathNames.display(root: root, entry)
        guard let esbuild else {
            result.diagnostics = [TypeScriptDiagnostics.esbuildMissing(shown)]
            return result
        }
        let kind = FileSystemView().kind(PathNames.absolute(shown))
        guard kind == .file else {
            result.diagnostics = [
                PackageDiagnostics.sourceMissing(shown, isFolder: kind == .directory, suggestion: nil)
            ]
            return result
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "distlang-esbuild-\(UUID().uuidString)"
        ).path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        do {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        } catch {
            result.diagnostics = [
                TypeScriptDiagnostics.esbuildFailed(shown, "cannot create \(scratch): \(error.localizedDescription)")
            ]
            return result
        }
        var arguments = [
            "./" + entry, "--bundle", "--format=esm", "--platform=neutral", "--packages=external", "--charset=utf8",
            "--color=false", "--log-level=warning", "--log-limit=0",
            "--banner:js=// Compiled by distlang with esbuild from \(entry): edit that file, not this one.",
            "--outfile=\(scratch)/out.js", "--metafile=\(scratch)/meta.json",
        ]
        if let target { arguments.append("--target=\(target)") }
        let run = esbuild.run(arguments, in: PathNames.absolute(root), logFile: scratch + "/log.txt")
        var reader = SourceColumns()
        result.diagnostics = EsbuildLog.parse(run.log).map {
            TypeScriptDiagnostics.diagnostic($0, root: root, columns: &reader)
        }
        if let failure = run.failure {
            result.diagnostics.append(TypeScriptDiagnostics.esbuildFailed(shown, failure))
            return result
        }
        guard run.status == 0 else {
            if !result.diagnostics.hasErrors {
                result.diagnostics.append(
                    TypeScriptDiagnostics.esbuildFailed(
                        shown, "esbuild exited with status \(run.status ?? -1): \(run.log)"))
            }
            return result
        }
        guard let text = FileManager.default.contents(atPath: scratch + "/out.js"),
            let meta = FileManager.default.contents(atPath: scratch + "/meta.json"),
            let inputs = EsbuildMetafile(json: meta)
        else {
            result.diagnostics.append(TypeScriptDiagnostics.esbuildFailed(shown, "esbuild wrote no module"))
            return result
        }
        result.text = String(decoding: text, as: UTF8.self)
        result.inputs = PathNames.sorted(inputs.files)
        var packages = ExternalImports(root: root)
        packages.resolve(inputs.externalImports)
        result.packages = packages.folders
        result.diagnostics = (result.diagnostics + packages.diagnostics).sortedForOutput()
        return result
    }
}

/// Converts esbuild's 0-based UTF-8 byte columns into 1-based Unicode scalar columns (as every
/// distlang diagnostic counts them), reading each file once.
public struct SourceColumns {
    private var lines: [String: [Substring]] = [:]

    public init() {}

    /// `file` is read as given (relative to the current folder, or absolute).
    public mutating func column(file: String, line: Int, byteColumn: Int) -> Int {
        if lines[file] == nil {
            let text = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
            lines[file] = text.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        }
        guard let all = lines[file], line >= 1, line <= all.count else { return byteColumn + 1 }
        let bytes = Array(all[line - 1].utf8.prefix(byteColumn))
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
    }
}
