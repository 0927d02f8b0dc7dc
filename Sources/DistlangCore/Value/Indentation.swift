/// Runs of spaces for indenting rendered text, made once: renderers indent every line, and a
/// 10,000-function build writes millions of lines.
public enum Indentation {
    private static let cached: [String] = (0..<128).map { String(repeating: " ", count: $0) }

    /// `count` spaces.
    @inline(__always)
    public static func spaces(_ count: Int) -> String {
        count < cached.count ? cached[max(0, count)] : String(repeating: " ", count: count)
    }
}
