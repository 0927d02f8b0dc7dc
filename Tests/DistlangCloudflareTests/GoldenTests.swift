import DistlangCloudflare
import DistlangCore
import DistlangModel
import Foundation
import TestSupport
import Testing

/// Every file the emitter writes for each case, plus a summary of its resources, notes and
/// diagnostics, compared with the golden copies under Goldens/<case>/ (re-record with
/// DISTLANG_RECORD=1 and review the git diff).
@Suite struct GoldenTests {
    static let root = "Tests/DistlangCloudflareTests/Goldens"

    /// The examples that target Cloudflare are found (all five bundled ones do today).
    @Test func examplesAreCases() {
        #expect(CloudflareCases.examples.count >= 5, "\(CloudflareCases.examples.map(\.name))")
    }

    @Test(arguments: CloudflareCases.all.map(\.name))
    func matchesGoldenFiles(_ name: String) throws {
        let testCase = try #require(CloudflareCases.all.first { $0.name == name })
        #expect(testCase.compileErrors.isEmpty, "\(name): \(testCase.compileErrors)")
        #expect(!testCase.models.isEmpty, "\(name): no model builds for Cloudflare")
        try Self.check(testCase.output, goldenFolder: "\(Self.root)/\(name)")
    }

    /// Every file but the embedded runtime's (listed in the summary; DistlangRuntimeTests checks them).
    static func check(_ output: TargetOutput, goldenFolder: String) throws {
        let files = output.files.filter { !RuntimeGoldens.isEmbeddedRuntime($0.path) }
        for file in files {
            Golden.assert(file.contents, path: "\(goldenFolder)/\(file.path)")
        }
        Golden.assert(summary(output), path: "\(goldenFolder)/summary.json")
        // No golden file without an emitted file: a file the emitter stopped writing is noticed.
        let folder = RepositoryPaths.path(goldenFolder)
        let expected = Set(files.map(\.path) + ["summary.json"])
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var stale: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue && !expected.contains(path) { stale.append(path) }
        }
        if Golden.isRecording {
            for path in stale { try? FileManager.default.removeItem(atPath: folder + "/" + path) }
        } else {
            #expect(stale.isEmpty, "golden files no longer emitted: \(stale.sorted())")
        }
    }

    /// The resources, notes and diagnostics as stable JSON.
    static func summary(_ output: TargetOutput) -> String {
        var root = JSONObject()
        root["diagnostics"] = .array(output.diagnostics.map { .string("\($0.severity.rawValue) \($0.code): \($0.messageWithPath)") })
        root["notes"] = .array(output.notes.map(Value.string))
        root["files"] = .array(output.files.map { .string($0.path) })
        root["resources"] = .array(output.resources.map(resourceValue))
        return JSONWriter().string(.object(root)) + "\n"
    }

    static func resourceValue(_ r: EmittedResource) -> Value {
        var o = JSONObject()
        o["format"] = .string(r.format)
        o["environment"] = .string(r.environment)
        o["type"] = .string(r.type)
        o["logical_name"] = .string(r.logicalName)
        if let p = r.physicalName { o["physical_name"] = .string(p) }
        o["file"] = .string(r.file)
        if let s = r.source { o["source"] = .string(s.description) }
        o["stateful"] = .bool(r.isStateful)
        o["replacing"] = .array(r.replacingAttributes.map(Value.string))
        o["attributes"] = .object(r.attributes)
        return .object(o)
    }
}
