import DistlangCore

/// Compiles the keywords of one schema object into a `SchemaNode`, following its dialect: drafts 2019-09
/// and 2020-12 with keywords gated by the vocabularies in use, or drafts 4 to 7 (where `$ref` hides its
/// siblings). Each draft knows only its own keywords: `const` in a draft-04 schema is an unknown keyword.
struct KeywordCompiler {
    unowned let compiler: SchemaCompiler
    let document: Int32
    let pointer: JSONPointer
    let nodeID: NodeID
    private var entries: [(priority: Int, name: String, keyword: Keyword)] = []
    private var dialect: Dialect
    private var draft: Draft { dialect.draft }

    init(compiler: SchemaCompiler, document: Int32, pointer: JSONPointer, nodeID: NodeID) {
        self.compiler = compiler
        self.document = document
        self.pointer = pointer
        self.nodeID = nodeID
        let resource = compiler.nodes[Int(nodeID)].resource
        dialect = compiler.resources[Int(resource)].dialect
    }

    private var position: SchemaPosition { SchemaPosition(document: document, pointer: pointer) }

    mutating func compile(_ value: Value) {
        switch value {
        case .bool(true):
            break
        case .bool(false):
            add(0, "", .falseSchema)
        case .object(let o):
            if draft.isLegacy { compileLegacy(o) } else { compileModern(o) }
        default:
            compiler.report("schema.not-a-schema", "a schema must be an object or a boolean, not \(value.typeName)", at: position)
        }
        entries.sort { $0.priority < $1.priority }
        var node = compiler.nodes[Int(nodeID)]
        node.keywords = entries.map(\.keyword)
        node.names = entries.map(\.name)
        node.isTrivial = entries.isEmpty
        node.hasUnevaluated = entries.contains {
            switch $0.keyword {
            case .unevaluatedItems, .unevaluatedProperties: return true
            default: return false
            }
        }
        compiler.nodes[Int(nodeID)] = node
    }

    private mutating func add(_ priority: Int, _ name: String, _ keyword: Keyword) {
        entries.append((priority, name, keyword))
    }

    private func sub(_ tokens: String...) -> NodeID {
        compiler.node(document: document, pointer: JSONPointer(tokens: pointer.tokens + tokens))
    }

    // MARK: 2019-09 and 2020-12

    private mutating func compileModern(_ o: JSONObject) {
        let v = dialect.vocabularies
        if let ref = o["$ref"]?.stringValue, let target = compiler.resolve(ref, from: position) {
            add(9, "$ref", .ref(compiler.node(document: target.document, pointer: target.pointer)))
        }
        if draft == .draft2020_12, let ref = o["$dynamicRef"]?.stringValue { compileDynamicRef(ref) }
        if draft == .draft2019_09, let ref = o["$recursiveRef"]?.stringValue { compileRecursiveRef(ref) }
        if v.contains(.validation) { compileValidation(o) }
        if v.contains(.applicator) { compileApplicators(o) }
        if v.contains(.unevaluated) {
            if SubschemaKeywords.isSchema(o["unevaluatedProperties"] ?? 0) {
                add(20, "unevaluatedProperties", .unevaluatedProperties(sub("unevaluatedProperties")))
            }
            if SubschemaKeywords.isSchema(o["unevaluatedItems"] ?? 0) {
                add(21, "unevaluatedItems", .unevaluatedItems(sub("unevaluatedItems")))
            }
        }
        if compiler.options.assertFormats || v.contains(.formatAssertion) { compileFormat(o) }
    }

    private mutating func compileDynamicRef(_ ref: String) {
        guard let target = compiler.resolve(ref, from: position) else { return }
        let node = compiler.node(document: target.document, pointer: target.pointer)
        var anchor: Int32?
        let fragment = URIReference(ref).fragment ?? ""
        if !fragment.isEmpty, !fragment.hasPrefix("/"), targetSchema(target)?["$dynamicAnchor"]?.stringValue == fragment {
            anchor = compiler.internAnchor(fragment)
        }
        add(9, "$dynamicRef", .dynamicRef(DynamicReference(target: node, anchor: anchor, recursive: false)))
    }

    /// 2019-09 `$recursiveRef`: dynamic only when its target has `$recursiveAnchor: true`.
    private mutating func compileRecursiveRef(_ ref: String) {
        guard let target = compiler.resolve(ref, from: position) else { return }
        let node = compiler.node(document: target.document, pointer: target.pointer)
        let anchor = targetSchema(target)?["$recursiveAnchor"]?.boolValue == true ? compiler.internAnchor(ResourceIndexer.recursiveAnchor) : nil
        add(9, "$recursiveRef", .dynamicRef(DynamicReference(target: node, anchor: anchor, recursive: true)))
    }

    private func targetSchema(_ target: (document: Int32, pointer: JSONPointer)) -> JSONObject? {
        target.pointer.resolve(in: compiler.documents[Int(target.document)].value)?.objectValue
    }

    // MARK: drafts 4, 6 and 7

    private mutating func compileLegacy(_ o: JSONObject) {
        if let ref = o["$ref"]?.stringValue {
            if let target = compiler.resolve(ref, from: position) {
                add(9, "$ref", .ref(compiler.node(document: target.document, pointer: target.pointer)))
            }
            return
        }
        compileValidation(o)
        compileApplicators(o)
        if compiler.options.assertFormats { compileFormat(o) }
    }

    // MARK: shared keyword groups

    private mutating func compileValidation(_ o: JSONObject) {
        if let t = o["type"] {
            var mask: TypeMask = []
            if let s = t.stringValue, let m = TypeMask.named(s) { mask = m }
            if let a = t.arrayValue { for item in a { if let s = item.stringValue, let m = TypeMask.named(s) { mask.formUnion(m) } } }
            // Draft-04: 1.0 is a number, not an integer.
            if draft == .draft4 { mask.insert(.integerExcludesFloats) }
            add(1, "type", .type(mask))
        }
        if draft >= .draft6, let c = o["const"] { add(2, "const", .const(c)) }
        if let e = o["enum"]?.arrayValue { add(2, "enum", .enumeration(EnumValues(e))) }
        if let m = o["multipleOf"], m.doubleValue != nil, let d = ExactDecimal(m), !d.isZero { add(3, "multipleOf", .multipleOf(d)) }
        compileBounds(o)
        if let n = count(o, "maxLength") { add(4, "maxLength", .maxLength(n)) }
        if let n = count(o, "minLength") { add(4, "minLength", .minLength(n)) }
        if let p = o["pattern"]?.stringValue, let re = regex(p, keyword: "pattern") { add(4, "pattern", .pattern(re)) }
        if let n = count(o, "maxItems") { add(4, "maxItems", .maxItems(n)) }
        if let n = count(o, "minItems") { add(4, "minItems", .minItems(n)) }
        if o["uniqueItems"]?.boolValue == true { add(6, "uniqueItems", .uniqueItems) }
        if let n = count(o, "maxProperties") { add(4, "maxProperties", .maxProperties(n)) }
        if let n = count(o, "minProperties") { add(4, "minProperties", .minProperties(n)) }
        if let r = o["required"]?.arrayValue {
            let names = r.compactMap(\.stringValue)
            if !names.isEmpty { add(4, "required", .required(names)) }
        }
        if !draft.isLegacy, case .object(let deps)? = o["dependentRequired"] {
            let pairs = deps.entries.compactMap { k, v in v.arrayValue.map { (k, $0.compactMap(\.stringValue)) } }
            if !pairs.isEmpty { add(4, "dependentRequired", .dependentRequired(pairs)) }
        }
    }

    /// `maximum`/`minimum` and the exclusive forms: numbers from draft-06 on; in draft-04 booleans that
    /// make `maximum`/`minimum` exclusive (the error is then the bound's).
    private mutating func compileBounds(_ o: JSONObject) {
        func bound(_ name: String) -> NumberBound? {
            guard let b = o[name], b.doubleValue != nil else { return nil }
            return NumberBound(value: b)
        }
        if draft == .draft4 {
            if let b = bound("maximum") {
                add(3, "maximum", o["exclusiveMaximum"]?.boolValue == true ? .exclusiveMaximum(b) : .maximum(b))
            }
            if let b = bound("minimum") {
                add(3, "minimum", o["exclusiveMinimum"]?.boolValue == true ? .exclusiveMinimum(b) : .minimum(b))
            }
            return
        }
        if let b = bound("maximum") { add(3, "maximum", .maximum(b)) }
        if let b = bound("exclusiveMaximum") { add(3, "exclusiveMaximum", .exclusiveMaximum(b)) }
        if let b = bound("minimum") { add(3, "minimum", .minimum(b)) }
        if let b = bound("exclusiveMinimum") { add(3, "exclusiveMinimum", .exclusiveMinimum(b)) }
    }

    private mutating func compileApplicators(_ o: JSONObject) {
        var table: PropertyTable?
        if case .object(let props)? = o["properties"] {
            let entries = props.keys.filter { SubschemaKeywords.isSchema(props[$0]!) }.map { ($0, sub("properties", $0)) }
            table = PropertyTable(entries)
            if !entries.isEmpty { add(5, "properties", .properties(table!)) }
        }
        var patterns: [CompiledPattern] = []
        if case .object(let pp)? = o["patternProperties"] {
            var list: [(CompiledPattern, NodeID)] = []
            for (p, s) in pp.entries where SubschemaKeywords.isSchema(s) {
                if let re = regex(p, keyword: "patternProperties", key: p) {
                    list.append((re, sub("patternProperties", p)))
                    patterns.append(re)
                }
            }
            if !list.isEmpty { add(6, "patternProperties", .patternProperties(list)) }
        }
        if let ap = o["additionalProperties"], SubschemaKeywords.isSchema(ap) {
            let rule = AdditionalProperties(
                node: sub("additionalProperties"), covered: table, patterns: patterns, forbids: ap == .bool(false))
            add(7, "additionalProperties", .additionalProperties(rule))
        }
        if draft >= .draft6, let pn = o["propertyNames"], SubschemaKeywords.isSchema(pn) {
            add(7, "propertyNames", .propertyNames(sub("propertyNames")))
        }
        if draft.isLegacy, case .object(let deps)? = o["dependencies"] {
            var required: [(String, [String])] = []
            var schemas: [(String, NodeID)] = []
            for (k, v) in deps.entries {
                if let a = v.arrayValue { required.append((k, a.compactMap(\.stringValue))) }
                if SubschemaKeywords.isSchema(v) { schemas.append((k, sub("dependencies", k))) }
            }
            if !required.isEmpty { add(4, "dependencies", .dependentRequired(required)) }
            if !schemas.isEmpty { add(8, "dependencies", .dependentSchemas(schemas)) }
        }
        if !draft.isLegacy, case .object(let deps)? = o["dependentSchemas"] {
            let list = deps.entries.filter { SubschemaKeywords.isSchema($0.1) }.map { ($0.0, sub("dependentSchemas", $0.0)) }
            if !list.isEmpty { add(8, "dependentSchemas", .dependentSchemas(list)) }
        }
        compileItems(o)
        for name in ["allOf", "anyOf", "oneOf"] {
            guard let list = o[name]?.arrayValue, !list.isEmpty else { continue }
            let ids = list.indices.map { sub(name, String($0)) }
            switch name {
            case "allOf": add(10, name, .allOf(ids))
            case "anyOf": add(11, name, .anyOf(ids))
            default: add(11, name, .oneOf(ids))
            }
        }
        if let n = o["not"], SubschemaKeywords.isSchema(n) { add(11, "not", .not(sub("not"))) }
        if draft >= .draft7, let i = o["if"], SubschemaKeywords.isSchema(i) {
            let then = o["then"].flatMap { SubschemaKeywords.isSchema($0) ? sub("then") : nil }
            let otherwise = o["else"].flatMap { SubschemaKeywords.isSchema($0) ? sub("else") : nil }
            // Even alone, `if` matters: its annotations count for `unevaluated*` when it passes.
            if then != nil || otherwise != nil || !draft.isLegacy {
                add(12, "if", .ifThenElse(IfThenElse(condition: sub("if"), then: then, otherwise: otherwise)))
            }
        }
    }

    private mutating func compileItems(_ o: JSONObject) {
        if draft < .draft2020_12 {
            // `items` as an array is a tuple, with `additionalItems` for the rest.
            if let items = o["items"]?.arrayValue {
                let ids = items.indices.map { sub("items", String($0)) }
                if !ids.isEmpty { add(5, "items", .prefixItems(ids)) }
                if let ai = o["additionalItems"], SubschemaKeywords.isSchema(ai) {
                    add(6, "additionalItems", .items(sub("additionalItems"), from: items.count))
                }
            } else if let items = o["items"], SubschemaKeywords.isSchema(items) {
                add(6, "items", .items(sub("items"), from: 0))
            }
        } else {
            var prefix = 0
            if let items = o["prefixItems"]?.arrayValue, !items.isEmpty {
                prefix = items.count
                add(5, "prefixItems", .prefixItems(items.indices.map { sub("prefixItems", String($0)) }))
            }
            if let items = o["items"], SubschemaKeywords.isSchema(items) {
                add(6, "items", .items(sub("items"), from: prefix))
            }
        }
        guard draft >= .draft6, let c = o["contains"], SubschemaKeywords.isSchema(c) else { return }
        let counted = !draft.isLegacy && dialect.vocabularies.contains(.validation)
        let min = counted ? count(o, "minContains") ?? 1 : 1
        let max = counted ? count(o, "maxContains") : nil
        add(7, "contains", .contains(ContainsRule(node: sub("contains"), min: min, max: max)))
    }

    private mutating func compileFormat(_ o: JSONObject) {
        guard let name = o["format"]?.stringValue, let check = FormatCheck.named(name) else { return }
        add(4, "format", .format(check))
    }

    // MARK: helpers

    /// A non-negative integer keyword value (`2` or `2.0`).
    private func count(_ o: JSONObject, _ name: String) -> Int? {
        guard let n = o[name]?.integerValue, n >= 0 else { return nil }
        return Int(clamping: n)
    }

    private func regex(_ source: String, keyword: String, key: String? = nil) -> CompiledPattern? {
        do {
            return try CompiledPattern(source)
        } catch {
            var at = pointer.appending(keyword)
            if let key { at = at.appending(key) }
            compiler.report(
                "schema.invalid-regex", "\(keyword) \(JSONWriter.quote(source)) is not a valid regular expression: \(error.message)",
                at: SchemaPosition(document: document, pointer: at))
            return nil
        }
    }
}
