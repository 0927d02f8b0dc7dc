/// One problem found in an input, with everything a person needs to fix it.
///
/// Every stage reports problems as `Diagnostic`s; renderers turn them into compiler-style text,
/// JSON, GitHub annotations or SARIF.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// A secondary message, optionally at its own place (e.g. "first defined here").
    public struct Note: Sendable, Equatable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// A stable identifier for the kind of problem, e.g. `yaml.duplicate-key` or `schema.minimum`.
    public var code: String
    /// What is wrong, in words a person understands (without the file position or the path).
    public var message: String
    public var location: SourceLocation?
    /// The JSON pointer of the value concerned (instance location for schema errors).
    public var pointer: JSONPointer?
    /// The schema keyword that failed (schema errors only), e.g. `/properties/memory/minimum`.
    public var keywordLocation: String?
    /// A suggestion for the fix, e.g. a did-you-mean.
    public var hint: String?
    public var notes: [Note]

    public init(
        _ severity: Severity, code: String, _ message: String, at location: SourceLocation? = nil,
        pointer: JSONPointer? = nil, keywordLocation: String? = nil, hint: String? = nil, notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.pointer = pointer
        self.keywordLocation = keywordLocation
        self.hint = hint
        self.notes = notes
    }

    public static func error(
        _ code: String, _ message: String, at location: SourceLocation? = nil, pointer: JSONPointer? = nil,
        hint: String? = nil, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: location, pointer: pointer, hint: hint, notes: notes)
    }

    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation? = nil, pointer: JSONPointer? = nil,
        hint: String? = nil, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: location, pointer: pointer, hint: hint, notes: notes)
    }

    /// The message with the value's dotted path in front, as the text renderers print it:
    /// `functions.api.memory: 100 is less than the minimum of 128`.
    public var messageWithPath: String {
        guard let pointer, !pointer.isRoot else { return message }
        return "\(pointer.dotted): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// Sorted by file, then position, then severity: the order every renderer prints.
    public func sortedForOutput() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if la?.file != lb?.file { return (la?.file ?? "") < (lb?.file ?? "") }
            let pa = la?.span.start ?? SourcePosition(line: 0, column: 0)
            let pb = lb?.span.start ?? SourcePosition(line: 0, column: 0)
            if pa != pb { return pa < pb }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Thrown by a stage that cannot go on; carries every problem found so far.
public struct DiagnosticsError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}

extension Diagnostic: Error {}

/// Diagnostics a report leaves out because of its limit (`--max-errors`).
public struct OmittedDiagnostics: Sendable, Equatable {
    public var errors: Int
    /// Warnings and notes.
    public var warnings: Int

    public init(errors: Int = 0, warnings: Int = 0) {
        self.errors = errors
        self.warnings = warnings
    }

    public var isEmpty: Bool { errors == 0 && warnings == 0 }

    /// `2,900 more errors and 15 more warnings`, for the line that ends a capped report.
    public var phrase: String {
        func count(_ n: Int, _ word: String) -> String {
            let digits = String(n).reversed().enumerated().map { $0.offset > 0 && $0.offset % 3 == 0 ? ",\($0.element)" : "\($0.element)" }
            return "\(String(digits.joined().reversed())) more \(word)\(n == 1 ? "" : "s")"
        }
        var parts: [String] = []
        if errors > 0 { parts.append(count(errors, "error")) }
        if warnings > 0 { parts.append(count(warnings, "warning")) }
        return parts.joined(separator: " and ")
    }
}

extension Array where Element == Diagnostic {
    /// The first `limit` errors and the first `limit` warnings (and notes), in their order, and
    /// how many of each are left out. A hostile spec can have millions of errors; a report of
    /// them all helps nobody and costs time and memory.
    public func limited(to limit: Int) -> (shown: [Diagnostic], omitted: OmittedDiagnostics) {
        var errors = 0, others = 0
        var omitted = OmittedDiagnostics()
        var shown: [Diagnostic] = []
        shown.reserveCapacity(Swift.min(count, 2 * limit))
        for d in self {
            if d.severity == .error {
                errors += 1
                if errors <= limit { shown.append(d) } else { omitted.errors += 1 }
            } else {
                others += 1
                if others <= limit { shown.append(d) } else { omitted.warnings += 1 }
            }
        }
        return (shown, omitted)
    }
}
