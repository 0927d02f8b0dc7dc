import DistlangCore
import DistlangModel

/// The CloudFormation template of one environment.
///
/// Layout: the data stores (tables, buckets, queues with their dead-letter queues, secrets), the
/// HTTP API, and each function's group of resources; outputs for the API URL and every name a user
/// or script needs. Each function's `Code` names its zip beside the templates
/// (`../code/<function>.zip`), which `aws cloudformation package` uploads.
enum CFNTemplateBuilder {
    static func template(_ plan: AWSPlan) -> CFNTemplate {
        var template = shared(plan)
        for function in plan.functions { CFNFunction.add(function, plan: plan, to: &template) }
        return template
    }

    /// Everything but the functions: the data stores with their outputs, the HTTP API. The start
    /// of a single template, and the whole of a parent's own resources.
    static func shared(_ plan: AWSPlan) -> CFNTemplate {
        var template = CFNTemplate(description: AWSText.templateDescription(plan.model))
        CFNStores.add(plan, to: &template)
        addStoreOutputs(plan, to: &template)
        if let api = plan.httpAPI { CFNHTTPAPI.add(api, plan: plan, to: &template) }
        return template
    }

    /// A parent whose data stores are in nested stacks of their own (`CFNStoreStacks`): the HTTP API.
    static func sharedWithoutStores(_ plan: AWSPlan) -> CFNTemplate {
        var template = CFNTemplate(description: AWSText.templateDescription(plan.model))
        if let api = plan.httpAPI { CFNHTTPAPI.add(api, plan: plan, to: &template) }
        return template
    }

    /// Store outputs are left out when there would be more than this many, so the template keeps room
    /// for the API URL and nested-stack outputs within CloudFormation's 200 (the names are in the
    /// build manifest and the Terraform outputs anyway).
    static let maxStoreOutputs = 150

    static func storeOutputCount(_ plan: AWSPlan) -> Int {
        plan.tables.count + plan.buckets.count + plan.secrets.count + plan.queues.reduce(0) { $0 + ($1.deadLetter == nil ? 1 : 2) }
    }

    static func addStoreOutputs(_ plan: AWSPlan, to template: inout CFNTemplate) {
        guard storeOutputCount(plan) <= maxStoreOutputs else { return }
        for t in plan.tables {
            template.output(t.entity.logicalID + "Name", CFN.ref(t.entity.logicalID), description: "Name of the table of kv \(t.resource.name)")
        }
        for b in plan.buckets {
            template.output(b.entity.logicalID + "Name", CFN.ref(b.entity.logicalID), description: "Name of bucket \(b.resource.name)")
        }
        for q in plan.queues {
            template.output(q.entity.logicalID + "Url", CFN.ref(q.entity.logicalID), description: "URL of queue \(q.resource.name)")
            if let dlq = q.deadLetter {
                template.output(
                    dlq.entity.logicalID + "Url", CFN.ref(dlq.entity.logicalID),
                    description: "URL of the dead-letter queue of \(q.resource.name)")
            }
        }
        for s in plan.secrets {
            template.output(
                s.entity.logicalID + "Arn", CFN.ref(s.entity.logicalID), description: "ARN of secret \(s.name) (set its value)")
        }
    }
}
