@testable import DistlangAWS
import DistlangModel
import DistlangCore
import Foundation
import Testing
import TestSupport

/// More data stores than a parent can hold next to its function stacks: the stores get nested
/// stacks of their own (docs/targets/aws.md §7, "Data stores in nested stacks"), whose outputs the
/// parent passes to the function stacks.
@Suite struct NestedStoreStacksTests {
    static let storeTypes: Set<String> = ["AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::SQS::Queue", "AWS::SecretsManager::Secret"]

    func layout() throws -> (NestedLayout, TargetOutput) {
        let output = try ScaleApps.manyStores().output
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics.map(\.message))")
        return (try NestedLayout(output, environment: "default"), output)
    }

    /// The parent holds no store; every store is in exactly one store stack; function stacks hold none.
    @Test func storesLeaveTheParent() throws {
        let (layout, output) = try layout()
        let parentTypes = Set(layout.parent.resources.values.compactMap { $0["Type"] as? String })
        #expect(parentTypes.isDisjoint(with: Self.storeTypes))
        let storeFiles = layout.children.filter { $0.key.hasPrefix("default.stores") }
        #expect(storeFiles.count >= 2)
        var seen = Set<String>()
        for (file, template) in layout.children {
            for (id, resource) in template.resources where Self.storeTypes.contains(resource["Type"] as? String ?? "") {
                #expect(file.hasPrefix("default.stores"), "\(id) in \(file)")
                #expect(seen.insert(id).inserted, "\(id) twice")
            }
        }
        let planned = output.resources.filter { $0.format == "cloudformation" && Self.storeTypes.contains($0.type) }
        #expect(Set(planned.map(\.logicalName)) == seen)
        // The manifest names the store stack that holds each store.
        for r in planned {
            let file = r.file.replacingOccurrences(of: "aws/cloudformation/", with: "")
            #expect(layout.children[file]?.resources[r.logicalName] != nil, "\(r.logicalName) not in \(r.file)")
        }
        #expect(output.notes.contains { $0.contains("nested stacks of their own (default.stores*.yaml)") })
    }

    /// A function stack's parameter that carries a store's value is the output of the store stack
    /// holding it, with the same name, whose value is what one template would reference.
    @Test func functionStacksReadStoreStackOutputs() throws {
        let (layout, _) = try layout()
        let stacks = layout.stacks
        var checked = 0
        for (id, stack) in stacks where id.hasPrefix("Functions") {
            for (name, value) in stack.parameters where name != "CodeBucket" && name != "CodeKeyPrefix" && name != "HttpApiId" {
                let getAtt = try #require((value as? [String: Any])?["Fn::GetAtt"] as? [String], "\(id) \(name): \(value)")
                #expect(getAtt.count == 2 && getAtt[1] == "Outputs." + name, "\(id) \(name)")
                let holder = try #require(stacks[getAtt[0]], "\(getAtt[0])")
                let store = try #require(layout.children[holder.url])
                let output = try #require(store.outputs[name] as? [String: Any], "\(holder.url) has no output \(name)")
                let target = try #require(output["Value"] as? [String: Any])
                let referenced = (target["Ref"] as? String) ?? (target["Fn::GetAtt"] as? [String])?.first
                #expect(referenced.map { store.resources[$0] != nil } == true, "\(name): \(target)")
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    /// cfn-lint: zero errors and warnings on the parent, every store stack and every function stack.
    @Test func lintsClean() throws {
        guard let cfnLint = try Checkers.tool("cfn-lint") else { return }
        let (_, output) = try layout()
        let dir = RepositoryPaths.temporaryDirectory("distlang-store-stacks")
        var files: [String] = []
        for file in AWSOutputs.templates(output, "yaml") {
            let url = dir.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        #expect(files.count >= 4)
        let result = CommandRunner.run(cfnLint, ["--format", "parseable", "--"] + files, timeout: 600)
        #expect(!result.timedOut)
        #expect(result.exitCode == 0 && result.stdout.isEmpty, "cfn-lint exit \(result.exitCode):\n\(result.stdout)\n\(result.stderr)")
    }
}
