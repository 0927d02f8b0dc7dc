import DistlangCore
import DistlangModel
import DistlangRender

/// Builds the resource blocks of one environment's `main.tf`, in a fixed order: each model
/// resource (KV namespace, R2 bucket, D1 database, queue and its dead-letter queue), then each
/// Worker with its workers.dev setting, Cron Triggers, routes, custom domains and queue consumer.
struct TerraformResources {
    let account: HCLExpression
    let variables: TerraformVariables
    var names: TerraformNames
    private(set) var all: [TerraformResource] = []
    private(set) var outputs: [(name: HCLIdentifier, description: String, value: HCLExpression)] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Model resource name -> its block (the dead-letter queue under `<name> dlq`).
    private var byResource: [String: TerraformResource] = [:]
    private var scripts: [String: TerraformResource] = [:]

    init(account: HCLExpression, variables: TerraformVariables, names: TerraformNames) {
        self.account = account
        self.variables = variables
        self.names = names
    }

    mutating func add(_ env: EnvironmentPlan) {
        for plan in env.resources { addResource(plan) }
        for worker in env.workers { addWorker(worker) }
    }

    /// The addresses taken so far (a set: a large app has thousands of resources).
    private var addresses = Set<String>()

    private mutating func append(_ resource: TerraformResource) {
        let address = "\(resource.type.name).\(resource.name.name)"
        if !addresses.insert(address).inserted {
            diagnostics.append(.error(
                "cloudflare.terraform-name-conflict",
                "two Terraform resources would have the address \(address); rename one of the functions or resources"))
            return
        }
        all.append(resource)
    }

    private mutating func output(_ prefix: String, _ name: String, _ description: String, _ value: HCLExpression) {
        let id = names.unique(prefix + TerraformNames.identifier(name).name, key: "\(prefix) \(name)", in: "output")
        outputs.append((id, description, value))
    }

    // MARK: Resources of the model

    private mutating func addResource(_ plan: ResourcePlan) {
        let resource = plan.resource
        let element = ModelElement(.resource, resource.name)
        let name = names.resource(resource.kind.rawValue, name: resource.name, key: resource.name)
        switch resource.kind {
        case .kv:
            let block = TerraformResource(
                "cloudflare_workers_kv_namespace", name,
                [("account_id", account), ("title", .string(plan.physicalName))],
                physicalName: plan.physicalName, replacing: ["account_id", "title"], source: element, isStateful: true)
            append(block)
            byResource[resource.name] = block
            output("kv_namespace_id_", resource.name, "The ID of KV namespace \(resource.name).", block.reference("id"))
        case .bucket:
            let block = TerraformResource(
                "cloudflare_r2_bucket", name, [("account_id", account), ("name", .string(plan.physicalName))],
                physicalName: plan.physicalName, replacing: ["account_id", "name"], source: element, isStateful: true)
            append(block)
            byResource[resource.name] = block
            output("r2_bucket_name_", resource.name, "The name of R2 bucket \(resource.name).", block.reference("name"))
        case .database:
            let block = TerraformResource(
                "cloudflare_d1_database", name, [("account_id", account), ("name", .string(plan.physicalName))],
                physicalName: plan.physicalName, replacing: ["account_id", "name"], source: element, isStateful: true)
            append(block)
            byResource[resource.name] = block
            output("d1_database_id_", resource.name, "The ID of D1 database \(resource.name).", block.reference("id"))
        case .queue:
            let block = TerraformResource(
                "cloudflare_queue", name, [("account_id", account), ("queue_name", .string(plan.physicalName))],
                physicalName: plan.physicalName, replacing: ["account_id", "queue_name"], source: element, isStateful: true)
            append(block)
            byResource[resource.name] = block
            output("queue_id_", resource.name, "The ID of queue \(resource.name).", block.reference("id"))
            if let dlqName = plan.deadLetterName {
                let dlqID = names.resource(
                    resource.kind.rawValue, name: resource.name + "_dlq", key: resource.name + " dead-letter queue")
                let dlq = TerraformResource(
                    "cloudflare_queue", dlqID, [("account_id", account), ("queue_name", .string(dlqName))],
                    physicalName: dlqName, replacing: ["account_id", "queue_name"], source: element, isStateful: true)
                append(dlq)
                byResource[resource.name + " dlq"] = dlq
            }
        }
    }

    // MARK: Workers

    private mutating func addWorker(_ worker: WorkerPlan) {
        let fn = worker.function.name
        let element = ModelElement(.function, fn)
        let name = names.resource("cloudflare_workers_script", name: fn, key: fn)
        let path = HCLExpression.template([
            .interpolation(.reference("path", "module")),
            .literal("/../../" + CloudflarePaths.bundle(environment: worker.environment, function: fn).dropFirst("cloudflare/".count)),
        ])
        var attributes: [(name: HCLIdentifier, value: HCLExpression)] = [
            ("account_id", account),
            ("script_name", .string(worker.name)),
            ("main_module", .string(CloudflarePaths.moduleName(function: fn))),
            ("content_file", path),
            ("content_sha256", .call("filesha256", [path])),
            ("compatibility_date", .string(worker.compatibilityDate)),
        ]
        if !worker.compatibilityFlags.isEmpty {
            attributes.append(("compatibility_flags", .list(worker.compatibilityFlags.map(HCLExpression.string))))
        }
        let bindings = self.bindings(worker)
        if !bindings.isEmpty { attributes.append(("bindings", .list(bindings))) }
        let script = TerraformResource(
            "cloudflare_workers_script", name, attributes, physicalName: worker.name,
            replacing: ["account_id", "script_name"], source: element)
        append(script)
        scripts[fn] = script
        let scriptName = script.reference("script_name")
        output("worker_name_", fn, "The name of function \(fn)'s Worker.", scriptName)

        append(TerraformResource(
            "cloudflare_workers_script_subdomain", names.resource("cloudflare_workers_script_subdomain", name: fn, key: fn),
            [("account_id", account), ("script_name", scriptName), ("enabled", .bool(worker.workersDev)),
             ("previews_enabled", false)],
            physicalName: nil, replacing: ["account_id", "script_name"], source: element))

        if !worker.crons.isEmpty {
            let schedules = worker.crons.map { HCLExpression.object([HCLObjectItem("cron", .string($0))]) }
            append(TerraformResource(
                "cloudflare_workers_cron_trigger", names.resource("cloudflare_workers_cron_trigger", name: fn, key: fn),
                [("account_id", account), ("script_name", scriptName), ("schedules", .list(schedules))],
                physicalName: nil, replacing: ["account_id", "script_name"], source: element))
        }

        for route in worker.routes {
            switch route {
            case .pattern(let pattern, let zone):
                append(TerraformResource(
                    "cloudflare_workers_route", names.resource("cloudflare_workers_route", function: fn, text: pattern),
                    [("zone_id", variables.zone(zone)), ("pattern", .string(pattern)), ("script", scriptName)],
                    physicalName: nil, replacing: ["zone_id"], source: element))
            case .customDomain(let host):
                append(TerraformResource(
                    "cloudflare_workers_custom_domain",
                    names.resource("cloudflare_workers_custom_domain", function: fn, text: host),
                    [("account_id", account), ("zone_id", variables.zone(host)), ("hostname", .string(host)),
                     ("service", scriptName)],
                    physicalName: host, replacing: ["account_id", "zone_id", "hostname"], source: element))
            }
        }

        if let consumer = worker.consumer, let queue = byResource[consumer.queue.name] {
            var consumerAttributes: [(name: HCLIdentifier, value: HCLExpression)] = [
                ("account_id", account), ("queue_id", queue.reference("id")), ("type", "worker"),
                ("script_name", scriptName),
            ]
            if consumer.deadLetterQueueName != nil, let dlq = byResource[consumer.queue.name + " dlq"] {
                consumerAttributes.append(("dead_letter_queue", dlq.reference("queue_name")))
            }
            consumerAttributes.append(("settings", .object([
                HCLObjectItem("batch_size", .integer(Int64(consumer.batchSize))),
                HCLObjectItem("max_retries", .integer(Int64(consumer.maxRetries))),
            ])))
            append(TerraformResource(
                "cloudflare_queue_consumer",
                names.resource("cloudflare_queue_consumer", name: consumer.queue.name, key: consumer.queue.name),
                consumerAttributes, physicalName: nil, replacing: ["account_id", "queue_id"], source: element))
        }
    }

    /// The script's `bindings` list, sorted by binding name: resources by reference, vars as
    /// `plain_text`, secrets as `secret_text` fed by their sensitive variables.
    private func bindings(_ worker: WorkerPlan) -> [HCLExpression] {
        var items: [(String, HCLExpression)] = []
        func binding(_ name: String, _ type: String, _ key: String, _ value: HCLExpression) {
            items.append((name, .object([
                HCLObjectItem("name", .string(name)), HCLObjectItem("type", .string(type)), HCLObjectItem(key, value),
            ])))
        }
        for use in worker.kvNamespaces {
            binding(use.bindingName, "kv_namespace", "namespace_id", reference(use, "id"))
        }
        for use in worker.buckets { binding(use.bindingName, "r2_bucket", "bucket_name", reference(use, "name")) }
        for use in worker.databases { binding(use.bindingName, "d1", "id", reference(use, "id")) }
        for use in worker.producers { binding(use.bindingName, "queue", "queue_name", reference(use, "queue_name")) }
        for variable in worker.vars + worker.runtimeVars { binding(variable.name, "plain_text", "text", .string(variable.value)) }
        for secret in worker.secrets { binding(secret, "secret_text", "text", variables.secret(secret)) }
        return items.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }

    private func reference(_ use: ResourceUse, _ attribute: HCLIdentifier) -> HCLExpression {
        byResource[use.resource.name].map { $0.reference(attribute) } ?? .string(use.physicalName)
    }
}
