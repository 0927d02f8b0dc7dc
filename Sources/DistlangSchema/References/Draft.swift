/// The JSON Schema dialects the engine implements.
public enum Draft: String, Sendable, CaseIterable {
    case draft7 = "draft-07"
    case draft2020_12 = "2020-12"

    /// The `$schema` URI of the dialect's meta-schema.
    public var metaschemaURI: String {
        switch self {
        case .draft7: return "http://json-schema.org/draft-07/schema"
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        }
    }

    /// The dialect a standard `$schema` value names (with or without a trailing `#`), or nil.
    public static func forMetaschema(_ uri: String) -> Draft? {
        var u = uri
        if u.hasSuffix("#") { u.removeLast() }
        switch u {
        case "https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft/2020-12/schema": return .draft2020_12
        case "http://json-schema.org/draft-07/schema", "https://json-schema.org/draft-07/schema": return .draft7
        default: return nil
        }
    }
}

/// The 2020-12 vocabularies a schema resource uses (from its meta-schema's `$vocabulary`).
struct Vocabularies: OptionSet, Sendable, Hashable {
    let rawValue: UInt16

    static let core = Vocabularies(rawValue: 1 << 0)
    static let applicator = Vocabularies(rawValue: 1 << 1)
    static let unevaluated = Vocabularies(rawValue: 1 << 2)
    static let validation = Vocabularies(rawValue: 1 << 3)
    static let metaData = Vocabularies(rawValue: 1 << 4)
    static let formatAnnotation = Vocabularies(rawValue: 1 << 5)
    static let formatAssertion = Vocabularies(rawValue: 1 << 6)
    static let content = Vocabularies(rawValue: 1 << 7)

    /// What a schema gets when its meta-schema does not say (`$schema` absent or a standard dialect).
    static let standard: Vocabularies = [.core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content]

    /// The vocabulary a 2020-12 vocabulary URI names, or nil for one the engine does not know.
    static func named(_ uri: String) -> Vocabularies? {
        let prefix = "https://json-schema.org/draft/2020-12/vocab/"
        guard uri.hasPrefix(prefix) else { return nil }
        switch uri.dropFirst(prefix.count) {
        case "core": return .core
        case "applicator": return .applicator
        case "unevaluated": return .unevaluated
        case "validation": return .validation
        case "meta-data": return .metaData
        case "format-annotation": return .formatAnnotation
        case "format-assertion": return .formatAssertion
        case "content": return .content
        default: return nil
        }
    }
}
