import DistlangCore

/// The spec schema read as a document, for the words of spec diagnostics: the title, description,
/// examples and bounds of the schema behind a failed keyword. The schema's own annotations are the
/// one source of these words, so a message cannot drift from `distlang schema` or the reference.
struct SchemaAnnotations: Sendable {
    let root: Value

    /// Where a keyword location (`/properties/functions/additionalProperties/$ref/properties/memory/minimum`)
    /// leads in the schema document.
    struct Place {
        /// The failed keyword (`pattern`, `type`, `required`, …) and its value in the schema.
        var keyword: String
        var keywordValue: Value
        /// The schema holding the keyword.
        var schema: Value
        /// The nearest schema with a description that the location reaches through `oneOf`, `anyOf` or
        /// `not`: a value that fits none of several forms is explained by the words of the whole.
        var choice: Value?
        /// The location passes through `propertyNames`: the value judged is a key.
        var judgesKey: Bool
    }

    func place(_ keywordLocation: String) -> Place? {
        guard let pointer = JSONPointer(keywordLocation), let keyword = pointer.last else { return nil }
        var current = root
        var steps: [(token: String, holder: Value)] = []
        for token in pointer.tokens {
            if token == "$ref", let target = current["$ref"]?.stringValue.flatMap(resolve) {
                current = target
                continue
            }
            guard let next = Self.child(current, token) else { return nil }
            steps.append((token, current))
            current = next
        }
        guard let schema = steps.last?.holder else { return nil }
        let choices: Set<String> = ["oneOf", "anyOf", "not"]
        var choice: Value?
        if let first = steps.firstIndex(where: { choices.contains($0.token) }) {
            choice = steps[...first].reversed().first { $0.holder["description"] != nil }?.holder
        }
        return Place(
            keyword: keyword, keywordValue: current, schema: schema, choice: choice,
            judgesKey: steps.contains { $0.token == "propertyNames" })
    }

    /// A local reference (`#/$defs/function`).
    func resolve(_ reference: String) -> Value? {
        guard reference.hasPrefix("#"), let pointer = JSONPointer(String(reference.dropFirst())) else { return nil }
        return pointer.resolve(in: root)
    }

    /// The schema that applies to member `name` of an object validated by `schema` (its `properties`,
    /// following a `$ref`).
    func propertySchema(_ name: String, of schema: Value) -> Value? {
        let direct = schema["properties"]?[name]
        guard let ref = direct?["$ref"]?.stringValue else { return direct }
        return resolve(ref)
    }

    private static func child(_ value: Value, _ token: String) -> Value? {
        switch value {
        case .object(let o): return o[token]
        case .array(let a):
            guard let i = Int(token), i >= 0, i < a.count else { return nil }
            return a[i]
        default: return nil
        }
    }
}

extension SchemaAnnotations {
    /// The rule a schema states: the first clause of its description (up to the first `. `, `; ` or
    /// `: `), with a lowercase start: "lowercase letters, digits and hyphens, 2 to 32 characters, …".
    /// The schema's descriptions begin with the rule for exactly this use.
    static func rule(_ schema: Value?) -> String? {
        guard var text = schema?["description"]?.stringValue, !text.isEmpty else { return nil }
        for separator in [". ", "; ", ": "] {
            if let r = text.range(of: separator) { text = String(text[..<r.lowerBound]) }
        }
        if text.hasSuffix(".") { text.removeLast() }
        return lowercasingStart(text)
    }

    /// What a schema's value is called in a message: its title in running text ("app name",
    /// "account ID", "Cloudflare route").
    static func noun(_ schema: Value?) -> String? {
        schema?["title"]?.stringValue.map(lowercasingStart)
    }

    /// "Lowercase letters" -> "lowercase letters"; names and acronyms ("Cloudflare", "AWS", "ID") stay.
    static func lowercasingStart(_ text: String) -> String {
        let firstWord = text.prefix { $0 != " " }
        let properNouns: Set<Substring> = ["Cloudflare", "AWS", "JavaScript", "JSON", "Workers", "HTTP"]
        guard let first = firstWord.first, first.isUppercase, !properNouns.contains(firstWord),
              !firstWord.dropFirst().contains(where: \.isUppercase)
        else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
