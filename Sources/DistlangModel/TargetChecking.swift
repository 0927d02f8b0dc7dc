import DistlangCore

/// What one target can and cannot build, checked on each environment's model before anything is
/// emitted.
///
/// Each target module owns its rules (AWS: databases, EventBridge day fields, runtimes, the variable
/// names it generates …); the spec compiler runs every target's checker on the environments that
/// build for it and turns the findings into diagnostics at file:line:col. So a rule lives in exactly
/// one place, and the spec stage never names a target.
public protocol TargetChecker: Sendable {
    var target: TargetKind { get }
    /// The problems in one environment's model. Deterministic; messages do not name the environment
    /// (a problem in the base is reported once, not once per environment).
    func check(_ model: AppModel) -> [TargetFinding]
}

/// A problem a target checker found, placed by JSON pointers into the spec.
public struct TargetFinding: Sendable, Equatable {
    public var severity: Diagnostic.Severity
    public var code: String
    public var message: String
    /// Where to report it: the first of these that the spec document has (e.g. the function's own
    /// `runtime`, else `defaults/runtime`); the last is used when none exists.
    public var pointers: [JSONPointer]
    /// Point at the member's key rather than its value.
    public var atKey: Bool
    public var hint: String?

    public init(
        _ severity: Diagnostic.Severity, _ code: String, _ message: String, at pointers: [JSONPointer],
        atKey: Bool = false, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.pointers = pointers
        self.atKey = atKey
        self.hint = hint
    }

    public static func error(
        _ code: String, _ message: String, at pointers: JSONPointer..., atKey: Bool = false, hint: String? = nil
    ) -> TargetFinding {
        TargetFinding(.error, code, message, at: pointers, atKey: atKey, hint: hint)
    }

    public static func warning(
        _ code: String, _ message: String, at pointers: JSONPointer..., atKey: Bool = false, hint: String? = nil
    ) -> TargetFinding {
        TargetFinding(.warning, code, message, at: pointers, atKey: atKey, hint: hint)
    }
}

extension JSONPointer {
    /// `/functions/<name>/<rest...>`.
    public static func function(_ name: String, _ rest: String...) -> JSONPointer {
        JSONPointer(tokens: ["functions", name] + rest)
    }

    /// `/resources/<name>/<rest...>`.
    public static func resource(_ name: String, _ rest: String...) -> JSONPointer {
        JSONPointer(tokens: ["resources", name] + rest)
    }
}
