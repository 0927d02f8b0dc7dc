import DistlangCore

/// Applies a scalar's tag: the standard `!!str`, `!!int`, `!!float`, `!!bool`, `!!null` and the
/// non-specific `!`; any other tag (such as CloudFormation's `!Ref`) is an error.
enum ScalarTags {
    static let prefix = "tag:yaml.org,2002:"

    static func resolve(text: String, tag: String?, plain: Bool) -> ScalarResolution {
        guard let tag else {
            return plain ? ScalarResolver.resolvePlain(text) : .value(.string(text))
        }
        switch tag {
        case "!", prefix + "str":
            return .value(.string(text))
        case prefix + "null":
            if text.isEmpty || text == "~" || text.lowercased() == "null" { return .value(.null) }
            return mismatch(text, tag)
        case prefix + "bool":
            if case .value(.bool(let b)) = ScalarResolver.resolvePlain(text) { return .value(.bool(b)) }
            return mismatch(text, tag)
        case prefix + "int":
            let r = ScalarResolver.resolvePlain(text)
            if case .value(.integer) = r { return r }
            if case .invalid = r { return r }
            return mismatch(text, tag)
        case prefix + "float":
            let r = ScalarResolver.resolvePlain(text)
            switch r {
            case .value(.integer(let i)): return .value(.number(Double(i)))
            case .value(.number), .invalid: return r
            default: return mismatch(text, tag)
            }
        default:
            return .invalid(
                code: "yaml.unknown-tag", message: "the tag \(display(tag)) is not supported",
                hint: tag.hasPrefix("!") && !tag.hasPrefix("!!")
                    ? "distlang reads plain YAML data; CloudFormation-style tags such as !Ref have no meaning in a spec"
                    : "remove the tag")
        }
    }

    /// The tag as the user wrote it: `!!int` for standard tags, `!Ref` for local ones.
    static func display(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    private static func mismatch(_ text: String, _ tag: String) -> ScalarResolution {
        .invalid(
            code: "yaml.tag-mismatch", message: "\"\(text)\" is not a valid \(display(tag)) value",
            hint: "remove the tag or fix the value")
    }
}
