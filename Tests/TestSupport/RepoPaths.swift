import Foundation

/// Paths inside this repository, found from this source file's location (never from the working
/// directory, and never outside the repository).
public enum RepoPaths {
    /// The repository root (the directory holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `.tools/bin/<name>`: checkers built by the scripts under tools/.
    public static func toolBinary(_ name: String) -> URL {
        root.appendingPathComponent(".tools/bin/\(name)")
    }

    /// A fresh, empty temporary directory for one test.
    public static func makeTemporaryDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("distlang-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
