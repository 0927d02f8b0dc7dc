import DistlangCore
import Foundation
import Testing
import TestSupport

/// Every code the sources report is catalogued, and docs/diagnostics.md holds the catalogue as generated.
struct DiagnosticCatalogTests {
    static let document = "docs/diagnostics.md"
    static let start = "<!-- catalogue: generated from DiagnosticCatalog; re-record with DISTLANG_RECORD=1 -->\n"
    static let end = "<!-- end of catalogue -->\n"

    /// The codes written as string literals in Sources (`"spec.unknown-resource"`), and the schema
    /// engine's `schema.<keyword>` codes, which the spec reports as `spec.<keyword>`.
    static func codesInSources() throws -> Set<String> {
        let root = RepositoryPaths.path("Sources")
        let regex = try NSRegularExpression(pattern: "\"((?:spec|aws|cloudflare|yaml|json|input|io|schema)\\.[a-zA-Z-]+)\"")
        var codes = Set<String>()
        for case let file as String in FileManager.default.enumerator(atPath: root) ?? NSEnumerator() where file.hasSuffix(".swift") {
            guard !file.contains("Generated/"), let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8) else { continue }
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                codes.insert((text as NSString).substring(with: m.range(at: 1)))
            }
        }
        for code in codes where code.hasPrefix("schema.") && DiagnosticCatalog.entry("spec" + code.dropFirst("schema".count)) != nil {
            codes.insert("spec" + code.dropFirst("schema".count))
        }
        return codes
    }

    @Test func everyCodeIsCatalogued() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count > 80)
        let missing = codes.filter { DiagnosticCatalog.entry($0) == nil }.sorted()
        #expect(missing.isEmpty, "add these codes to DiagnosticCatalog: \(missing)")
    }

    @Test func everyEntryHasItsWords() {
        var seen = Set<String>()
        for entry in DiagnosticCatalog.entries {
            #expect(seen.insert(entry.code).inserted, "\(entry.code) is catalogued twice")
            #expect(["error", "warning"].contains(entry.severity))
            #expect(!entry.summary.isEmpty && !entry.rule.isEmpty)
            // Plain words: no regular expression or schema path in a rule.
            #expect(!entry.rule.contains("^[") && !entry.rule.contains("$ref/") && !entry.rule.contains("#/$defs"))
        }
    }

    @Test func theDocumentHoldsTheCatalogue() throws {
        let path = RepositoryPaths.path(Self.document)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let a = text.range(of: Self.start), let b = text.range(of: Self.end, range: a.upperBound..<text.endIndex) else {
            Issue.record("\(Self.document) has no catalogue markers")
            return
        }
        let expected = String(text[..<a.upperBound]) + DiagnosticCatalog.markdownTable() + String(text[b.lowerBound...])
        Golden.assert(expected, path: Self.document)
    }

    @Test func sarifRulesDescribeTheirCode() throws {
        let sarif = SARIFDiagnosticRenderer.render([.error("spec.unknown-resource", "no resource named \"x\"")])
        let log = try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any]
        let driver = ((log?["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rule = (driver?["rules"] as? [[String: Any]])?.first
        #expect((rule?["shortDescription"] as? [String: String])?["text"] == DiagnosticCatalog.entry("spec.unknown-resource")?.summary)
        #expect((rule?["fullDescription"] as? [String: String])?["text"]?.hasPrefix("Every resource a function uses") == true)
        #expect(rule?["helpUri"] as? String == "https://github.com/distlang/distlang/blob/main/docs/diagnostics.md#spec-unknown-resource")
    }
}
