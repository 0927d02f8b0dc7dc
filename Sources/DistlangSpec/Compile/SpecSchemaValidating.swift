import Foundation
import DistlangCore

/// Validates a spec document against the spec's JSON Schema (`schemas/distlang.schema.json`).
public protocol SpecSchemaValidating: Sendable {
    /// Every schema error of `document`, located through its source map.
    func validate(_ document: Document) -> [Diagnostic]

    /// Starts any one-time preparation on another thread; the result says when it is done.
    func prepareConcurrently() -> DispatchGroup?
}

extension SpecSchemaValidating {
    public func prepareConcurrently() -> DispatchGroup? { nil }
}

/// The schema's text, as embedded in the binary (`distlang schema` prints it).
public enum SpecSchema {
    public static var text: String { EmbeddedSpecSchema.text + "\n" }
    /// The schema's `$id`.
    public static let id = "https://distlang.dev/schemas/distlang.schema.json"
}
