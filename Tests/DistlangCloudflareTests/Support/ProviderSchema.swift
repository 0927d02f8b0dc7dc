import Foundation
import TestSupport

/// The attribute lists of the Cloudflare provider v5.21.0 resources, parsed from the vendored
/// "Schema" sections of the provider documentation (Vendor/cloudflare-tf-5.21.0-schemas.md).
struct ProviderSchema {
    struct Attributes {
        var required: Set<String> = []
        var optional: Set<String> = []
        var readOnly: Set<String> = []

        /// What a configuration may set.
        var settable: Set<String> { required.union(optional) }
        var all: Set<String> { settable.union(readOnly) }
    }

    struct Resource {
        var top = Attributes()
        /// Nested attribute schemas by dotted path (`bindings`, `settings`, `schedules`).
        var nested: [String: Attributes] = [:]
    }

    var resources: [String: Resource] = [:]

    static let path = "Tests/DistlangCloudflareTests/Vendor/cloudflare-tf-5.21.0-schemas.md"

    static func load() throws -> ProviderSchema {
        try parse(String(contentsOfFile: RepositoryPaths.path(path), encoding: .utf8))
    }

    static func parse(_ text: String) -> ProviderSchema {
        var schema = ProviderSchema()
        var resource: String?
        var nested: String?
        var category: WritableKeyPath<Attributes, Set<String>>?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## cloudflare_") {
                resource = String(line.dropFirst(3))
                nested = nil
                category = nil
                schema.resources[resource!] = Resource()
            } else if line.hasPrefix("### Nested Schema for `") {
                nested = String(line.dropFirst("### Nested Schema for `".count).dropLast())
                category = nil
            } else if line == "### Required" || line == "Required:" {
                category = \.required
            } else if line == "### Optional" || line == "Optional:" {
                category = \.optional
            } else if line == "### Read-Only" || line == "Read-Only:" {
                category = \.readOnly
            } else if line.hasPrefix("- `"), let resource, let category {
                let name = line.dropFirst(3).prefix { $0 != "`" }
                if let nested {
                    schema.resources[resource]!.nested[nested, default: Attributes()][keyPath: category].insert(String(name))
                } else {
                    schema.resources[resource]!.top[keyPath: category].insert(String(name))
                }
            }
        }
        return schema
    }
}
