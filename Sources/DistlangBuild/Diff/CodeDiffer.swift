/// A function whose code differs between two builds, file by file.
public struct CodeChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed }

    public struct File: Sendable, Equatable {
        public var path: String
        public var kind: Kind
    }

    public var function: String
    public var kind: Kind
    /// The files that differ, sorted by path (every file for an added or removed function).
    public var files: [File]

    /// `function api: code changed (3 files)`.
    public var headline: String {
        "function \(function): code \(kind.rawValue) (\(files.count) file\(files.count == 1 ? "" : "s"))"
    }
}

/// Compares the code each build recorded (`Manifest.code`). A previous build that recorded no code
/// (before code was packaged) gives no code changes rather than every function "changed".
enum CodeDiffer {
    static func changes(old: [FunctionCode]?, new: [FunctionCode]) -> [CodeChange] {
        guard let old, !old.isEmpty || new.isEmpty else { return [] }
        let before = Dictionary(old.map { ($0.function, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.map { ($0.function, $0) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted().compactMap { name -> CodeChange? in
            switch (before[name], after[name]) {
            case (nil, let code?): return CodeChange(function: name, kind: .added, files: code.files.map { .init(path: $0.path, kind: .added) })
            case (let code?, nil): return CodeChange(function: name, kind: .removed, files: code.files.map { .init(path: $0.path, kind: .removed) })
            case (let a?, let b?):
                let files = fileChanges(a, b)
                return files.isEmpty ? nil : CodeChange(function: name, kind: .changed, files: files)
            case (nil, nil): return nil
            }
        }
    }

    static func fileChanges(_ a: FunctionCode, _ b: FunctionCode) -> [CodeChange.File] {
        let before = Dictionary(a.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(b.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        return Set(before.keys).union(after.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.compactMap { path in
            switch (before[path], after[path]) {
            case (nil, _?): return .init(path: path, kind: .added)
            case (_?, nil): return .init(path: path, kind: .removed)
            case (let x?, let y?) where x != y: return .init(path: path, kind: .changed)
            default: return nil
            }
        }
    }

    /// `+`, `-`, `~`.
    static func symbol(_ kind: CodeChange.Kind) -> String {
        switch kind {
        case .added: return "+"
        case .removed: return "-"
        case .changed: return "~"
        }
    }
}
