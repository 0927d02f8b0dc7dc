import DistlangCore
import DistlangPackage
import Foundation
import Testing
import TestSupport

/// The deterministic zip, checked by other readers: Python's zipfile, Info-ZIP's unzip.
struct ZipArchiveTests {
    /// Entries of every kind: text that deflates, random bytes that do not (stored), an empty file,
    /// a UTF-8 name, a deep path.
    private func sampleEntries() -> [(path: String, bytes: [UInt8])] {
        var random = SeededRandom(seed: 1980)
        return [
            ("index.mjs", Array("export const handler = async () => 'ok';\n".utf8)),
            ("src/api.js", Array(String(repeating: "export const a = 1; // compressible\n", count: 2000).utf8)),
            ("src/random.bin", (0..<5000).map { _ in UInt8.random(in: 0...255, using: &random) }),
            ("empty.txt", []),
            ("données/été ☀️.txt", Array("unicode name\n".utf8)),
            ("node_modules/@scope/pkg/lib/deep/x.js", Array("export default 42;\n".utf8)),
        ]
    }

    /// What Python's zipfile reads from an archive: per entry its name, header fields and SHA-256.
    private static let pythonReader = #"""
        import hashlib, json, sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            assert z.testzip() is None, "a CRC does not match"
            out = {"comment": z.comment.decode(), "entries": []}
            for info in z.infolist():
                out["entries"].append({
                    "name": info.filename, "sha256": hashlib.sha256(z.read(info)).hexdigest(),
                    "date": list(info.date_time), "mode": oct(info.external_attr >> 16), "system": info.create_system,
                    "utf8": bool(info.flag_bits & 0x800), "method": info.compress_type, "extra": info.extra.hex(),
                    "entryComment": info.comment.decode(), "isDir": info.is_dir(),
                })
        print(json.dumps(out))
        """#

    private func write(_ bytes: [UInt8]) -> String {
        let path = RepositoryPaths.temporaryDirectory("distlang-zip").appendingPathComponent("code.zip").path
        try! Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func isTheSameBytesWhateverTheOrderAndFolder() throws {
        let entries = sampleEntries()
        let first = try ZipArchive.make(entries)
        var random = SeededRandom(seed: 7)
        #expect(try ZipArchive.make(entries.reversed()) == first)
        #expect(try ZipArchive.make(entries.shuffled(using: &random)) == first)

        // Two folders written in opposite orders (other inodes, times, listing orders) give one archive.
        let a = FixtureFolder(), b = FixtureFolder()
        for e in entries { a.write(e.path, bytes: e.bytes) }
        for e in entries.reversed() { b.write(e.path, bytes: e.bytes) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: b.path + "/index.mjs")
        func archive(_ f: FixtureFolder) throws -> [UInt8] {
            try ZipArchive.make(FolderListing.regularFiles(under: f.path).files.map { ($0, f.bytes($0)) })
        }
        #expect(try archive(a) == first)
        #expect(try archive(b) == first)
    }

    @Test(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("python3"))))
    func pythonsZipfileReadsEveryEntry() throws {
        let entries = sampleEntries()
        let path = write(try ZipArchive.make(entries))
        let result = try ExternalTool.python(Self.pythonReader, [path], timeout: 60)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["comment"] as? String == "")
        let read = try #require(report["entries"] as? [[String: Any]])
        let expectedOrder = entries.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(read.map { $0["name"] as? String } == expectedOrder)
        for entry in read {
            let name = try #require(entry["name"] as? String)
            let source = try #require(entries.first { $0.path == name })
            #expect(entry["sha256"] as? String == SHA256.hex(source.bytes), "\(name)")
            #expect(entry["date"] as? [Int] == [1980, 1, 1, 0, 0, 0])
            #expect(entry["mode"] as? String == "0o100644")
            #expect(entry["system"] as? Int == 3)
            #expect(entry["utf8"] as? Bool == true)
            #expect(entry["extra"] as? String == "")
            #expect(entry["entryComment"] as? String == "")
            #expect(entry["isDir"] as? Bool == false)
        }
        let methods = Dictionary(uniqueKeysWithValues: read.map { ($0["name"] as! String, $0["method"] as! Int) })
        #expect(methods["src/api.js"] == 8)  // deflated
        #expect(methods["src/random.bin"] == 0)  // deflate would make it larger: stored
        #expect(methods["empty.txt"] == 0)
    }

    @Test(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("unzip"))))
    func unzipTestsTheArchive() throws {
        let path = write(try ZipArchive.make(sampleEntries()))
        let result = CommandRunner.run("unzip", ["-t", path], timeout: 60)
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("No errors detected"))
        #expect(result.stdout.contains("testing: src/api.js"))
    }

    @Test(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("python3"))))
    func anEmptyArchiveIsValid() throws {
        let bytes = try ZipArchive.make([])
        #expect(bytes.count == 22)  // just the end record
        let result = try ExternalTool.python(Self.pythonReader, [write(bytes)])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"entries\": []"))
    }

    @Test func refusesPathsThatCannotBeExtractedSafely() {
        for bad in ["", "/etc/passwd", "../x.js", "a/../../x", "a//b", "./a", "a/", "a\\b", "a\0b"] {
            #expect(throws: ZipArchive.Failure.self, "\(bad)") { try ZipArchive.make([(bad, [1])]) }
        }
        #expect(throws: ZipArchive.Failure.self) { try ZipArchive.make([("a.js", [1]), ("a.js", [2])]) }
    }
}
