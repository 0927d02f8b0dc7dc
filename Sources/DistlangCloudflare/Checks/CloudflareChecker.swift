import DistlangCore
import DistlangModel

/// What Cloudflare would reject or what cannot work there, in one place: the spec compiler runs it at
/// validate time on every environment that builds for Cloudflare (docs/targets/cloudflare.md §6).
public struct CloudflareChecker: TargetChecker {
    public var target: TargetKind { .cloudflare }
    /// Whether a KV namespace or D1 database bound by several Workers must have its id in
    /// `targets.cloudflare.ids` (`cloudflare.store-id-missing`). `distlang deploy` turns it off: it
    /// creates the missing stores before `wrangler deploy` and writes their ids into the build.
    public var requiresSharedStoreIDs: Bool

    public init(requiresSharedStoreIDs: Bool = true) {
        self.requiresSharedStoreIDs = requiresSharedStoreIDs
    }

    public func check(_ model: AppModel) -> [TargetFinding] {
        var planner = CloudflarePlanner()
        guard let plan = planner.plan(model) else { return [] }
        var out: [TargetFinding] = []
        for worker in plan.workers {
            let name = worker.function.name
            if !CloudflareNames.isValidWorkerName(worker.name) {
                out.append(TargetFinding(
                    .error, "cloudflare.invalid-name",
                    "the Worker name \"\(worker.name)\" is not valid on Cloudflare: use 1 to 63 lowercase letters, digits and '-', starting and ending with a letter or digit",
                    at: [.function(name)], atKey: true, hint: "shorten the app, environment or function name"))
            }
            if !worker.function.routes.isEmpty && !worker.workersDev && worker.routes.isEmpty {
                out.append(.warning(
                    "cloudflare.unreachable",
                    "function \(name) has http routes, but its Worker has neither a workers.dev URL nor a Cloudflare route, so no request reaches it",
                    at: .function(name, "http"),
                    hint: "add a route for it under targets.cloudflare.routes, or set targets.cloudflare.workers_dev: true",
                    causes: [JSONPointer(tokens: ["targets", "cloudflare", "workers_dev"]), JSONPointer(tokens: ["targets", "cloudflare", "routes"])]))
            }
        }
        for resource in plan.resources {
            let names = [resource.physicalName] + (resource.deadLetterName.map { [$0] } ?? [])
            let bucket = resource.resource.kind == .bucket
            for name in names {
                let valid = bucket ? CloudflareNames.isValidBucketName(name) : CloudflareNames.isValidResourceName(name)
                if !valid {
                    out.append(TargetFinding(
                        .error, "cloudflare.invalid-name",
                        "the \(resource.resource.kind.rawValue) name \"\(name)\" is not valid on Cloudflare: use lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters\(bucket ? " and at least 3" : "")",
                        at: [.resource(resource.resource.name)], atKey: true, hint: "shorten the app, environment or resource name"))
                }
            }
        }
        out += CloudflareStoreIDs(plan: plan, requiresSharedStoreIDs: requiresSharedStoreIDs).findings()
        return out
    }
}
