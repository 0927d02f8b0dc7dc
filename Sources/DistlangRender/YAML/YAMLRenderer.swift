import DistlangCore

/// Renders a `Value` as block-style YAML, the way CloudFormation templates are written.
///
/// Mappings keep their key order, one `key: value` per line; nested collections are indented by
/// two spaces, sequences too (`Key:` then `  - item`); a mapping inside a sequence starts on the
/// `- ` line; empty collections are `{}` and `[]`. Scalars are quoted by `YAMLScalar`'s rule.
/// Keys longer than 1,000 characters use the explicit `? key` form (implicit keys are limited to
/// 1,024). CloudFormation intrinsics are ordinary mappings (`Ref: X`, `Fn::GetAtt: [X, Arn]`).
/// The output ends with a newline and is a pure function of the value.
public struct YAMLRenderer: Sendable {
    public init() {}

    /// The document, optionally preceded by `#` comment lines.
    public func render(_ value: Value, headerComment: String? = nil) -> String {
        StageTimings.render { renderDocument(value, headerComment: headerComment) }
    }

    private func renderDocument(_ value: Value, headerComment: String?) -> String {
        var out = ""
        if let headerComment {
            for line in CommentText.lines(headerComment) { out += line + "\n" }
        }
        if let scalar = Self.inline(value) {
            out += scalar + "\n"
        } else {
            writeCollection(value, indent: 0, continuing: false, into: &out)
        }
        return out
    }

    /// The scalar form of a string, as it would follow `key: `.
    public func renderScalar(_ text: String) -> String { YAMLScalar.string(text) }

    /// The one-line form of scalars and empty collections; nil for non-empty collections.
    private static func inline(_ value: Value) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return YAMLScalar.double(d)
        case .string(let s): return YAMLScalar.string(s)
        case .array(let items): return items.isEmpty ? "[]" : nil
        case .object(let object): return object.isEmpty ? "{}" : nil
        }
    }

    private static let maxImplicitKeyLength = 1000

    /// Writes a non-empty mapping or sequence at `indent`. With `continuing`, its first line
    /// continues the current line (after `- `) instead of starting a new one.
    private func writeCollection(_ value: Value, indent: Int, continuing: Bool, into out: inout String) {
        let pad = Indentation.spaces(indent)
        switch value {
        case .object(let object):
            for (i, (key, item)) in object.entries.enumerated() {
                if i > 0 || !continuing { out += pad }
                let keyText = YAMLScalar.string(key)
                if keyText.utf8.count > Self.maxImplicitKeyLength, keyText.unicodeScalars.count > Self.maxImplicitKeyLength {
                    out += "? " + keyText + "\n" + pad + ":"
                } else {
                    out += keyText + ":"
                }
                writeValue(item, indent: indent + 2, into: &out)
            }
        case .array(let items):
            for (i, item) in items.enumerated() {
                if i > 0 || !continuing { out += pad }
                out += "-"
                if let scalar = Self.inline(item) {
                    out += " " + scalar + "\n"
                } else {
                    out += " "
                    writeCollection(item, indent: indent + 2, continuing: true, into: &out)
                }
            }
        default:
            out += (Self.inline(value) ?? "") + "\n"
        }
    }

    /// Writes what follows `key:`: ` scalar` on the same line, or a nested block below.
    private func writeValue(_ value: Value, indent: Int, into out: inout String) {
        if let scalar = Self.inline(value) {
            out += " " + scalar + "\n"
        } else {
            out += "\n"
            writeCollection(value, indent: indent, continuing: false, into: &out)
        }
    }
}
