import DistlangCore

/// Where each value of a normalised model came from, for `distlang explain`.
public struct Provenance: Sendable {
    /// The layer a value was set in.
    public enum Layer: Sendable, Equatable, CustomStringConvertible {
        case base
        case overlay(String)
        /// From `defaults` (in the base or in the overlay).
        case defaults(inOverlay: String?)
        /// Not written anywhere: distlang's own default.
        case builtIn

        public var description: String {
            switch self {
            case .base: return "base"
            case .overlay(let env): return "overlay \(env)"
            case .defaults(nil): return "defaults"
            case .defaults(let env?): return "defaults, overlay \(env)"
            case .builtIn: return "built-in default"
            }
        }
    }

    public struct Origin: Sendable, Equatable {
        public var layer: Layer
        public var location: SourceLocation?
    }

    /// Origins by dotted path, e.g. `functions.api.memory`.
    public private(set) var origins: [String: Origin] = [:]

    public init() {}

    mutating func record(_ path: String, _ origin: Origin) { origins[path] = origin }

    public func origin(of path: String) -> Origin? { origins[path] }
}
