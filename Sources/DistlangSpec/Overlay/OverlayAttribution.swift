import DistlangCore

/// Says which environment each problem belongs to, and reports it where it was caused.
///
/// Every environment is checked on its own merged document, so one problem can be found several
/// times, and a problem an overlay causes can show up at a base line. Here:
/// - a problem every environment has is the base's: reported once, as it is;
/// - a problem at an overlay's line gets that environment's name in its message (`[production] …`)
///   and the path as written (`environments.production.defaults.memroy`);
/// - a problem at a base line that an overlay caused (it removes the resource a function uses, it
///   turns `workers_dev` off …) is reported at that overlay line, with a note at the base line;
/// - any other problem only some environments have is reported once, naming them: `[staging, production] …`.
struct OverlayAttribution {
    /// The whole spec, `environments` included.
    let document: Document

    func combine(base: [Diagnostic], environments: [(environment: EnvironmentDocument, findings: [SpecFinding])]) -> [Diagnostic] {
        guard environments.contains(where: { $0.environment.overlaySpan != nil }) else {
            return Self.deduplicated(base + environments.flatMap { $0.findings.map(\.diagnostic) })
        }
        var out = base.map(taggingOverlaySchemaError)
        let seen = Set(base.map(Self.identity))
        // Each distinct problem once, in the order found, with the environments that have it.
        var order: [String] = []
        var groups: [String: (finding: SpecFinding, environments: [EnvironmentDocument])] = [:]
        for (environment, findings) in environments {
            for finding in findings {
                let key = Self.identity(finding.diagnostic)
                guard !seen.contains(key) else { continue }
                if groups[key] == nil {
                    order.append(key)
                    groups[key] = (finding, [])
                }
                groups[key]!.environments.append(environment)
            }
        }
        for key in order {
            let (finding, found) = groups[key]!
            var others: [String] = []
            for environment in found {
                if let span = environment.overlaySpan, let location = finding.diagnostic.location, Self.contains(span, location) {
                    out.append(writtenInOverlay(finding.diagnostic, environment.name))
                } else if let moved = causedByOverlay(finding, environment) {
                    out.append(moved)
                } else {
                    others.append(environment.name)
                }
            }
            guard !others.isEmpty else { continue }
            var d = finding.diagnostic
            if others.count < environments.count { d.message = "[\(others.joined(separator: ", "))] " + d.message }
            out.append(d)
        }
        return out
    }

    /// A base schema error inside an overlay (`environments.production.functoins`) names its environment.
    private func taggingOverlaySchemaError(_ d: Diagnostic) -> Diagnostic {
        guard let tokens = d.pointer?.tokens, tokens.count >= 2, tokens[0] == "environments" else { return d }
        var d = d
        d.message = "[\(tokens[1])] " + d.message
        return d
    }

    /// A problem at an overlay's line, with the path as written there.
    private func writtenInOverlay(_ d: Diagnostic, _ environment: String) -> Diagnostic {
        var d = d
        d.message = "[\(environment)] " + d.message
        d.pointer = Self.overlayPointer(environment, d.pointer ?? .root)
        return d
    }

    /// The problem reported at the overlay line that caused it, or nil when the overlay sets none of
    /// its causes. A schema error's own value counts as a cause (an overlay that empties `functions`).
    private func causedByOverlay(_ finding: SpecFinding, _ environment: EnvironmentDocument) -> Diagnostic? {
        let d = finding.diagnostic
        var candidates = finding.cause?.pointers ?? []
        if d.keywordLocation != nil, let pointer = d.pointer { candidates.append(pointer) }
        guard let cause = candidates.first(where: { $0.resolve(in: environment.overlay) != nil }) else { return nil }
        let written = Self.overlayPointer(environment.name, cause)
        let value = cause.resolve(in: environment.overlay)
        let onKey = value?.isNull ?? true || value?.objectValue != nil
        var moved = d
        moved.location = onKey ? document.sourceMap.keyLocation(of: written) : document.sourceMap.location(of: written)
        moved.pointer = written
        if let reason = finding.cause, reason.pointers.contains(cause) {
            moved.message = "[\(environment.name)] " + (reason.message ?? d.message)
            moved.hint = reason.hint ?? d.hint
        } else {
            // The schema error of a value the overlay changed: the hint is about the value as written.
            moved.message = "[\(environment.name)] \(d.message) once this overlay is merged"
            moved.hint = nil
        }
        let note = finding.cause?.note ?? "in the base spec: \((d.pointer ?? .root).dotted)"
        moved.notes = [Diagnostic.Note(note, at: d.location)] + d.notes
        return moved
    }

    static func overlayPointer(_ environment: String, _ pointer: JSONPointer) -> JSONPointer {
        JSONPointer(tokens: ["environments", environment] + pointer.tokens)
    }

    private static func contains(_ span: SourceSpan, _ location: SourceLocation) -> Bool {
        location.span.start >= span.start && location.span.start < span.end
    }

    static func identity(_ d: Diagnostic) -> String {
        let l = d.location
        return "\(d.severity)|\(d.code)|\(d.message)|\(l?.file ?? "")|\(l?.line ?? 0)|\(l?.column ?? 0)"
    }

    /// Each problem once.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { seen.insert(identity($0)).inserted }
    }
}
