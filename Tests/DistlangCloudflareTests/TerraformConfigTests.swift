import DistlangCore
import DistlangModel
import Foundation
import TestSupport
import Testing

/// Every generated .tf file parses and is canonical under tools/hclcheck; every resource type and
/// attribute name is in the Cloudflare provider v5 schema (vendored appendix), required
/// attributes are set, every reference resolves inside its root, and the manifest lists exactly
/// the resource blocks.
@Suite(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.hclcheck)), .timeLimit(.minutes(2)))
struct TerraformConfigTests {
    @Test func everyFileParsesAndIsCanonical() throws {
        let (entries, status, reports) = try CheckedOutputs.hcl()
        var count = 0
        for entry in entries {
            for (path, absolute) in entry.files(".tf") {
                count += 1
                let report = try #require(reports[absolute], "no report for \(entry.name)/\(path)")
                #expect(report.diagnostics.isEmpty, "\(entry.name)/\(path): \(report.diagnostics)")
                #expect(report.canonical, "\(entry.name)/\(path) is not canonical")
            }
        }
        #expect(status == 0)
        #expect(count >= 20)
    }

    @Test func resourceTypesAndAttributesAreInTheProviderSchema() throws {
        let schema = try ProviderSchema.load()
        #expect(schema.resources.count == 10, "the vendored schema should list 10 resources")
        let (entries, _, reports) = try CheckedOutputs.hcl()
        for entry in entries {
            for (path, absolute) in entry.files("main.tf") {
                let report = try #require(reports[absolute])
                for block in report.blocks where block.type == "resource" {
                    let type = block.labels[0]
                    let at = "\(entry.name)/\(path): \(type).\(block.labels[1])"
                    guard let resource = schema.resources[type] else {
                        Issue.record("\(at): resource type not in the provider schema")
                        continue
                    }
                    let names = Set(block.attributes.map(\.name))
                    #expect(names.isSubset(of: resource.top.settable), "\(at): unknown or read-only \(names.subtracting(resource.top.settable))")
                    #expect(resource.top.required.isSubset(of: names), "\(at): missing required \(resource.top.required.subtracting(names))")
                    // v5 writes nested configuration as attributes; the one block is Terraform's own
                    // `lifecycle` meta-argument, `prevent_destroy = true` on the resources that hold data.
                    let others = block.blocks.filter { $0.type != "lifecycle" }
                    #expect(others.isEmpty, "\(at): v5 writes nested configuration as attributes, not blocks")
                    let lifecycle = block.blocks.filter { $0.type == "lifecycle" }
                    let stateful = Self.statefulTypes.contains(type)
                    #expect(lifecycle.count == (stateful ? 1 : 0), "\(at): lifecycle { prevent_destroy = true } on stateful resources only")
                    for l in lifecycle {
                        #expect(l.attributes.map(\.name) == ["prevent_destroy"] && l.attribute("prevent_destroy")?.expr == "true", "\(at): \(l)")
                    }
                }
            }
            // Nested attributes (bindings, settings, schedules), read from the manifest attributes,
            // which the golden tests tie to the same tree as the file.
            for resource in entry.output.resources where resource.format == "terraform" {
                let nested = schema.resources[resource.type]?.nested ?? [:]
                for (key, value) in resource.attributes.entries where key != "lifecycle" {
                    let objects: [JSONObject]
                    switch value {
                    case .object(let o): objects = [o]
                    case .array(let items): objects = items.compactMap(\.objectValue)
                    default: objects = []
                    }
                    guard !objects.isEmpty else { continue }
                    let at = "\(entry.name): \(resource.type).\(resource.logicalName).\(key)"
                    guard let allowed = nested[key] else {
                        Issue.record("\(at): no nested schema")
                        continue
                    }
                    for object in objects {
                        let names = Set(object.keys)
                        #expect(names.isSubset(of: allowed.settable), "\(at): unknown \(names.subtracting(allowed.settable))")
                        #expect(allowed.required.isSubset(of: names), "\(at): missing \(allowed.required.subtracting(names))")
                    }
                }
            }
        }
    }

    /// The resources that hold data: KV namespaces, R2 buckets, D1 databases, queues.
    static let statefulTypes: Set<String> = ["cloudflare_workers_kv_namespace", "cloudflare_r2_bucket", "cloudflare_d1_database", "cloudflare_queue"]

    /// The attribute each binding type needs (terraform-cloudflare.md §1.1).
    @Test func bindingsCarryTheAttributeTheirTypeNeeds() throws {
        let needs = [
            "kv_namespace": "namespace_id", "r2_bucket": "bucket_name", "d1": "id", "queue": "queue_name",
            "plain_text": "text", "secret_text": "text",
        ]
        var seen = Set<String>()
        for entry in CheckedOutputs.entries {
            for resource in entry.output.resources where resource.type == "cloudflare_workers_script" {
                for binding in resource.attributes["bindings"]?.arrayValue ?? [] {
                    let type = try #require(binding["type"]?.stringValue)
                    let key = try #require(needs[type], "unexpected binding type \(type)")
                    seen.insert(type)
                    #expect(binding.objectValue?.keys == ["name", "type", key], "\(entry.name): \(binding)")
                }
            }
        }
        #expect(seen == Set(needs.keys))
    }

    /// Every `var.`, `local.` and resource reference names something the same root declares, and
    /// a resource attribute the provider schema has.
    @Test func everyReferenceResolvesInItsRoot() throws {
        let schema = try ProviderSchema.load()
        let (entries, _, reports) = try CheckedOutputs.hcl()
        for entry in entries {
            let roots = Dictionary(grouping: entry.files(".tf")) { ($0.path as NSString).deletingLastPathComponent }
            for (root, files) in roots {
                let blocks = files.flatMap { reports[$0.absolute]?.blocks ?? [] }
                let variables = Set(blocks.filter { $0.type == "variable" }.map { $0.labels[0] })
                let locals = Set(blocks.filter { $0.type == "locals" }.flatMap { $0.attributes.map(\.name) })
                let resources = Set(blocks.filter { $0.type == "resource" }.map { $0.labels.joined(separator: ".") })
                var used = Set<String>()
                for block in blocks {
                    for attribute in block.attributes {
                        if block.type == "variable" && attribute.name == "type" {
                            #expect(attribute.expr == "string")  // a type constraint, not a reference
                            continue
                        }
                        for reference in attribute.references {
                            let parts = reference.split(separator: ".").map(String.init)
                            let at = "\(entry.name)/\(root): \(reference) in \(block.labels.joined(separator: "."))"
                            switch parts.first {
                            case "var":
                                #expect(parts.count == 2 && variables.contains(parts[1]), "\(at)")
                                used.insert(parts[1])
                            case "local": #expect(parts.count == 2 && locals.contains(parts[1]), "\(at)")
                            case "path": #expect(parts == ["path", "module"], "\(at)")
                            default:
                                #expect(parts.count == 3 && resources.contains("\(parts[0]).\(parts[1])"), "\(at)")
                                if parts.count == 3 {
                                    #expect(schema.resources[parts[0]]?.top.all.contains(parts[2]) == true, "\(at): no such attribute")
                                }
                            }
                        }
                    }
                }
                #expect(used == variables, "\(entry.name)/\(root): unused variables \(variables.subtracting(used))")
            }
        }
    }

    /// The manifest lists one resource per resource block, with the same type and name.
    @Test func manifestListsExactlyTheResourceBlocks() throws {
        let (entries, _, reports) = try CheckedOutputs.hcl()
        for entry in entries {
            for (path, absolute) in entry.files("main.tf") {
                let blocks = try #require(reports[absolute]).blocks.filter { $0.type == "resource" }.map { $0.labels.joined(separator: ".") }
                let listed = entry.output.resources.filter { $0.format == "terraform" && $0.file == path }
                    .map { "\($0.type).\($0.logicalName)" }
                #expect(blocks == listed, "\(entry.name)/\(path)")
            }
        }
    }

    @Test func versionsRequireTheCloudflareProviderV5() throws {
        let (entries, _, reports) = try CheckedOutputs.hcl()
        for entry in entries {
            for (path, absolute) in entry.files("versions.tf") {
                let terraform = try #require(reports[absolute]?.blocks.first { $0.type == "terraform" }, "\(path)")
                let providers = try #require(terraform.blocks.first { $0.type == "required_providers" })
                let cloudflare = try #require(providers.attribute("cloudflare")?.value)
                #expect(cloudflare["source"] == .string("cloudflare/cloudflare"))
                #expect(cloudflare["version"]?.string?.hasPrefix("~> 5") == true)
                #expect(providers.attributes.count == 1, "only the cloudflare provider")
            }
        }
    }
}
