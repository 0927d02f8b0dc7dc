import DistlangCore

/// A document the compiler has loaded (the root schema, a remote, a meta-schema).
final class LoadedDocument {
    let id: Int32
    let uri: String
    let value: Value
    let sourceMap: SourceMap?
    /// Escaped JSON pointer of every schema position found by indexing -> its resource.
    var positions: [String: Int32] = [:]
    /// The dialect of the document's root, and whether its `$schema` chose it.
    var dialect = Dialect.standard(.draft2020_12)
    var declaresDialect = false

    init(id: Int32, uri: String, value: Value, sourceMap: SourceMap?) {
        self.id = id
        self.uri = uri
        self.value = value
        self.sourceMap = sourceMap
    }
}

/// The dialect a schema resource is written in: draft and (2019-09, 2020-12) vocabularies.
struct Dialect: Equatable {
    var draft: Draft
    var vocabularies: Vocabularies

    static func standard(_ draft: Draft) -> Dialect { Dialect(draft: draft, vocabularies: .standard) }
}

/// A schema resource: a document root or a subschema with its own `$id`.
struct ResourceRecord {
    var uri: String
    var document: Int32
    var pointer: JSONPointer
    var dialect: Dialect
    var anchors: [String: JSONPointer] = [:]
    var dynamicAnchors: [String: JSONPointer] = [:]
}
