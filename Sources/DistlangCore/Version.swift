/// Facts about the tool itself.
public enum DistlangTool {
    /// The tool version; part of every build manifest, so outputs are a function of spec and version.
    public static let version = "0.1.0"
    public static let name = "distlang"
    public static let informationURI = "https://github.com/distlang/distlang"
}
