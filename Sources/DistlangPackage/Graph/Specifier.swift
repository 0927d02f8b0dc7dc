/// What an import specifier names, by its spelling alone (ES module resolution as Node does it).
enum Specifier: Equatable {
    /// `./x.js`, `../x.js`, `.`, `..`: a file relative to the importing module (query and fragment
    /// removed, percent escapes decoded, as Node reads a URL).
    case relative(String)
    /// `/abs/x.js` or `file:///abs/x.js`: not portable to another machine.
    case absolute
    /// `node:fs`, `fs`, `fs/promises`, `data:…`: provided by the runtime, nothing to package.
    case runtimeProvided
    /// `#internal`: a package.json "imports" alias.
    case subpathImport
    /// `https://…` and other URL schemes Node's ES module loader does not read.
    case url(scheme: String)
    /// `pkg`, `pkg/sub/path`, `@scope/pkg/sub`: the package `name` (nil when the spelling is no valid name).
    case bare(name: String?)
    /// A relative specifier with an encoded `/` or `\` (`%2F`, `%5C`), which Node refuses.
    case encodedSeparator

    init(_ text: String) {
        if text.hasPrefix("./") || text.hasPrefix("../") || text == "." || text == ".." {
            self = Specifier.decodedRelative(text)
        } else if text.hasPrefix("/") || text.hasPrefix("file:") {
            self = .absolute
        } else if text.hasPrefix("node:") || text.hasPrefix("data:") || NodeBuiltins.names.contains(text) {
            self = .runtimeProvided
        } else if text.hasPrefix("#") {
            self = .subpathImport
        } else if let scheme = Specifier.urlScheme(text) {
            self = .url(scheme: scheme)
        } else {
            self = .bare(name: Specifier.packageName(text))
        }
    }

    /// `pkg` of `pkg/sub`, `@scope/pkg` of `@scope/pkg/sub`; nil for `@scope`, an empty name or one
    /// starting with `.` or `_` (npm's rules for the characters that matter when finding a folder).
    static func packageName(_ text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let count = text.hasPrefix("@") ? 2 : 1
        guard parts.count >= count else { return nil }
        let name = parts[0..<count]
        guard name.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") }),
              let last = name.last, !last.hasPrefix("."), !last.hasPrefix("_"), !(count == 2 && name[0] == "@")
        else { return nil }
        return name.joined(separator: "/")
    }

    private static func urlScheme(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard scheme.count >= 2, let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }

    private static func decodedRelative(_ text: String) -> Specifier {
        var path = Substring(text)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard path.contains("%") else { return .relative(String(path)) }
        var bytes: [UInt8] = []
        var utf8 = Array(path.utf8)[...]
        while let b = utf8.popFirst() {
            if b == UInt8(ascii: "%"), utf8.count >= 2,
               let v = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                if v == UInt8(ascii: "/") || v == UInt8(ascii: "\\") { return .encodedSeparator }
                bytes.append(v)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return .relative(String(decoding: bytes, as: UTF8.self))
    }
}

/// The modules built into Node 20 and 22 that can be imported without `node:` (`module.builtinModules`),
/// with their subpaths. Modules that exist only with the prefix (`node:test`, `node:sqlite`, `node:sea`)
/// are covered by the `node:` rule.
enum NodeBuiltins {
    static let names: Set<String> = [
        "_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server",
        "_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap",
        "_stream_writable", "_tls_common", "_tls_wrap", "assert", "assert/strict", "async_hooks", "buffer",
        "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns",
        "dns/promises", "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector",
        "inspector/promises", "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks", "process",
        "punycode", "querystring", "readline", "readline/promises", "repl", "stream", "stream/consumers",
        "stream/promises", "stream/web", "string_decoder", "sys", "timers", "timers/promises", "tls",
        "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi", "worker_threads", "zlib",
    ]
}
