/// The JSON Schema dialects the engine implements, oldest first (so `<` means "older than").
public enum Draft: String, Sendable, CaseIterable, Comparable {
    case draft4 = "draft-04"
    case draft6 = "draft-06"
    case draft7 = "draft-07"
    case draft2019_09 = "2019-09"
    case draft2020_12 = "2020-12"

    /// The `$schema` URI of the dialect's meta-schema (without the trailing `#`).
    public var metaschemaURI: String {
        switch self {
        case .draft4: return "http://json-schema.org/draft-04/schema"
        case .draft6: return "http://json-schema.org/draft-06/schema"
        case .draft7: return "http://json-schema.org/draft-07/schema"
        case .draft2019_09: return "https://json-schema.org/draft/2019-09/schema"
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        }
    }

    /// How messages name the dialect: "draft-04", "draft 2020-12".
    public var displayName: String {
        switch self {
        case .draft4, .draft6, .draft7: return rawValue
        case .draft2019_09, .draft2020_12: return "draft " + rawValue
        }
    }

    /// The dialect a standard `$schema` value names (http or https, with or without a trailing `#`), or nil.
    public static func forMetaschema(_ uri: String) -> Draft? {
        var u = uri
        if u.hasSuffix("#") { u.removeLast() }
        if u.hasPrefix("https://") { u = "http://" + u.dropFirst("https://".count) }
        switch u {
        case "http://json-schema.org/draft/2020-12/schema": return .draft2020_12
        case "http://json-schema.org/draft/2019-09/schema": return .draft2019_09
        case "http://json-schema.org/draft-07/schema": return .draft7
        case "http://json-schema.org/draft-06/schema": return .draft6
        case "http://json-schema.org/draft-04/schema": return .draft4
        default: return nil
        }
    }

    /// The dialect a `--draft` argument names: `4`, `6`, `7`, `2019-09`, `2020-12` (also `draft-07`, `draft7`).
    public static func named(_ name: String) -> Draft? {
        var n = name.lowercased()
        if n.hasPrefix("draft") { n = String(n.dropFirst(5)) }
        if n.hasPrefix("-") { n.removeFirst() }
        switch n {
        case "4", "04": return .draft4
        case "6", "06": return .draft6
        case "7", "07": return .draft7
        case "2019-09", "201909": return .draft2019_09
        case "2020-12", "202012": return .draft2020_12
        default: return nil
        }
    }

    /// Drafts 4 to 7: `$ref` hides its siblings, `items` may be an array, `dependencies` is a keyword.
    var isLegacy: Bool { self <= .draft7 }

    /// The keyword that gives a schema its URI: `id` in draft-04, `$id` after.
    var idKeyword: String { self == .draft4 ? "id" : "$id" }

    public static func < (a: Draft, b: Draft) -> Bool { a.order < b.order }

    private var order: Int { Self.allCases.firstIndex(of: self)! }
}

/// The vocabularies (2019-09 and 2020-12) a schema resource uses (from its meta-schema's `$vocabulary`).
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

    /// The vocabularies a 2020-12 or 2019-09 vocabulary URI names, or nil for one the engine does not know.
    /// (2019-09 keeps `unevaluated*` in its applicator vocabulary, and calls format-annotation `format`.)
    static func named(_ uri: String) -> Vocabularies? {
        for (prefix, modern) in [("https://json-schema.org/draft/2020-12/vocab/", true), ("https://json-schema.org/draft/2019-09/vocab/", false)] {
            guard uri.hasPrefix(prefix) else { continue }
            switch uri.dropFirst(prefix.count) {
            case "core": return .core
            case "applicator": return modern ? .applicator : [.applicator, .unevaluated]
            case "unevaluated" where modern: return .unevaluated
            case "validation": return .validation
            case "meta-data": return .metaData
            case "format-annotation" where modern, "format" where !modern: return .formatAnnotation
            case "format-assertion" where modern: return .formatAssertion
            case "content": return .content
            default: return nil
            }
        }
        return nil
    }
}
