import DistlangModel

/// What a reviewer can do about a stateful resource that is removed or replaced, per format: the
/// Terraform blocks that keep it, and what CloudFormation's `Retain` policies leave behind.
enum DataLossHints {
    static func removed(_ r: EmittedResource) -> [String] {
        guard !r.isRetained, r.format == "terraform", let address = terraformAddress(r) else { return [] }
        return ["to keep it and its data, have Terraform forget it instead (Terraform 1.7 or later), in a .tf file of your own in the root: `removed { from = \(address)  lifecycle { destroy = false } }`"]
    }

    static func replaced(old r: EmittedResource, new a: EmittedResource, renamed: Bool) -> [String] {
        var hints: [String] = []
        if r.isRetained {
            hints.append("UpdateReplacePolicy: Retain keeps the old one and its data in the account, outside the stack; the new one starts empty")
        }
        if r.format == "terraform" {
            if renamed, let from = terraformAddress(r), let to = terraformAddress(a) {
                let block = "`moved { from = \(from)  to = \(to) }`"
                hints.append(r.physicalName == a.physicalName
                    ? "Terraform keeps it under its new name with, in a .tf file of your own in the root: \(block)"
                    : "\(block) would keep Terraform's record of it, but its name changes too, so the new one is empty all the same")
            } else if preventsDestroy(r) {
                hints.append("lifecycle.prevent_destroy stops `terraform apply` here: nothing is replaced until the guard is lifted by hand")
            }
        }
        return hints
    }

    /// `type.name` of a Terraform resource (nil for data sources, which hold nothing).
    static func terraformAddress(_ r: EmittedResource) -> String? {
        guard !r.type.hasPrefix("data.") else { return nil }
        return r.logicalName.hasPrefix(r.type + ".") ? r.logicalName : r.type + "." + r.logicalName
    }

    private static func preventsDestroy(_ r: EmittedResource) -> Bool {
        r.attributes["lifecycle"]?.arrayValue?.contains { $0["prevent_destroy"]?.boolValue == true } ?? false
    }
}
