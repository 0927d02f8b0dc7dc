import DistlangCore

/// The diagnostics of packaging, worded in one place (`docs/packaging.md` lists the codes).
enum PackageDiagnostics {
    static func sourceMissing(_ shown: String, isFolder: Bool, suggestion: String?) -> Diagnostic {
        .error(
            "package.source-missing",
            isFolder ? "the function's source \(shown) is a folder, not a module file" : "the function's source \(shown) does not exist",
            hint: suggestion.map { "did you mean \($0)?" })
    }

    static func sourceOutsideRoot(_ entry: String, root: String) -> Diagnostic {
        .error(
            "package.source-outside-root", "the function's source \(entry) is outside the spec's folder \(root)",
            hint: "a function's code is packaged from the spec's folder; move the module into it")
    }

    static func importMissing(_ specifier: String, names shown: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.import-missing", "\(quoted(specifier)) names \(shown), which does not exist", at: location,
            hint: suggestion.map { "did you mean \(quoted($0))? Node's ES modules need the exact file name, extension included" })
    }

    static func encodedSeparator(_ specifier: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.import-missing", "\(quoted(specifier)) encodes a / or \\ (%2F, %5C), which Node refuses in a module path",
            at: location, hint: "write the path with plain / separators")
    }

    static func directoryImport(_ specifier: String, names shown: String, index: String?, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.directory-import", "\(quoted(specifier)) names the folder \(shown); Node's ES modules import files, not folders",
            at: location,
            hint: index.map { "import \(quoted($0))" } ?? "import a file in it by its full name")
    }

    static func outsideRoot(_ specifier: String, root: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.import-outside-root", "\(quoted(specifier)) leaves the spec's folder \(root), which holds the function's code",
            at: location,
            hint: "a function's code root mirrors the spec's folder: move the shared code into it, or make it a package in node_modules")
    }

    static func absoluteImport(_ specifier: String, suggestion: String?, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.absolute-import", "\(quoted(specifier)) is an absolute path, which does not exist where the function runs",
            at: location,
            hint: suggestion.map { "import it relative to this module: \(quoted($0))" } ?? "import it by a relative path (./…)")
    }

    static func subpathImport(_ specifier: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.subpath-import",
            "\(quoted(specifier)) is a package.json \"imports\" alias, which does not resolve in a code root (its package.json is generated)",
            at: location, hint: "import the file by a relative path (./…)")
    }

    static func urlImport(_ specifier: String, scheme: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.url-import", "\(quoted(specifier)) is a \(scheme): URL; Node's ES modules load only files, node: and data: URLs",
            at: location, hint: "install the module as a package or copy it into the spec's folder")
    }

    static func packageMissing(_ name: String, from folder: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.package-missing", "package \(quoted(name)) is not installed: there is no node_modules/\(name) in \(folder) or a folder above it",
            at: location, hint: "run `npm install \(name)` in the spec's folder")
    }

    static func invalidPackageName(_ specifier: String, at location: SourceLocation) -> Diagnostic {
        .error(
            "package.package-missing", "\(quoted(specifier)) is not a valid package name", at: location,
            hint: "a relative import starts with ./ or ../; a package is imported as \"name\" or \"@scope/name\"")
    }

    static func packageConflict(_ name: String, kept: String, other: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            "package.package-conflict", "package \(quoted(name)) resolves to \(other) here but to \(kept) elsewhere; the code root holds only \(kept)",
            at: location, hint: "install one version of \(name) (`npm dedupe`)")
    }

    static func dependencyMissing(_ name: String, of package: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            "package.dependency-missing", "package \(quoted(package)) depends on \(quoted(name)), which is not installed", at: location,
            hint: "run `npm install` in the spec's folder")
    }

    static func computedImport(at location: SourceLocation) -> Diagnostic {
        .warning(
            "package.computed-import", "import() with a computed specifier cannot be followed; the files it loads are packaged only when imported elsewhere",
            at: location, hint: "import a string literal, e.g. import(\"./plugins/a.js\"), or import those files statically too")
    }

    static func moduleTooLarge(_ shown: String, limit: Int64) -> Diagnostic {
        .warning(
            "package.module-too-large", "\(shown) is larger than \(limit >> 20) MiB; it is packaged but its imports were not read",
            at: SourceLocation(file: shown, line: 1, column: 1))
    }

    static func moduleUnreadable(_ shown: String) -> Diagnostic {
        .error("package.import-missing", "\(shown) cannot be read", at: SourceLocation(file: shown, line: 1, column: 1))
    }

    static func tooMany(_ what: String, limit: Int, from entry: String) -> Diagnostic {
        .error(
            "package.too-many-files", "\(entry) imports more than \(limit) \(what); the rest were not followed",
            hint: "a function's code is meant to be small; split the function or check for generated imports")
    }

    private static func quoted(_ s: String) -> String { "\"\(s)\"" }
}
