import DistlangModel

/// Where the Cloudflare files go in the output folder, and how they refer to the spec's files.
enum CloudflarePaths {
    static func wranglerFile(function: String) -> String { "cloudflare/wrangler/\(function)/wrangler.toml" }

    static func terraformDirectory(environment: String) -> String { "cloudflare/terraform/\(environment)" }

    /// Folders between the output folder and a wrangler.toml or a Terraform root (both 3 deep).
    static let outputDepth = 3

    /// A path relative to the spec file's folder, seen from a folder `depth` levels inside the
    /// output folder. An absolute `specDirectoryFromOutput` gives an absolute path.
    static func specPath(_ relative: String, fromDepth depth: Int = outputDepth, options: EmitOptions) -> String {
        let spec = options.specDirectoryFromOutput
        if spec.hasPrefix("/") { return joinPath(spec, relative) }  // joinPath keeps it absolute
        let up = Array(repeating: "..", count: depth).joined(separator: "/")
        return joinPath(up, spec, relative)
    }

    /// The last path component (`src/api.js` -> `api.js`).
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The name the uploaded module has in Terraform's `main_module`: the source's file name, with
    /// a `.js` extension unless it is already `.js` or `.mjs` (what is uploaded is the bundled
    /// JavaScript, also when the source is TypeScript: `src/api.ts` -> `api.js`).
    static func moduleName(_ source: String) -> String {
        let name = fileName(source)
        if name.hasSuffix(".js") || name.hasSuffix(".mjs") { return name }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return name[..<dot] + ".js" }
        return name + ".js"
    }
}
