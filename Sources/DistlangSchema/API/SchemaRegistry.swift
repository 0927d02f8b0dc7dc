import DistlangCore
import DistlangLoader
import Foundation

/// Where the compiler finds the schemas that `$ref` and `$schema` name by URI — never the network.
///
/// In order: documents added with `add(_:uri:)`, files named with `addFile(_:uri:)` (`--ref URI=FILE`),
/// folders under a URI prefix (`--ref-dir PREFIX=DIR`), local `file:` URIs (when `allowsFileURIs`),
/// and the meta-schemas of 2020-12 (with its vocabularies) and draft-07 embedded in the binary.
/// Files are read only when a reference needs them. A registry may be shared by several compilations;
/// it is not meant to be mutated while a compilation runs.
public final class SchemaRegistry: @unchecked Sendable {
    /// A document found for a URI: its value and, when it came from a file, its source map.
    struct Entry {
        var value: Value
        var sourceMap: SourceMap?
    }

    /// What a look-up found.
    enum Lookup {
        case found(Entry)
        case notFound
        /// The file exists but could not be read or parsed.
        case failed([Diagnostic])
    }

    private var documents: [String: Entry] = [:]
    private var files: [String: String] = [:]
    private var directories: [(prefix: String, directory: String)] = []
    private let lock = NSLock()
    /// Whether `file:` URIs are read from the local disk (default true).
    public var allowsFileURIs: Bool

    public init(allowsFileURIs: Bool = true) {
        self.allowsFileURIs = allowsFileURIs
    }

    /// Serves `document` for `uri` (its fragment, if any, is ignored).
    public func add(_ document: Document, uri: String) {
        lock.withLock { documents[Self.key(uri)] = Entry(value: document.value, sourceMap: document.sourceMap) }
    }

    /// Serves a value without source positions (tests, programmatic schemas) for `uri`.
    public func add(value: Value, uri: String) {
        lock.withLock { documents[Self.key(uri)] = Entry(value: value, sourceMap: nil) }
    }

    /// Serves the YAML or JSON file at `path` for `uri`, read when first referenced.
    public func addFile(_ path: String, uri: String) {
        lock.withLock { files[Self.key(uri)] = path }
    }

    /// Serves every URI that starts with `prefix` from the file at the rest of the URI under `directory`.
    public func addDirectory(_ directory: String, prefix: String) {
        lock.withLock { directories.append((prefix, directory)) }
    }

    /// The canonical form of a URI used as a key: no fragment.
    static func key(_ uri: String) -> String {
        URIReference(uri).withoutFragment.description
    }

    /// Finds the document for an absolute URI without fragment.
    func lookup(_ uri: String) -> Lookup {
        let key = Self.key(uri)
        if let entry = lock.withLock({ documents[key] }) { return .found(entry) }
        if let path = lock.withLock({ files[key] }) { return load(path, uri: key) }
        for (prefix, directory) in lock.withLock({ directories }) where key.hasPrefix(prefix) {
            let rest = String(key.dropFirst(prefix.count))
            let parts = rest.split(separator: "/")
            // A URI may not climb out of the folder it is served from.
            if parts.contains("..") || rest.hasPrefix("/") { continue }
            let path = (directory as NSString).appendingPathComponent(rest)
            if FileManager.default.fileExists(atPath: path) { return load(path, uri: key) }
        }
        if allowsFileURIs {
            let ref = URIReference(key)
            if ref.scheme == "file", ref.authority == nil || ref.authority == "" || ref.authority == "localhost" {
                let path = URIReference.percentDecoded(ref.path)
                if FileManager.default.fileExists(atPath: path) { return load(path, uri: key) }
            }
        }
        if let value = Self.embedded[key] { return .found(Entry(value: value, sourceMap: nil)) }
        return .notFound
    }

    /// The embedded meta-schemas, parsed once per process.
    static let embedded: [String: Value] = {
        var out: [String: Value] = [:]
        for file in EmbeddedMetaschemas.files {
            if let doc = Loader.load(text: file.text, file: file.uri, format: .json).document { out[file.uri] = doc.value }
        }
        return out
    }()

    private func load(_ path: String, uri: String) -> Lookup {
        let result = Loader.load(file: path, options: .schemaDocument)
        guard let doc = result.document else { return .failed(result.diagnostics) }
        let entry = Entry(value: doc.value, sourceMap: doc.sourceMap)
        lock.withLock { documents[uri] = entry }
        return .found(entry)
    }
}
