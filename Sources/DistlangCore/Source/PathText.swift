/// Path text helpers that avoid `NSString.deletingLastPathComponent`, which traps on Linux
/// (swift-corelibs-foundation in Swift 6.3.1) when the path is one component of one character:
/// `"a"`, `"."`, `"x/"`. That made `distlang validate a` and `distlang build --out x` crash.
public enum PathText {
    /// The path without its last component, as `NSString.deletingLastPathComponent` gives it
    /// (the same result for every path it does not trap on; checked against Foundation):
    /// `/tmp/a` -> `/tmp`, `/tmp/` -> `/`, `/a` -> `/`, `a/b/` -> `a`, `a//b` -> `a`, `ab` -> `""`,
    /// `/` -> `/`, and `a`, `.`, `x/` -> `""`.
    public static func deletingLastComponent(_ path: String) -> String {
        if path == "/" { return "/" }
        var s = Substring(path)
        while s.hasSuffix("/") { s.removeLast() }
        guard let slash = s.lastIndex(of: "/") else { return "" }
        var head = s[..<slash]
        while head.count > 1 && head.hasSuffix("/") { head.removeLast() }
        return head.isEmpty ? "/" : String(head)
    }
}
