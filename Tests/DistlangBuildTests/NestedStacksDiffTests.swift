import DistlangBuild
import DistlangCore
import DistlangModel
import DistlangSpec
import Foundation
import Testing
import TestSupport

/// `distlang diff` on a 1,000-function spec whose CloudFormation is split into nested stacks
/// (bench/gen_spec.py 1000 24 0, AWS only): adding one function reports that function's resources
/// as added and nothing else, also when the function moves others between nested stacks (a
/// resource's identity does not include its file).
@Suite struct NestedStacksDiffTests {
    static func models(_ functions: Int) throws -> (models: [AppModel], spec: String) {
        let spec = try GeneratedSpecs.write(functions: functions, resources: 24)
        let compiled = SpecCompiler().compile(file: spec)
        #expect(!compiled.diagnostics.contains { $0.severity == .error })
        return (compiled.models, try String(contentsOfFile: spec, encoding: .utf8))
    }

    static func manifest(_ models: [AppModel], specText: String) throws -> Manifest {
        try Builder(emitters: TargetEmitters.all)
            .plan(models: models, specFile: "distlang.yaml", specText: specText, request: BuildRequest())
            .manifest
    }

    static let base: Result<(models: [AppModel], manifest: Manifest), Error> = Result {
        let (compiled, text) = try Self.models(1000)
        return (compiled, try Self.manifest(compiled, specText: text))
    }

    /// The diff's resource changes for `after`, checked to be exactly the additions of `function`
    /// (and of the stack resources `after` has and `before` lacks), besides stack resources whose
    /// parameters changed (a stack cut in two passes fewer shared values to the first part).
    func expectOnlyAdditions(of function: String, before: Manifest, after: Manifest) {
        let diff = Differ(actions: TargetEmitters.iamActions).diff(previous: before, current: after)
        var changes = diff.environments.flatMap(\.resources)
        let stackParameters = changes.filter { c in
            c.kind == .changed && c.type == "AWS::CloudFormation::Stack" && c.attributes.allSatisfy { $0.path.hasPrefix("Parameters.") }
        }
        changes.removeAll { c in stackParameters.contains { $0.logicalName == c.logicalName } }
        #expect(changes.allSatisfy { $0.kind == .added }, "\(changes.filter { $0.kind != .added }.prefix(5).map { "\($0.kind) \($0.logicalName)" })")
        let oldNames = Set(before.resources.map { "\($0.format) \($0.logicalName)" })
        let expected = Set(after.resources.filter { r in
            r.source == ModelElement(.function, function)
                || (r.type == "AWS::CloudFormation::Stack" && !oldNames.contains("\(r.format) \(r.logicalName)"))
        }.map { "\($0.format) \($0.logicalName)" })
        #expect(Set(changes.map { "\($0.format) \($0.logicalName)" }) == expected)
        #expect(expected.contains { $0.hasPrefix("cloudformation ") } && expected.contains { $0.hasPrefix("terraform ") })
    }

    /// Function -> the file its Lambda function is in.
    static func files(_ manifest: Manifest) -> [String: String] {
        Dictionary(uniqueKeysWithValues: manifest.resources.filter { $0.type == "AWS::Lambda::Function" }.map { ($0.logicalName, $0.file) })
    }

    @Test func theGeneratorsNextFunction() throws {
        let base = try Self.base.get()
        #expect(base.manifest.resources.contains { $0.type == "AWS::CloudFormation::Stack" })
        let (models, text) = try Self.models(1001)
        let after = try Self.manifest(models, specText: text)
        expectOnlyAdditions(of: "fn-1000", before: base.manifest, after: after)
    }

    /// A function whose name starts a nested stack takes the rest of its run out of the stack
    /// before it: those functions move files, and still show as unchanged.
    @Test func aFunctionThatMovesOthers() throws {
        let base = try Self.base.get()
        let name = (0...).lazy.map { "fn-125-\($0)" }.first { SHA256.hex($0).hasPrefix("0") }!
        let models = [LargeModels.adding(name, to: base.models[0])]
        let after = try Self.manifest(models, specText: "changed")
        let before = Self.files(base.manifest), now = Self.files(after)
        let moved = before.keys.filter { now[$0] != before[$0] }
        #expect(!moved.isEmpty, "the test needs functions that move")
        #expect(moved.allSatisfy { now[$0]!.hasSuffix(".functions-\(name).yaml") })
        expectOnlyAdditions(of: name, before: base.manifest, after: after)
        #expect(after.resources.contains { $0.logicalName.hasSuffix("Stack") && $0.file.hasSuffix("default.yaml") && $0.type == "AWS::CloudFormation::Stack" })
    }
}
