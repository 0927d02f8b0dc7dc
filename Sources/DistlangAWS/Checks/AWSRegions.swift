import DistlangCore
import DistlangModel

/// The AWS regions distlang knows (commercial, GovCloud, China and ISO partitions). AWS opens new
/// regions, so a region not listed is a warning, not an error: one that is a near miss of a known
/// region is most likely a typo.
enum AWSRegions {
    static let known: [String] = [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
        "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
        "af-south-1", "me-south-1", "me-central-1", "il-central-1",
        "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
        "ap-southeast-7",
        "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1", "us-iso-east-1", "us-iso-west-1", "us-isob-east-1",
    ]

    static func findings(_ region: String) -> [TargetFinding] {
        guard !known.contains(region) else { return [] }
        let pointer = JSONPointer(tokens: ["targets", "aws", "region"])
        if let close = DidYouMean.suggest(region, from: known) {
            return [.warning("aws.unknown-region", "\(region) is not an AWS region distlang knows", at: pointer, hint: "did you mean \"\(close)\"?")]
        }
        return [.warning(
            "aws.unknown-region", "\(region) is not an AWS region distlang knows", at: pointer,
            hint: "check the name (such as eu-west-1); a region newer than this distlang is fine")]
    }
}
