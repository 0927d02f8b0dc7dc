import DistlangModel

/// The Cloudflare names of model elements: the ones the spec stage chose, or (for a model built
/// without them) the same rule applied here.
enum CloudflareNames {
    static func worker(_ function: FunctionModel, in model: AppModel) -> String {
        function.physicalNames.cloudflare
            ?? NameRule.cloudflareWorker.fit(Naming.compose(app: model.app, environment: model.environment, part: function.name))
    }

    /// The Worker name wrangler's top level carries when a spec has environments: `<app>-<function>`.
    static func baseWorker(app: String, function: String) -> String {
        NameRule.cloudflareWorker.fit(Naming.compose(app: app, environment: AppModel.defaultEnvironment, part: function))
    }

    static func resource(_ resource: ResourceModel, in model: AppModel) -> String {
        resource.physicalNames.cloudflare
            ?? NameRule.resource(resource.kind, on: .cloudflare).fit(
                Naming.compose(app: model.app, environment: model.environment, part: resource.name))
    }

    static func deadLetterQueue(_ queue: ResourceModel, in model: AppModel) -> String? {
        guard queue.deadLetter else { return nil }
        return queue.deadLetterNames.cloudflare
            ?? NameRule.cloudflareQueue.fit(
                Naming.compose(app: model.app, environment: model.environment, part: queue.name + "-dlq"))
    }

    /// Worker names as the workers.dev label and the Workers API accept them (limits.md §1).
    static func isValidWorkerName(_ name: String) -> Bool {
        isLowercaseLabel(name, minLength: 1, maxLength: NameRule.cloudflareWorker.maxLength)
    }

    /// R2 bucket names: `^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$` (limits.md §1).
    static func isValidBucketName(_ name: String) -> Bool {
        isLowercaseLabel(name, minLength: 3, maxLength: NameRule.cloudflareR2Bucket.maxLength)
    }

    /// KV, D1 and queue names: kept to the same safe form (lowercase letters, digits, `-`, ≤ 63).
    static func isValidResourceName(_ name: String) -> Bool {
        isLowercaseLabel(name, minLength: 1, maxLength: 63)
    }

    private static func isLowercaseLabel(_ name: String, minLength: Int, maxLength: Int) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count >= minLength, bytes.count <= maxLength else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard let first = bytes.first, let last = bytes.last, alnum(first), alnum(last) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") }
    }
}
