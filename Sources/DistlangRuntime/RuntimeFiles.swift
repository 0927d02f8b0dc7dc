import Foundation

/// The portable runtime's JavaScript (`runtime/src` in the repository), embedded in the binary so a
/// build never needs the repository (docs/runtime.md). `scripts/embed-runtime.py` writes
/// `encodedFiles`.
public enum EmbeddedRuntime {
    /// Every runtime module, by its path under runtime/src, sorted.
    public static let files: [(path: String, text: String)] = encodedFiles.map { file in
        (file.path, String(decoding: Data(base64Encoded: file.base64, options: .ignoreUnknownCharacters) ?? Data(), as: UTF8.self))
    }
}

/// The platforms the runtime has an adapter for. A generated entry imports one adapter, and only
/// that adapter's files and the shared core go beside it. The dev host (`distlang dev`) has no
/// entries: it loads every function itself.
public enum RuntimeAdapter: String, Sendable, CaseIterable {
    case awsLambda = "aws-lambda"
    case cloudflareWorkers = "cloudflare-workers"
    case dev

    /// Whether the build writes entries (`EntryModule`) that import this adapter.
    public var hasEntries: Bool { self != .dev }

    /// The adapter's module, relative to the runtime folder (what an entry imports).
    public var indexModule: String { "adapters/\(rawValue)/index.js" }

    /// The factory the adapter exports: `createHandler` (Lambda), `createWorker` (Workers) or
    /// `startHost` (dev).
    public var factory: String {
        switch self {
        case .awsLambda: return "createHandler"
        case .cloudflareWorkers: return "createWorker"
        case .dev: return "startHost"
        }
    }

    /// The runtime files an entry of this adapter needs, by path under the runtime folder, sorted.
    public var files: [(path: String, text: String)] {
        let own = "adapters/\(rawValue)/"
        return EmbeddedRuntime.files.filter { $0.path.hasPrefix("core/") || $0.path.hasPrefix(own) }
    }
}

/// Where generated code keeps the runtime, relative to the folder of the entry's code root.
public enum RuntimeLayout {
    /// `_distlang/runtime`: a name no function can take (function names start with a letter).
    public static let folder = "_distlang/runtime"
}

/// Platform variables the runtime itself reads.
public enum RuntimeVariables {
    /// The environment a deployed function belongs to (set when the spec has environments); the
    /// runtime picks that environment of the function table and hides the variable from `env`.
    public static let environment = "DISTLANG_ENV"
}
