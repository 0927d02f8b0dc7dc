import DistlangCore

/// Turns the validator's raw errors into `Diagnostic`s: JSON pointer, file:line:col through the
/// source map (the key of an unknown property, the object of a missing one), message, hint, notes.
struct DiagnosticBuilder {
    let program: SchemaProgram
    let instance: Value
    let sourceMap: SourceMap?
    /// Put in front of every message (e.g. "invalid schema: ").
    var prefix = ""
    /// Replaces the `schema.<keyword>` code (e.g. for meta-schema errors).
    var code: String?

    func diagnostic(_ e: RawError) -> Diagnostic {
        var tokens: [String] = []
        var value = instance
        var parent: Value?
        var node = sourceMap?.root
        var keyNode: SourceNode?
        for raw in e.path {
            let index = raw < 0 ? Int(-raw - 1) : Int(raw)
            parent = value
            switch value {
            case .object(let o) where index < o.count:
                tokens.append(o.keys[index])
                value = raw < 0 ? .string(o.keys[index]) : o.values[index]
            case .array(let a) where index < a.count:
                tokens.append(String(index))
                value = a[index]
            default:
                break
            }
            if let n = node, index < n.children.count {
                node = n.children[index]
                keyNode = raw < 0 ? node : nil
            }
        }
        var location: SourceLocation?
        if let sourceMap, let node {
            let span = (e.atKey || keyNode != nil) ? (node.keySpan ?? node.span) : node.span
            location = SourceLocation(file: sourceMap.file, span: span)
        }
        var hint = e.hint
        switch e.kind {
        case .unknownProperty(let name, let schema), .unevaluatedProperty(let name, let schema):
            let present = Set(parent?.objectValue?.keys ?? [])
            let allowed = AllowedProperties.names([schema], in: program).filter { !present.contains($0) }
            if let s = DidYouMean.suggest(name, from: allowed) {
                hint = "did you mean \(JSONWriter.quote(s))?"
            } else if !allowed.isEmpty && allowed.count <= 12 {
                hint = "allowed here: " + allowed.map { JSONWriter.quote($0) }.joined(separator: ", ")
            }
        default:
            break
        }
        return Diagnostic(
            .error, code: code ?? Messages.code(e.kind), prefix + Messages.text(e.kind, e.instance), at: location,
            pointer: JSONPointer(tokens: tokens), keywordLocation: e.keywordLocation, hint: hint,
            notes: e.notes.map { Diagnostic.Note($0) })
    }
}
