@testable import DistlangBuild
import DistlangCore
import DistlangModel
import Testing

/// Data loss that is true: a stateful resource removed is deleted (Terraform) or orphaned
/// (CloudFormation's `DeletionPolicy: Retain`); a replacement is data loss; and the hints say what
/// keeps the data.
struct DataFateTests {
    static func resource(
        _ format: String, _ type: String, _ logical: String, physical: String?, attributes: JSONObject = [:],
        replacing: [String] = [], retained: Bool = false
    ) -> EmittedResource {
        EmittedResource(
            target: .aws, format: format, environment: "production", type: type, logicalName: logical, physicalName: physical,
            file: "f", attributes: attributes, replacingAttributes: replacing, source: ModelElement(.resource, "files"),
            isStateful: true, isRetained: retained)
    }

    static func manifest(_ resources: [EmittedResource]) -> Manifest {
        Manifest(specFile: "distlang.yaml", specSHA256: "", models: ["production": ["functions": [], "resources": []]], resources: resources, files: [])
    }

    func diff(_ old: [EmittedResource], _ new: [EmittedResource]) -> BuildDiff {
        Differ().diff(previous: Self.manifest(old), current: Self.manifest(new))
    }

    static let bucket = resource("cloudformation", "AWS::S3::Bucket", "FilesBucket", physical: "shop-files", attributes: ["BucketName": "shop-files"], replacing: ["BucketName"], retained: true)
    static let tfBucket = resource("terraform", "aws_s3_bucket", "aws_s3_bucket.files", physical: "shop-files", attributes: ["bucket": "shop-files", "lifecycle": [["prevent_destroy": true]]], replacing: ["bucket"])

    @Test func aRetainedResourceRemovedIsOrphanedNotLost() throws {
        let d = diff([Self.bucket], [])
        let change = try #require(d.environments.first?.resources.first)
        #expect(change.dataFate == .orphaned)
        #expect(!change.isDataLoss && !d.hasDataLoss)
        #expect(d.counts.orphaned == 1 && d.counts.dataLoss == 0)
    }

    @Test func aTerraformResourceRemovedIsDeletedWithTheBlockThatKeepsIt() throws {
        let change = try #require(diff([Self.tfBucket], []).environments.first?.resources.first)
        #expect(change.dataFate == .deleted && change.isDataLoss)
        #expect(change.hints.first?.contains("`removed { from = aws_s3_bucket.files  lifecycle { destroy = false } }`") == true)
    }

    @Test func aNewPhysicalNameIsAReplacementThatLosesData() throws {
        var renamed = Self.bucket
        renamed.physicalName = "shop-files-2"
        renamed.attributes = ["BucketName": "shop-files-2"]
        let change = try #require(diff([Self.bucket], [renamed]).environments.first?.resources.first)
        #expect(change.kind == .replaced && change.dataFate == .replaced && change.isDataLoss)
        // The name attribute carries the new name: the reason is the name, said once.
        #expect(change.replacedBecause == ["physical name"])
        #expect(change.hints.contains { $0.contains("UpdateReplacePolicy: Retain keeps the old one") })
    }

    @Test func aNewKeySchemaIsAReplacementThatLosesData() throws {
        let table = Self.resource(
            "cloudformation", "AWS::DynamoDB::Table", "SessionsTable", physical: "shop-sessions",
            attributes: ["KeySchema": [["AttributeName": "pk", "KeyType": "HASH"]], "TableName": "shop-sessions"],
            replacing: ["KeySchema", "TableName"], retained: true)
        var rekeyed = table
        rekeyed.attributes["KeySchema"] = [["AttributeName": "id", "KeyType": "HASH"]]
        let change = try #require(diff([table], [rekeyed]).environments.first?.resources.first)
        #expect(change.kind == .replaced && change.isDataLoss)
        #expect(change.replacedBecause == ["KeySchema"])
        #expect(change.attributes.map(\.path) == ["KeySchema[0].AttributeName"])
    }

    /// Only the address changes (the physical name stays): the `moved {}` block that keeps it.
    @Test func aTerraformAddressChangeSuggestsTheMovedBlockThatAvoidsIt() throws {
        var moved = Self.tfBucket
        moved.logicalName = "aws_s3_bucket.files_store"
        let change = try #require(diff([Self.tfBucket], [moved]).environments.first?.resources.first)
        #expect(change.kind == .replaced && change.oldLogicalName == "aws_s3_bucket.files")
        #expect(change.replacedBecause == ["logical name"])
        #expect(change.hints == [
            "Terraform keeps it under its new name with, in a .tf file of your own in the root: `moved { from = aws_s3_bucket.files  to = aws_s3_bucket.files_store }`"
        ])
    }

    @Test func preventDestroyStopsAnInPlaceTerraformReplacement() throws {
        var renamed = Self.tfBucket
        renamed.physicalName = "shop-files-2"
        renamed.attributes["bucket"] = "shop-files-2"
        let change = try #require(diff([Self.tfBucket], [renamed]).environments.first?.resources.first)
        #expect(change.isDataLoss)
        #expect(change.hints.first?.hasPrefix("lifecycle.prevent_destroy stops `terraform apply` here") == true)
    }

    /// A manifest written before `retained` existed says so only in CloudFormation's attributes.
    @Test func olderManifestsReadRetainFromTheDeletionPolicy() throws {
        var entry = ManifestCoding.value(Self.bucket).objectValue!
        entry["retained"] = nil
        entry["attributes"] = ["BucketName": "shop-files", "DeletionPolicy": "Retain"]
        let manifest: Value = [
            "manifest_version": 1, "environments": ["production": [:]],
            "targets": ["aws": ["resources": [.object(entry)], "files": [:]]],
        ]
        let decoded = try ManifestCoding.decode(manifest).get()
        #expect(decoded.resources.first?.isRetained == true)
        #expect(ManifestCoding.value(Self.bucket)["retained"] == true)
    }
}
