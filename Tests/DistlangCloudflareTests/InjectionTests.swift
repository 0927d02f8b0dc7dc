import DistlangCloudflare
import DistlangModel
import DistlangPackage
import Foundation
import TestSupport
import Testing

/// Strings with `"`, `\`, newlines, `${…}`, `%{…}`, `]]`, `#`, `'''`, U+2028, control characters
/// and look-alike syntax, in variable values, descriptions, route patterns, zones, hostnames,
/// resource names and paths: every output still parses, holds exactly the expected tables and
/// blocks, and carries each value byte for byte. (HCL readers, Terraform included, normalise
/// every string to NFC, so Terraform values are compared with the NFC form of the input.)
@Suite(.timeLimit(.minutes(2)))
struct InjectionTests {
    static var entry: CheckedOutputs.Entry { CheckedOutputs.entries.first { $0.name == "injection" }! }
    static let hostile = InjectionCases.hostile

    /// What an HCL reader makes of a string: its NFC form.
    static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    @Test(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.find("python3"))))
    func wranglerFilesHoldExactlyTheExpectedTablesAndValues() throws {
        let (entries, reports) = try CheckedOutputs.wrangler()
        let entry = try #require(entries.first { $0.name == "injection" })
        let hostileFile = try #require(reports[entry.paths["cloudflare/wrangler/hostile/wrangler.toml"]!]?.document)
        #expect(hostileFile.keys == ["name", "main", "compatibility_date", "compatibility_flags", "env"])
        #expect(hostileFile["main"] == .string("entry.mjs"))
        // The hostile source path reaches the entry as one import specifier, byte for byte.
        let entryText = try #require(entry.output.files.first { $0.path == "cloudflare/wrangler/hostile/entry.mjs" }).contents
        let specifiers = ImportScanner.scan(entryText).imports.map(\.specifier)
        #expect(specifiers == [
            joinPath("../../..", "..", "src/\(Self.hostile[3]) \(Self.hostile[2]).js"),
            "../_distlang/runtime/adapters/cloudflare-workers/index.js",
        ])
        #expect(hostileFile["env"]?.keys == ["production", "staging"])
        for environment in ["production", "staging"] {
            let section = try #require(hostileFile["env"]?[environment])
            #expect(section.keys == ["name", "workers_dev", "preview_urls", "routes", "vars", "triggers"], "\(environment)")
            let vars = try #require(section["vars"]?.object)
            #expect(vars.count == Self.hostile.count + 1)
            #expect(vars["DISTLANG_ENV"] == .string(environment))
            for (i, text) in Self.hostile.enumerated() {
                #expect(vars["V\(i)"] == .string(text), "V\(i) in \(environment)")
            }
            let routes = try #require(section["routes"]?.array)
            if environment == "production" {
                #expect(routes.count == 2 * Self.hostile.count)
                for (i, text) in Self.hostile.enumerated() {
                    #expect(routes[2 * i] == .object([
                        "pattern": .string("r\(i).example.com/\(text)"), "zone_name": .string("zone \(i) \(text)"),
                    ]))
                    #expect(routes[2 * i + 1] == .object(["pattern": .string("d\(i).\(text)"), "custom_domain": .bool(true)]))
                }
            } else {
                #expect(routes.isEmpty)
            }
        }

        let store = try #require(reports[entry.paths["cloudflare/wrangler/store/wrangler.toml"]!]?.document)
        let production = try #require(store["env"]?["production"])
        #expect(production.keys == [
            "name", "workers_dev", "preview_urls", "routes", "vars", "secrets", "kv_namespaces", "r2_buckets", "d1_databases",
            "queues", "triggers",
        ])
        #expect(production["r2_buckets"] == .array([.object([
            "binding": .string("BUCKET"), "bucket_name": .string("bucket \(Self.hostile[3])"),
        ])]))
        #expect(production["d1_databases"] == .array([.object([
            "binding": .string("DB"), "database_name": .string("db \(Self.hostile[2])"),
            "migrations_dir": .string(joinPath("../../..", "..", "migrations/\(Self.hostile[5]) \(Self.hostile[4])")),
        ])]))
        #expect(production["queues"] == .object([
            "producers": .array([.object(["binding": .string("JOBS"), "queue": .string("jobs \(Self.hostile[0])")])]),
            "consumers": .array([.object([
                "queue": .string("jobs \(Self.hostile[0])"), "max_batch_size": .number(7), "max_retries": .number(3),
                "dead_letter_queue": .string("dlq \(Self.hostile[1])"),
            ])]),
        ]))
    }

    /// The description becomes comment lines only: each line of it that has no control or
    /// line-separator characters appears as `# line`, and nothing else of it reaches a key.
    @Test func descriptionStaysInComments() throws {
        let entry = Self.entry
        for file in entry.output.files where file.path.hasSuffix("wrangler.toml") || file.path.hasSuffix("main.tf") {
            let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for text in ["# not a comment", "${var.account_id} and %{ if true }x%{ endif }", "''' triple ''' \"\"\" triple",
                         "]] [[env.evil]]", "[evil]", "key = 1", "}", "resource \"x\" \"y\" {"] {
                #expect(lines.contains("# " + text), "\(file.path): missing comment line \(text.debugDescription)")
            }
            // Outside the leading comment lines, no line starts with text from the description.
            let body = lines.drop { $0.hasPrefix("#") }
            #expect(!body.contains { $0.hasPrefix("[evil]") || $0.hasPrefix("key = 1") || $0.hasPrefix("resource \"x\"") })
        }
    }

    @Test(.enabled(if: ExternalTool.shouldRun(needing: ExternalTool.hclcheck)))
    func terraformFilesHoldExactlyTheExpectedBlocksAndValues() throws {
        let (entries, status, reports) = try CheckedOutputs.hcl()
        let entry = try #require(entries.first { $0.name == "injection" })
        #expect(status == 0)
        let main = try #require(reports[entry.paths["cloudflare/terraform/production/main.tf"]!])
        #expect(main.canonical && main.diagnostics.isEmpty)
        let blocks = main.blocks.map { ([$0.type] + $0.labels).joined(separator: " ") }
        var expected = [
            "locals", "resource cloudflare_r2_bucket bucket", "resource cloudflare_d1_database db",
            "resource cloudflare_queue jobs", "resource cloudflare_queue jobs_dlq",
            "resource cloudflare_workers_kv_namespace store_kv", "resource cloudflare_workers_script hostile",
            "resource cloudflare_workers_script_subdomain hostile",
        ]
        let routes = main.blocks.filter { $0.labels.first == "cloudflare_workers_route" }
        let domains = main.blocks.filter { $0.labels.first == "cloudflare_workers_custom_domain" }
        #expect(routes.count == Self.hostile.count && domains.count == Self.hostile.count)
        for (i, text) in Self.hostile.enumerated() {
            expected.append("resource cloudflare_workers_route \(routes[i].labels[1])")
            expected.append("resource cloudflare_workers_custom_domain \(domains[i].labels[1])")
            #expect(routes[i].attribute("pattern")?.value == .string(Self.nfc("r\(i).example.com/\(text)")))
            #expect(routes[i].attribute("pattern")?.references == [])
            #expect(domains[i].attribute("hostname")?.value == .string(Self.nfc("d\(i).\(text)")))
        }
        expected += [
            "resource cloudflare_workers_script store", "resource cloudflare_workers_script_subdomain store",
            "resource cloudflare_queue_consumer jobs",
        ]
        #expect(blocks.sorted() == expected.sorted())
        #expect(Set(routes.map { $0.labels[1] }).count == routes.count, "route names are unique")

        func block(_ type: String, _ name: String) -> HCLCheckReport.Block? {
            main.blocks.first { $0.labels == [type, name] }
        }
        #expect(block("cloudflare_r2_bucket", "bucket")?.attribute("name")?.value == .string("bucket \(Self.hostile[3])"))
        #expect(block("cloudflare_d1_database", "db")?.attribute("name")?.value == .string("db \(Self.hostile[2])"))
        #expect(block("cloudflare_queue", "jobs_dlq")?.attribute("queue_name")?.value == .string("dlq \(Self.hostile[1])"))
        #expect(block("cloudflare_workers_kv_namespace", "store_kv")?.attribute("title")?.value == .string("kv \(Self.hostile[10])"))
        // The hostile Worker's bindings are all plain_text, so the list is a constant: every value exact.
        let bindings = try #require(block("cloudflare_workers_script", "hostile")?.attribute("bindings"))
        #expect(bindings.references.isEmpty)
        let expectedBindings = ([(name: "DISTLANG_ENV", text: "production")] + Self.hostile.enumerated()
            .map { (name: "V\($0.offset)", text: $0.element) })
            .sorted { $0.name < $1.name }
            .map { JSONTree.object(["name": .string($0.name), "type": .string("plain_text"), "text": .string(Self.nfc($0.text))]) }
        #expect(bindings.value == .array(expectedBindings))

        let variables = try #require(reports[entry.paths["cloudflare/terraform/production/variables.tf"]!])
        #expect(variables.canonical && variables.diagnostics.isEmpty)
        let zoneVariables = variables.blocks.filter { $0.labels[0].hasPrefix("zone_id_") }
        #expect(zoneVariables.count == 2 * Self.hostile.count)
        let descriptions = Set(zoneVariables.compactMap { $0.attribute("description")?.value?.string }.map { Array($0.utf8) })
        for (i, text) in Self.hostile.enumerated() {
            #expect(descriptions.contains(Array(Self.nfc("The ID of the Cloudflare zone zone \(i) \(text).").utf8)), "zone \(i)")
            #expect(descriptions.contains(Array(Self.nfc("The ID of the Cloudflare zone that holds the custom domain d\(i).\(text).").utf8)),
                    "domain \(i)")
        }
        // The script uploads the bundle the build makes of the entry, whatever the source's name.
        let content = block("cloudflare_workers_script", "hostile")?.attribute("content_file")
        #expect(content?.expr == "\"${path.module}/../../bundle/production/hostile.mjs\"")
    }

    /// Hostile physical names are reported by the checker (Cloudflare would reject them), and still
    /// rendered safely.
    @Test func invalidNamesAreReported() {
        let findings = Self.entry.models.flatMap { CloudflareChecker().check($0) }
        #expect(findings.filter { $0.code == "cloudflare.invalid-name" }.count == 2 * 5, "\(findings.map(\.message))")
    }
}
