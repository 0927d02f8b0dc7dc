import DistlangAWS
import DistlangModel
import Foundation
import Testing
import TestSupport

/// Every IAM policy in every output, parsed back from the files: no wildcard in any action, no
/// `"*"` resource, every resource a reference to a resource of the same output.
@Suite struct IAMPolicyTests {
    /// Problems in one CloudFormation template's policies.
    static func cloudFormationProblems(_ template: [String: Any]) -> (problems: [String], statements: Int) {
        var problems: [String] = [], statements = 0
        let resources = template["Resources"] as? [String: Any] ?? [:]
        func isResourceID(_ id: Any?) -> Bool { (id as? String).map { resources[$0] != nil } ?? false }
        func checkResource(_ value: Any, _ where_: String) {
            if let s = value as? String { problems.append("\(where_): literal resource \(s.debugDescription)"); return }
            guard let o = value as? [String: Any], o.count == 1, let (fn, arg) = o.first else {
                problems.append("\(where_): unexpected resource \(value)")
                return
            }
            switch fn {
            case "Ref":
                if !isResourceID(arg) { problems.append("\(where_): Ref to \(arg), not a resource") }
            case "Fn::GetAtt":
                let parts = arg as? [Any]
                if parts?.count != 2 || !isResourceID(parts?[0]) || parts?[1] as? String != "Arn" {
                    problems.append("\(where_): GetAtt \(arg)")
                }
            case "Fn::Join":
                // Only "<ARN of a resource>/*" (a bucket's objects) or "<ARN>/index/keys" (a kv table's index).
                let parts = arg as? [Any]
                let items = parts?.count == 2 ? parts?[1] as? [Any] : nil
                if parts?[0] as? String != "" || items?.count != 2 || !["/*", "/index/keys"].contains(items?[1] as? String) {
                    problems.append("\(where_): Join \(arg)")
                } else {
                    checkResource(items![0], where_)
                }
            default:
                problems.append("\(where_): \(fn) in a resource")
            }
        }
        func checkDocument(_ document: Any?, _ where_: String, trust: Bool) {
            guard let doc = document as? [String: Any], let list = doc["Statement"] as? [[String: Any]], !list.isEmpty else {
                problems.append("\(where_): no statements")
                return
            }
            for (i, s) in list.enumerated() {
                statements += 1
                let at = "\(where_) statement \(i)"
                if s["Effect"] as? String != "Allow" { problems.append("\(at): effect \(s["Effect"] ?? "none")") }
                for forbidden in ["NotAction", "NotResource", "NotPrincipal"] where s[forbidden] != nil {
                    problems.append("\(at): \(forbidden)")
                }
                let actions = (s["Action"] as? [String]) ?? (s["Action"] as? String).map { [$0] } ?? []
                if actions.isEmpty { problems.append("\(at): no actions") }
                for a in actions where a.contains("*") || a.contains("?") { problems.append("\(at): wildcard action \(a)") }
                if trust {
                    if s["Resource"] != nil { problems.append("\(at): a trust policy with a resource") }
                    continue
                }
                let res = (s["Resource"] as? [Any]) ?? (s["Resource"].map { [$0] } ?? [])
                if res.isEmpty { problems.append("\(at): no resources") }
                for r in res { checkResource(r, at) }
            }
        }
        var policies = 0
        for (id, value) in resources {
            guard let r = value as? [String: Any], let type = r["Type"] as? String, type.hasPrefix("AWS::IAM::") else { continue }
            let p = r["Properties"] as? [String: Any] ?? [:]
            switch type {
            case "AWS::IAM::Role":
                checkDocument(p["AssumeRolePolicyDocument"], "\(id) trust policy", trust: true)
                for (i, policy) in (p["Policies"] as? [[String: Any]] ?? []).enumerated() {
                    checkDocument(policy["PolicyDocument"], "\(id) policy \(i)", trust: false)
                    policies += 1
                }
                if p["ManagedPolicyArns"] != nil { problems.append("\(id): managed policies") }
            default:
                problems.append("\(id): unexpected \(type)")
            }
        }
        // A parent of nested stacks holds no functions (their policies are in the children).
        let isParent = resources.values.contains { ($0 as? [String: Any])?["Type"] as? String == "AWS::CloudFormation::Stack" }
        if policies == 0 && !isParent { problems.append("no policies at all") }
        return (problems, statements)
    }

    /// A nested stack as one template would read: each parameter replaced by what the parent's
    /// stack resource passes for it, and the parent's resources beside the child's own. Nil when
    /// `path` is not a nested stack; a failed lookup is a test failure.
    static func resolvedAgainstParent(_ child: [String: Any], path: String, in loaded: [LoadedTemplate], entry: String, reader: String)
        throws -> [String: Any]?
    {
        let file = (path as NSString).lastPathComponent
        guard let dot = file.range(of: ".functions") else { return nil }
        let parentPath = (path as NSString).deletingLastPathComponent + "/" + file[..<dot.lowerBound] + "." + (path as NSString).pathExtension
        let parent = try #require(loaded.first { $0.entry == entry && $0.path == parentPath }?.documents[reader] as? [String: Any])
        let parentResources = parent["Resources"] as? [String: Any] ?? [:]
        let stack = try #require(parentResources.values.compactMap { $0 as? [String: Any] }.first {
            ($0["Properties"] as? [String: Any])?["TemplateURL"] as? String == file
        }, "no stack resource for \(file)")
        let parameters = (stack["Properties"] as? [String: Any])?["Parameters"] as? [String: Any] ?? [:]
        var merged = child
        let own = NestedLayout.resolve(child["Resources"] ?? [:], parameters) as? [String: Any] ?? [:]
        merged["Resources"] = parentResources.merging(own) { _, mine in mine }
        return merged
    }

    @Test func cloudFormationPolicies() throws {
        guard let templates = try LoadedTemplates.load() else { return }
        var checked = 0, children = 0
        for template in templates {
            for (reader, document) in template.documents {
                var doc = try #require(document as? [String: Any], "\(template.path) \(reader)")
                #expect(doc["error"] == nil, "\(template.entry) \(template.path) \(reader): \(doc["error"] ?? "")")
                if let resolved = try Self.resolvedAgainstParent(doc, path: template.path, in: templates, entry: template.entry, reader: reader) {
                    doc = resolved
                    children += 1
                }
                let (problems, statements) = Self.cloudFormationProblems(doc)
                #expect(problems.isEmpty, "\(template.entry) \(template.path) (\(reader)): \(problems)")
                checked += statements
            }
        }
        #expect(checked > 20)
        #expect(children >= 8)  // the nested app's children, each in both formats and two readers
    }

    /// The checker itself fails on the mistakes it is there to catch.
    @Test func cloudFormationCheckerCatchesWildcards() {
        func template(action: Any, resource: Any) -> [String: Any] {
            [
                "Resources": [
                    "B": ["Type": "AWS::S3::Bucket"],
                    "R": [
                        "Type": "AWS::IAM::Role",
                        "Properties": [
                            "AssumeRolePolicyDocument": ["Statement": [["Effect": "Allow", "Action": "sts:AssumeRole"]]],
                            "Policies": [["PolicyDocument": ["Statement": [["Effect": "Allow", "Action": action, "Resource": resource]]]]],
                        ],
                    ],
                ]
            ]
        }
        let good = ["Fn::GetAtt": ["B", "Arn"]]
        #expect(Self.cloudFormationProblems(template(action: ["s3:GetObject"], resource: [good])).problems.isEmpty)
        #expect(!Self.cloudFormationProblems(template(action: ["s3:*"], resource: [good])).problems.isEmpty)
        #expect(!Self.cloudFormationProblems(template(action: "*", resource: [good])).problems.isEmpty)
        #expect(!Self.cloudFormationProblems(template(action: ["s3:GetObject"], resource: "*")).problems.isEmpty)
        #expect(!Self.cloudFormationProblems(template(action: ["s3:GetObject"], resource: ["*"])).problems.isEmpty)
        #expect(!Self.cloudFormationProblems(template(action: ["s3:GetObject"], resource: [["Ref": "Missing"]])).problems.isEmpty)
    }

    // MARK: Terraform

    /// Splits an HCL list expression's text into its top-level items.
    static func listItems(_ expr: String) -> [String]? {
        let text = expr.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
        var items: [String] = [], current = "", depth = 0, inString = false, escaped = false
        for c in text.dropFirst().dropLast() {
            if inString {
                current.append(c)
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true; current.append(c)
            case "[", "{", "(": depth += 1; current.append(c)
            case "]", "}", ")": depth -= 1; current.append(c)
            case "," where depth == 0: items.append(current); current = ""
            default: current.append(c)
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { items.append(current) }
        return items.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// One resource item: `type.name.arn`, or `"${type.name.arn}/*"` / `"${type.name.arn}:*"`.
    static func isScopedResource(_ item: String, declared: Set<String>) -> Bool {
        func declaredReference(_ ref: Substring) -> Bool {
            let parts = ref.split(separator: ".")
            return parts.count == 3 && parts[2] == "arn" && declared.contains("\(parts[0]).\(parts[1])")
        }
        if !item.hasPrefix("\"") { return declaredReference(Substring(item)) }
        for suffix in ["/*", ":*", "/index/keys"] where item.hasPrefix("\"${") && item.hasSuffix("}\(suffix)\"") {
            return declaredReference(item.dropFirst(3).dropLast(suffix.count + 2))
        }
        return false
    }

    static func terraformProblems(_ reports: [[String: Any]]) -> (problems: [String], statements: Int) {
        var problems: [String] = [], statements = 0
        var declared = Set<String>()
        var documents: [(String, [[String: Any]])] = []
        for report in reports {
            for block in report["blocks"] as? [[String: Any]] ?? [] {
                let labels = block["labels"] as? [String] ?? []
                if block["type"] as? String == "resource", labels.count == 2 { declared.insert(labels.joined(separator: ".")) }
                if block["type"] as? String == "data", labels.first == "aws_iam_policy_document" {
                    documents.append((labels[1], block["blocks"] as? [[String: Any]] ?? []))
                }
                if block["type"] as? String == "resource", ["aws_iam_role_policy", "aws_iam_policy"].contains(labels.first) {
                    let policy = (block["attributes"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "policy" }
                    let refs = policy?["references"] as? [String] ?? []
                    if refs.count != 1 || !(refs[0].hasPrefix("data.aws_iam_policy_document.") && refs[0].hasSuffix(".json")) {
                        problems.append("\(labels.joined(separator: ".")): policy is not a policy document data source")
                    }
                }
            }
        }
        for (name, blocks) in documents {
            let trust = name == "lambda_assume_role"
            if blocks.isEmpty { problems.append("\(name): no statements") }
            for (i, statement) in blocks.enumerated() where statement["type"] as? String == "statement" {
                statements += 1
                let at = "data.aws_iam_policy_document.\(name) statement \(i)"
                let attributes = Dictionary(
                    (statement["attributes"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0) },
                    uniquingKeysWith: { a, _ in a })
                if attributes["effect"]?["value"] as? String != "Allow" { problems.append("\(at): effect") }
                for forbidden in ["not_actions", "not_resources"] where attributes[forbidden] != nil {
                    problems.append("\(at): \(forbidden)")
                }
                guard let actions = attributes["actions"]?["value"] as? [String], !actions.isEmpty else {
                    problems.append("\(at): actions are not a constant list")
                    continue
                }
                for a in actions where a.contains("*") || a.contains("?") { problems.append("\(at): wildcard action \(a)") }
                if trust { continue }
                guard let expr = attributes["resources"]?["expr"] as? String, let items = listItems(expr), !items.isEmpty else {
                    problems.append("\(at): no resources")
                    continue
                }
                for item in items where !isScopedResource(item, declared: declared) {
                    problems.append("\(at): resource \(item)")
                }
            }
        }
        if documents.count < 2 { problems.append("no function policies") }
        return (problems, statements)
    }

    @Test func terraformPolicies() throws {
        guard let hclcheck = ExternalTool.hclcheck else {
            if ExternalTool.checkersRequired { throw ExternalTool.Failure(description: "hclcheck is not built") }
            return
        }
        let corpus = try AWSCorpus.writeAll()
        var checked = 0
        for (entry, dir) in corpus.entries {
            for root in AWSOutputs.terraformRoots(entry.output) {
                let result = CommandRunner.run(hclcheck, ["--json", dir + "/" + root], timeout: 60)
                let reports = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
                let (problems, statements) = Self.terraformProblems(reports)
                #expect(problems.isEmpty, "\(entry.name) \(root): \(problems)")
                checked += statements
            }
        }
        #expect(checked > 20)
    }

    @Test func terraformCheckerCatchesWildcards() {
        let declared: Set<String> = ["aws_s3_bucket.b"]
        #expect(Self.isScopedResource("aws_s3_bucket.b.arn", declared: declared))
        #expect(Self.isScopedResource("\"${aws_s3_bucket.b.arn}/*\"", declared: declared))
        #expect(!Self.isScopedResource("\"*\"", declared: declared))
        #expect(!Self.isScopedResource("\"arn:aws:s3:::*\"", declared: declared))
        #expect(!Self.isScopedResource("\"${aws_s3_bucket.b.arn}*\"", declared: declared))
        #expect(!Self.isScopedResource("aws_s3_bucket.other.arn", declared: declared))
        #expect(Self.listItems("[a.b.arn, \"${c.d.arn}/*\"]") == ["a.b.arn", "\"${c.d.arn}/*\""])
        #expect(Self.listItems("[\"a,b\", x]") == ["\"a,b\"", "x"])
    }

    /// The public table `distlang diff` prints from.
    @Test func permissionsTable() {
        #expect(AWSPermissions.actions(for: .bucket, access: .write) == ["s3:PutObject", "s3:DeleteObject"])
        #expect(AWSPermissions.actions(for: .bucket, access: .read) == ["s3:GetObject", "s3:ListBucket"])
        #expect(AWSPermissions.actions(for: .bucket, access: .readwrite) == ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:DeleteObject"])
        #expect(AWSPermissions.actions(for: .queue, access: .send) == ["sqs:SendMessage"])
        #expect(AWSPermissions.actions(for: .kv, access: .read).allSatisfy { $0.hasPrefix("dynamodb:") && !$0.contains("Put") })
        #expect(AWSPermissions.actions(for: .kv, access: .readwrite) == AWSPermissions.actions(for: .kv, access: .read) + AWSPermissions.actions(for: .kv, access: .write))
        #expect(AWSPermissions.actions(for: .database, access: .read).isEmpty)
        for kind in ResourceKind.allCases {
            for access in kind.allowedAccess {
                for action in AWSPermissions.actions(for: kind, access: access) {
                    #expect(!action.contains("*"))
                }
            }
        }
        #expect(AWSPermissions.grants(for: .bucket, access: .readwrite) == [
            .init(actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], scope: .objects),
            .init(actions: ["s3:ListBucket"], scope: .resource),
        ])
    }
}
