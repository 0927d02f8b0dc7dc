@testable import DistlangAWS
import DistlangModel
import Foundation
import Testing
import TestSupport

/// 1,000 functions (bench/gen_spec.py 1000 24 0): the packing and the parent's structure as golden
/// summaries, the smallest child in full; adding one function changes at most two children; cfn-lint on every file.
@Suite struct NestedScaleTests {
    static let folder = "\(NestedStacksTests.goldens)/nested-1000"

    @Test func packingOfAThousandFunctions() throws {
        let output = try ScaleApps.thousand().output
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics.map(\.message).prefix(5))")
        let summary = try PackingSummary.text(output, environment: "default")
        let children = output.files.filter { $0.path.hasPrefix("aws/cloudformation/default.functions") && $0.path.hasSuffix(".yaml") }
        #expect(children.count >= 40)
        // The packing as a summary, the parent as its structure, and the smallest child in full.
        let layout = try NestedLayout(output, environment: "default")
        let smallest = try #require(children.min { ($0.contents.utf8.count, $0.path) < ($1.contents.utf8.count, $1.path) })
        let goldens: [(String, String)] = [
            ("packing.txt", summary), ("parent-structure.txt", TemplateStructure.text(layout.parent)),
            (smallest.path, smallest.contents),
        ]
        for (path, text) in goldens {
            Golden.assert(text, path: "\(Self.folder)/\(path)")
        }
        // Every function is in exactly one child, and only functions are.
        let placed = Self.placement(output)
        #expect(placed.count == 1000)
        #expect(Set(placed.values).count == children.count)
    }

    /// Function name -> the child file holding it (from the manifest).
    static func placement(_ output: TargetOutput) -> [String: String] {
        var out: [String: String] = [:]
        for r in output.resources where r.type == "AWS::Lambda::Function" { out[r.source!.name] = r.file }
        return out
    }

    /// Child files (YAML) that were added, removed or changed between two builds.
    static func changedChildren(_ a: TargetOutput, _ b: TargetOutput) -> Set<String> {
        func children(_ o: TargetOutput) -> [String: String] {
            Dictionary(uniqueKeysWithValues: o.files.filter { $0.path.contains(".functions") && $0.path.hasSuffix(".yaml") }.map { ($0.path, $0.contents) })
        }
        let x = children(a), y = children(b)
        return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }
    }

    /// A new name that is (or is not) an anchor, sorting after `prefix`.
    static func name(_ prefix: String, anchor: Bool) -> String {
        (0...).lazy.map { "\(prefix)\($0)" }.first { CFNStackPacking.isAnchor($0) == anchor }!
    }

    /// Adding one function: a name that does not start a child changes exactly the child it joins
    /// and moves nothing; an anchor takes the rest of its run into a new child (two files) and
    /// moves only those functions; the generator's own next function (fn-1000) changes at most two.
    @Test(arguments: ["aa-", "fn-4999-", "zz-"]) func addingOneFunctionChangesAtMostTwoChildren(_ prefix: String) throws {
        let base = try ScaleApps.thousand()
        let before = Self.placement(base.output)
        for anchor in [false, true] {
            let name = Self.name(prefix, anchor: anchor)
            let after = AWSOutputs.emit([LargeModels.adding(name, to: base.models[0])], formats: [.yaml])
            #expect(AWSOutputs.errors(after).isEmpty)
            let changed = Self.changedChildren(base.output, after)
            let placedAfter = Self.placement(after)
            let moved = before.keys.filter { before[$0] != placedAfter[$0] }
            let home = try #require(placedAfter[name])
            if anchor {
                // The new child, and the one it was cut from (none when it sorts before an anchor).
                #expect(changed.contains(home) && changed.count <= 2, "\(name): \(changed.count) changed: \(changed.sorted().prefix(4))")
                #expect(home.hasSuffix(".functions-\(name).yaml"))
                #expect(moved.allSatisfy { placedAfter[$0] == home }, "\(name): \(moved.count) moved")
            } else {
                #expect(changed == [home], "\(name): \(changed.count) changed: \(changed.sorted().prefix(4))")
                #expect(moved.isEmpty, "\(name): \(moved.count) moved: \(moved.sorted().prefix(4))")
            }
        }
    }

    @Test func theGeneratorsNextFunctionChangesAtMostTwoChildren() throws {
        let base = try ScaleApps.thousand()
        let models = try ScaleApps.compile(try GeneratedSpecs.write(functions: 1001, resources: 24))
        #expect(models[0].functions.count == 1001)
        let after = AWSOutputs.emit(models, formats: [.yaml])
        let changed = Self.changedChildren(base.output, after)
        #expect(changed.count >= 1 && changed.count <= 2, "\(changed.count) changed: \(changed.sorted().prefix(4))")
    }

    /// cfn-lint over the parent and every child (YAML; the JSON files are the same documents),
    /// in one run: no error, no warning.
    @Test func aThousandFunctionsLintClean() throws {
        guard let cfnLint = try Checkers.tool("cfn-lint") else { return }
        let output = try ScaleApps.thousand().output
        let yaml = TargetOutput(files: output.files.filter { $0.path.hasPrefix("aws/cloudformation/") && $0.path.hasSuffix(".yaml") })
        let dir = try AWSOutputs.write(yaml, prefix: "nested-1000")
        let files = yaml.files.map { dir.appendingPathComponent($0.path).path }
        #expect(files.count > 40)
        let result = CommandRunner.run(cfnLint, ["--format", "parseable", "--"] + files, timeout: 400)
        #expect(!result.timedOut)
        #expect(result.exitCode == 0, "cfn-lint exit \(result.exitCode):\n\(result.stdout.prefix(3000))\n\(result.stderr.prefix(2000))")
        #expect(result.stdout.isEmpty, "\(result.stdout.prefix(3000))")
    }
}
