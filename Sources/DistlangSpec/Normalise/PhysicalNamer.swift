import DistlangCore
import DistlangModel

/// Chooses every physical name per target (`<app>-<env>-<part>`, fitted to the target's limit) and
/// checks the ones a target forbids.
struct PhysicalNamer {
    let app: String
    let environment: String
    let targets: [TargetKind]
    var sink: DiagnosticSink

    /// S3 reserves these prefixes and suffixes (limits.md §2).
    static let s3ReservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"]
    static let s3ReservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3"]

    mutating func assign(functions: inout [FunctionModel], resources: inout [ResourceModel], root: SpecNode) {
        for i in functions.indices {
            for t in targets {
                functions[i].physicalNames[t] = NameRule.function(on: t).fit(full(functions[i].name))
            }
        }
        for i in resources.indices {
            let r = resources[i]
            for t in targets {
                let rule = NameRule.resource(r.kind, on: t)
                let name = rule.fit(full(r.name))
                resources[i].physicalNames[t] = name
                if r.deadLetter { resources[i].deadLetterNames[t] = rule.fit(full(r.name + "-dlq")) }
                if t == .aws && r.kind == .bucket { checkS3Name(name, resource: r.name) }
            }
        }
    }

    private func full(_ part: String) -> String { Naming.compose(app: app, environment: environment, part: part) }

    private mutating func checkS3Name(_ name: String, resource: String) {
        let prefix = Self.s3ReservedPrefixes.first { name.hasPrefix($0) }
        let suffix = Self.s3ReservedSuffixes.first { name.hasSuffix($0) }
        guard let reserved = prefix ?? suffix else { return }
        sink.error(
            "spec.capability", "the S3 bucket name \(name) cannot be built for aws: S3 reserves names \(prefix != nil ? "starting" : "ending") with \"\(reserved)\"",
            at: JSONPointer(tokens: ["resources", resource]), atKey: true, hint: "rename the app or the bucket")
    }
}
