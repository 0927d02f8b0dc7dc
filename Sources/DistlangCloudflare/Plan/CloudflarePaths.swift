import DistlangModel

/// Where the Cloudflare files go in the output folder, and how they refer to the spec's files.
enum CloudflarePaths {
    static func wranglerFile(function: String) -> String { "cloudflare/wrangler/\(function)/wrangler.toml" }

    /// The Worker's generated entry, beside its wrangler.toml (`main`).
    static func entryFile(function: String) -> String { "cloudflare/wrangler/\(function)/entry.mjs" }

    /// The runtime every entry imports, once for all Workers (`../_distlang/runtime` from an entry).
    static let runtimeFolder = "cloudflare/wrangler/_distlang/runtime"

    /// The one-file bundle of a Worker for Cloudflare's Terraform (written by the build with esbuild).
    public static func bundle(environment: String, function: String) -> String {
        "cloudflare/bundle/\(environment)/\(function).mjs"
    }

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

    /// The name the uploaded bundle has in Terraform's `main_module`: `<function>.mjs`.
    static func moduleName(function: String) -> String { function + ".mjs" }
}
