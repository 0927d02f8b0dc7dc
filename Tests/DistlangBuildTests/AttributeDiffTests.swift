@testable import DistlangBuild
import DistlangCore
import Testing
import TestSupport

/// List-aware, key-order-blind attribute diffs: what changed in a policy or a binding list, element
/// by element, not two prefixes of two JSON texts.
struct AttributeDiffTests {
    static func statement(_ sid: String, _ actions: [String], resource: String = "arn:bucket/*") -> Value {
        ["Sid": .string(sid), "Effect": "Allow", "Action": .array(actions.map(Value.string)), "Resource": .array([.string(resource)])]
    }

    static func policy(_ statements: [Value]) -> Value { ["PolicyDocument": ["Statement": .array(statements)]] }

    func changes(_ old: Value, _ new: Value) -> [String] {
        AttributeDiff.changes(old, new).map { "\($0.kind.rawValue) \($0.path) \(ValueText.show($0.old)) \(ValueText.show($0.new))" }
    }

    @Test func theSameStatementsInAnotherOrderWithKeysInAnotherOrderAreNoChange() {
        let a = Self.policy([Self.statement("Logs", ["logs:PutLogEvents"]), Self.statement("Read", ["s3:GetObject"])])
        let reordered: Value = ["PolicyDocument": ["Statement": [
            ["Resource": ["arn:bucket/*"], "Action": ["s3:GetObject"], "Effect": "Allow", "Sid": "Read"],
            ["Action": ["logs:PutLogEvents"], "Sid": "Logs", "Resource": ["arn:bucket/*"], "Effect": "Allow"],
        ]]]
        #expect(changes(a, reordered).isEmpty)
    }

    @Test func anActionAddedToOneStatementIsThatMember() {
        let a = Self.policy([Self.statement("Logs", ["logs:PutLogEvents"]), Self.statement("Read", ["s3:GetObject"])])
        let b = Self.policy([Self.statement("Read", ["s3:GetObject", "s3:PutObject"]), Self.statement("Logs", ["logs:PutLogEvents"])])
        #expect(changes(a, b) == ["added PolicyDocument.Statement[Sid=Read].Action (none) s3:PutObject"])
    }

    /// A statement whose Sid changes but which keeps most of its values reads as that statement changed.
    @Test func aRenamedStatementIsOneElementChanged() {
        let a = Self.policy([Self.statement("Logs", ["logs:PutLogEvents"]), Self.statement("UploadsRead", ["s3:GetObject"])])
        let b = Self.policy([Self.statement("Logs", ["logs:PutLogEvents"]), Self.statement("UploadsReadWrite", ["s3:GetObject", "s3:PutObject"])])
        #expect(changes(a, b) == [
            "added PolicyDocument.Statement[Sid=UploadsReadWrite].Action (none) s3:PutObject",
            "changed PolicyDocument.Statement[Sid=UploadsReadWrite].Sid UploadsRead UploadsReadWrite",
        ])
    }

    @Test func aStatementWithLittleInCommonIsRemovedAndAnotherAdded() {
        let a = Self.policy([Self.statement("Read", ["s3:GetObject"], resource: "arn:a")])
        let b = Self.policy([Self.statement("Send", ["sqs:SendMessage"], resource: "arn:q")])
        let found = AttributeDiff.changes(a, b)
        #expect(found.map(\.path) == ["PolicyDocument.Statement[Sid=Read]", "PolicyDocument.Statement[Sid=Send]"])
        #expect(found.map(\.kind) == [.removed, .added])
        #expect(found[1].new == Self.statement("Send", ["sqs:SendMessage"], resource: "arn:q"))
    }

    @Test func bindingsAreMatchedByName() {
        let a: Value = ["bindings": [["name": "JOBS", "type": "queue"], ["name": "UPLOADS", "type": "r2_bucket", "bucket_name": "up"]]]
        let b: Value = ["bindings": [["name": "UPLOADS", "type": "r2_bucket", "bucket_name": "files"], ["name": "JOBS", "type": "queue"], ["name": "KV", "type": "kv_namespace"]]]
        #expect(changes(a, b) == [
            "changed bindings[name=UPLOADS].bucket_name up files",
            "added bindings[name=KV] (none) {\"name\":\"KV\",\"type\":\"kv_namespace\"}",
        ])
    }

    /// Routes: patterns and custom domains in one list, each known by its own key.
    @Test func routesAreMatchedByPatternOrDomain() {
        let a: Value = ["routes": [["pattern": "shop.example.com/*", "zone": "example.com"], ["domain": "api.example.com"]]]
        let b: Value = ["routes": [["domain": "api.example.com"], ["pattern": "shop.example.com/*", "zone": "example.net"], ["domain": "new.example.com"]]]
        #expect(changes(a, b) == [
            "changed routes[pattern=shop.example.com/*].zone example.com example.net",
            "added routes[domain=new.example.com] (none) {\"domain\":\"new.example.com\"}",
        ])
    }

    @Test func plainListsChangeMemberByMember() {
        #expect(changes(["flags": ["a", "b"]], ["flags": ["b", "c"]]) == ["removed flags a (none)", "added flags (none) c"])
        // The same members in another order: the whole list, once.
        #expect(changes(["crons": ["1", "2"]], ["crons": ["2", "1"]]) == ["changed crons [1, 2] [2, 1]"])
        // A duplicate that goes away is a removal.
        #expect(changes(["x": ["a", "a"]], ["x": ["a"]]) == ["removed x a (none)"])
    }

    @Test func listsWithoutIdentityGoByPositionOrWhole() {
        #expect(changes(["e": [["v": 1]]], ["e": [["v": 2]]]) == ["changed e[0].v 1 2"])
        #expect(changes(["e": [["v": 1]]], ["e": [["v": 1], ["v": 2]]]) == ["changed e [{\"v\":1}] [{\"v\":1},{\"v\":2}]"])
        // Names that repeat are no identity.
        #expect(changes(["b": [["name": "A", "v": 1], ["name": "A", "v": 2]]], ["b": [["name": "A", "v": 1], ["name": "A", "v": 3]]])
            == ["changed b[1].v 2 3"])
    }

    /// A CloudFormation reference is one value, not the pieces of `Fn::GetAtt`.
    @Test func intrinsicFunctionsAreWhole() {
        let a: Value = ["Resource": [["Fn::GetAtt": ["UploadsBucket", "Arn"]]], "Env": ["Ref": "UploadsBucket"]]
        let b: Value = ["Resource": [["Fn::GetAtt": ["FilesBucket", "Arn"]]], "Env": ["Ref": "FilesBucket"]]
        #expect(changes(a, b) == [
            "changed Env {\"Ref\":\"UploadsBucket\"} {\"Ref\":\"FilesBucket\"}",
            "removed Resource {\"Fn::GetAtt\":[\"UploadsBucket\",\"Arn\"]} (none)",
            "added Resource (none) {\"Fn::GetAtt\":[\"FilesBucket\",\"Arn\"]}",
        ])
    }

    /// Text wrapping never drops a character and keeps to the width.
    @Test(arguments: 0..<20)
    func wrappingKeepsEverything(_ seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let alphabet = Array("abc, xyz/:{}\"=")
        let text = String((0..<Int(random.next() % 400)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        let width = 20 + Int(random.next() % 60)
        let rest = max(width - 4, 20)
        let pieces = ValueText.wrap(text, first: width, rest: rest)
        #expect(pieces.enumerated().allSatisfy { i, p in p.count <= (i == 0 ? width : rest) })
        #expect(pieces.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }
}
