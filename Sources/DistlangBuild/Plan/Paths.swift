import DistlangCore
import Foundation

/// Path helpers for the build.
public enum BuildPaths {
    /// `to` relative to `from` (both folders), with `/` separators: `relative(from: "/a/dist", to: "/a")` is `..`.
    public static func relative(from: String, to: String) -> String {
        let a = URL(fileURLWithPath: from).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let b = URL(fileURLWithPath: to).standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let ups = Array(repeating: "..", count: a.count - common)
        let parts = ups + b[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The default output folder: `dist` next to the spec.
    public static func defaultOutput(forSpec spec: String) -> String {
        let dir = PathText.deletingLastComponent(spec)
        return dir.isEmpty ? "dist" : (dir as NSString).appendingPathComponent("dist")
    }
}
