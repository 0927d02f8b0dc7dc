import DistlangModel
import Foundation

/// The files a spec references, read from the folder the spec is in.
public struct DirectorySpecFiles: SpecFiles {
    public let directory: String

    public init(_ directory: String) { self.directory = directory }

    public func contents(of path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: joinPath(directory, path)).map { [UInt8]($0) }
    }

    public func files(under folder: String) -> [String] {
        let root = joinPath(directory, folder)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: joinPath(root, relative), isDirectory: &isDirectory), !isDirectory.boolValue {
                out.append(joinPath(folder, relative))
            }
        }
        return out.sorted()
    }
}
