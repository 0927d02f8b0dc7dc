import DistlangCore
import DistlangSchema

/// Puts the schema engine's reports on a spec into a spec author's words: the rule the schema's
/// description states instead of a regular expression or a keyword path, a value to write where one
/// is likely, and one diagnostic per problem. (`validate --schema` keeps the engine's generic words:
/// only the spec's own schema is written to be quoted like this.)
struct SpecSchemaWording: Sendable {
    let annotations: SchemaAnnotations

    /// Suggestions cost a regular expression or two each; past this many diagnostics (a hostile spec)
    /// only the words change.
    static let suggestionLimit = 1_000

    func reword(_ diagnostics: [Diagnostic], in document: Document) -> [Diagnostic] {
        let json = document.file.lowercased().hasSuffix(".json")
        var found = diagnostics.map { Found(diagnostic: $0, place: $0.keywordLocation.flatMap(annotations.place)) }
        nameMissingKeys(&found, in: document.value)
        return withoutEchoes(found).enumerated().map { i, f in
            reword(f, in: document.value, json: json, suggest: i < Self.suggestionLimit)
        }
    }

    /// A diagnostic with what its keyword location leads to.
    private struct Found {
        var diagnostic: Diagnostic
        var place: SchemaAnnotations.Place?
        /// For `required`: the key that is missing.
        var missing: String?
    }

    /// Each `required` error names one missing key, in the order of the schema's list.
    private func nameMissingKeys(_ found: inout [Found], in value: Value) {
        var seen: [String: Int] = [:]
        for i in found.indices {
            guard let place = found[i].place, place.keyword == "required", let names = place.keywordValue.arrayValue else { continue }
            let object = (found[i].diagnostic.pointer ?? .root).resolve(in: value)?.objectValue
            let missing = names.compactMap(\.stringValue).filter { !(object?.contains($0) ?? false) }
            let key = "\(found[i].diagnostic.pointer?.description ?? "")|\(found[i].diagnostic.keywordLocation ?? "")"
            let ordinal = seen[key, default: 0]
            seen[key] = ordinal + 1
            if ordinal < missing.count { found[i].missing = missing[ordinal] }
        }
    }

    /// One diagnostic per problem: a value of the wrong type is not also out of range or off-pattern,
    /// and a misspelt key (`target:`) is not also a missing one (`targets`).
    private func withoutEchoes(_ found: [Found]) -> [Found] {
        let wrongType = Set(found.filter { $0.place?.keyword == "type" }.compactMap(\.diagnostic.pointer))
        var misspelt: [JSONPointer: [String]] = [:]
        for f in found where f.place?.keyword == "additionalProperties" {
            if let pointer = f.diagnostic.pointer, let parent = pointer.parent, let key = pointer.last {
                misspelt[parent, default: []].append(key)
            }
        }
        return found.filter { f in
            guard let place = f.place, let pointer = f.diagnostic.pointer else { return true }
            if place.keyword != "type", place.keyword != "additionalProperties", wrongType.contains(pointer) { return false }
            if let missing = f.missing, let keys = misspelt[pointer],
               keys.contains(where: { DidYouMean.suggest($0, from: [missing]) == missing }) {
                return false
            }
            return true
        }
    }

    private func reword(_ f: Found, in root: Value, json: Bool, suggest: Bool) -> Diagnostic {
        var d = f.diagnostic
        // The engine's notes describe the alternatives of a `oneOf` by their schema paths.
        d.notes = []
        guard let place = f.place else { return d }
        let pointer = d.pointer ?? .root
        let value = place.judgesKey ? pointer.last.map(Value.string) : pointer.resolve(in: root)
        var wordsOfChoice = place.choice != nil
        switch place.keyword {
        case "pattern":
            guard case .string(let text)? = value else { break }
            let noun = SchemaAnnotations.noun(place.schema) ?? pointer.last ?? "value"
            d.message = "\(JSONWriter.quote(text)) is not a valid \(noun)"
                + (SchemaAnnotations.rule(place.schema).map { ": use \($0)" } ?? "")
            if suggest, let pattern = place.keywordValue.stringValue, let fix = ValueSuggestions.matching(text, pattern: pattern) {
                let verb = fix.allSatisfy { $0.isNumber || $0 == "-" } ? "write" : "try"
                d.hint = "\(verb) \(ValueSuggestions.written(.string(fix), json: json))"
            }
        case "type":
            if let value { typeMismatch(&d, value, expected: Self.types(place.keywordValue), schema: place.schema, json: json) }
        case "enum":
            guard case .string(let text)? = value, let options = place.keywordValue.arrayValue?.compactMap(\.stringValue) else { break }
            let preferred = place.schema["default"]?.stringValue
            let ordered = (preferred.map { [$0] } ?? []) + options.filter { $0 != preferred }
            if let best = DidYouMean.suggest(text, from: ordered) { d.hint = "did you mean \(JSONWriter.quote(best))?" }
        case "const":
            let wanted = ValueSuggestions.written(place.keywordValue, json: json)
            d.hint = value?.stringValue == wanted ? "write \(wanted) without quotes" : "write \(wanted)"
        case "required":
            guard let name = f.missing else { break }
            d.message = "missing required key \(JSONWriter.quote(name))"
            let property = annotations.propertySchema(name, of: place.schema) ?? place.choice.flatMap { annotations.propertySchema(name, of: $0) }
            if let example = property?["examples"]?.arrayValue?.first {
                let key = json ? JSONWriter.quote(name) : name
                d.hint = "add it, for example \(key): \(ValueSuggestions.written(example, json: json))"
            }
        case "additionalProperties", "unevaluatedProperties":
            guard let key = pointer.last else { break }
            d.message = "unknown key \(JSONWriter.quote(key))"
            // The engine suggests only keys the object lacks; in an environment the object is merged,
            // and the key an overlay misspells is usually one the base already sets.
            let declared = place.schema["properties"]?.objectValue?.keys ?? []
            let present = pointer.parent.flatMap { $0.resolve(in: root)?.objectValue }
            let absent = declared.filter { !(present?.contains($0) ?? false) }
            if let best = DidYouMean.suggest(key, from: absent) ?? DidYouMean.suggest(key, from: declared) {
                d.hint = "did you mean \(JSONWriter.quote(best))?"
            }
        case "minProperties", "minItems", "minLength":
            let empty = value?.objectValue?.isEmpty ?? value?.arrayValue?.isEmpty ?? (value?.stringValue?.isEmpty ?? false)
            guard empty else { break }
            d.message = "must not be empty"
            if let example = place.schema["examples"]?.arrayValue?.first {
                d.hint = "for example: \(ValueSuggestions.written(example, json: json))"
            }
        case "not", "oneOf", "anyOf":
            guard place.choice != nil, d.code != "spec.type" else { break }
            d.message = "not a valid \(SchemaAnnotations.noun(place.choice) ?? "value")"
                + (SchemaAnnotations.rule(place.choice).map { ": use \($0)" } ?? "")
            wordsOfChoice = false
        default:
            break
        }
        if wordsOfChoice, let choice = place.choice, let noun = SchemaAnnotations.noun(choice), let rule = SchemaAnnotations.rule(choice) {
            d.notes = [Diagnostic.Note("\(Self.article(noun)) \(noun) is \(rule)")]
        }
        return d
    }

    /// The words for a value of the wrong type, with how to write the value that was probably meant.
    private func typeMismatch(_ d: inout Diagnostic, _ value: Value, expected: Set<String>, schema: Value, json: Bool) {
        switch value {
        case .string(let text) where expected.contains("boolean"):
            if let meant = ValueSuggestions.yaml11Boolean(text) {
                d.message = "\(JSONWriter.quote(text)) is a string, not a boolean: distlang reads YAML 1.2, where only true and false are booleans"
                d.hint = "write \(meant)"
            } else if ["true", "false"].contains(text.lowercased()) {
                d.hint = "write \(text.lowercased()) without quotes"
            }
        case .string(let text) where !expected.isDisjoint(with: ["integer", "number"]) && Double(text) != nil:
            d.hint = "write \(text) without quotes"
        case .number(let x) where expected == ["integer"]:
            d.message = "\(JSONWriter.format(x)) is not a whole number"
            let rounded = x.rounded()
            let low = schema["minimum"]?.doubleValue ?? -.infinity, high = schema["maximum"]?.doubleValue ?? .infinity
            if rounded >= low, rounded <= high, abs(rounded) < 1e15 {
                d.hint = "write \(Int64(rounded))"
            } else if let min = schema["minimum"]?.integerValue, let max = schema["maximum"]?.integerValue {
                d.hint = "write a whole number from \(min) to \(max)"
            }
        case .integer, .number, .bool where expected == ["string"]:
            d.hint = "put it in quotes to make it a string"
        case _ where expected == ["array"]:
            if value.arrayValue == nil, value.objectValue == nil { d.hint = "write a list: \(ValueSuggestions.written(.array([value]), json: json))" }
        case _ where expected == ["object"]:
            if let example = schema["examples"]?.arrayValue?.first { d.hint = "for example: \(ValueSuggestions.written(example, json: json))" }
        default:
            break
        }
    }

    private static func types(_ keywordValue: Value) -> Set<String> {
        if let one = keywordValue.stringValue { return [one] }
        return Set(keywordValue.arrayValue?.compactMap(\.stringValue) ?? [])
    }

    static func article(_ noun: String) -> String {
        noun.first.map { "aeiouAEIOU".contains($0) } ?? false ? "an" : "a"
    }
}
