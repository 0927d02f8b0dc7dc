import DistlangCore

/// Collects diagnostics for one document, locating them through its source map.
struct DiagnosticSink {
    let sourceMap: SourceMap
    private(set) var findings: [SpecFinding] = []

    init(sourceMap: SourceMap) { self.sourceMap = sourceMap }

    var diagnostics: [Diagnostic] { findings.map(\.diagnostic) }

    /// Reports at the value (or, with `atKey`, at the member's key). `cause` says which other values
    /// lead to the problem, for an environment whose overlay changed one of them.
    mutating func report(
        _ severity: Diagnostic.Severity, _ code: String, _ message: String, at pointer: JSONPointer, atKey: Bool = false,
        hint: String? = nil, notes: [Diagnostic.Note] = [], cause: OverlayCause? = nil
    ) {
        let location = atKey ? sourceMap.keyLocation(of: pointer) : sourceMap.location(of: pointer)
        findings.append(SpecFinding(
            diagnostic: Diagnostic(severity, code: code, message, at: location, pointer: pointer, hint: hint, notes: notes),
            cause: cause))
    }

    mutating func error(
        _ code: String, _ message: String, at pointer: JSONPointer, atKey: Bool = false, hint: String? = nil,
        notes: [Diagnostic.Note] = [], cause: OverlayCause? = nil
    ) {
        report(.error, code, message, at: pointer, atKey: atKey, hint: hint, notes: notes, cause: cause)
    }

    mutating func warning(
        _ code: String, _ message: String, at pointer: JSONPointer, atKey: Bool = false, hint: String? = nil,
        notes: [Diagnostic.Note] = [], cause: OverlayCause? = nil
    ) {
        report(.warning, code, message, at: pointer, atKey: atKey, hint: hint, notes: notes, cause: cause)
    }

    func location(of pointer: JSONPointer, atKey: Bool = false) -> SourceLocation {
        atKey ? sourceMap.keyLocation(of: pointer) : sourceMap.location(of: pointer)
    }
}

/// A diagnostic found in one environment, with what may have caused it there.
struct SpecFinding: Sendable {
    var diagnostic: Diagnostic
    var cause: OverlayCause?
}

/// The values whose change leads to a problem reported elsewhere: when an environment's overlay
/// writes or removes one of them, the problem is that overlay line's (`OverlayAttribution`).
struct OverlayCause: Sendable {
    var pointers: [JSONPointer]
    /// The message at the overlay's line (nil: the same message).
    var message: String?
    /// The note left at the diagnostic's own place (nil: a generic one).
    var note: String?
    /// The hint at the overlay's line (nil: none; the original hint is about the original place).
    var hint: String?

    init(_ pointers: [JSONPointer], message: String? = nil, note: String? = nil, hint: String? = nil) {
        self.pointers = pointers
        self.message = message
        self.note = note
        self.hint = hint
    }
}
