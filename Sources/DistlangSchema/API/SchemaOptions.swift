/// How a schema is compiled.
public struct SchemaCompileOptions: Sendable {
    /// Treat `format` as an assertion (as `--assert-formats` does). Without it, `format` is an
    /// annotation, except where a meta-schema requires the format-assertion vocabulary.
    public var assertFormats: Bool
    /// The dialect of a schema without `$schema` (or with an unknown one).
    public var defaultDraft: Draft
    /// Read the root schema in `defaultDraft` whatever its `$schema` says (`--draft`).
    public var forcesDraft: Bool
    /// Check the schema against its meta-schema first (an invalid schema is a compile error).
    public var validatesAgainstMetaschema: Bool
    /// The base URI of the root schema when it has no `$id` (default: its file as a `file:` URI).
    public var baseURI: String?

    public init(
        assertFormats: Bool = false, defaultDraft: Draft = .draft2020_12, forcesDraft: Bool = false, validatesAgainstMetaschema: Bool = true,
        baseURI: String? = nil
    ) {
        self.assertFormats = assertFormats
        self.defaultDraft = defaultDraft
        self.forcesDraft = forcesDraft
        self.validatesAgainstMetaschema = validatesAgainstMetaschema
        self.baseURI = baseURI
    }
}

/// How an instance is validated.
public struct ValidationOptions: Sendable {
    /// Stop after this many errors (nil: report all).
    public var maxErrors: Int?
    /// Deepest nesting of schema evaluation (instance depth plus in-place applicators) before the
    /// validator gives up with an error rather than risk the stack.
    public var maxEvaluationDepth: Int

    public init(maxErrors: Int? = nil, maxEvaluationDepth: Int = 6_000) {
        self.maxErrors = maxErrors
        self.maxEvaluationDepth = maxEvaluationDepth
    }
}
