/// Golden tests keep the generated entries and tables, not copies of the embedded runtime: those
/// files are runtime/src byte for byte (DistlangRuntimeTests checks it), so a golden of them would
/// only repeat the runtime's own diff.
public enum RuntimeGoldens {
    /// Whether `path` (relative to the output folder) is a file of the embedded runtime.
    public static func isEmbeddedRuntime(_ path: String) -> Bool { path.contains("/_distlang/runtime/") }
}
