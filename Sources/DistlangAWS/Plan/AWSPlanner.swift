import DistlangModel
import DistlangRuntime

/// Builds the format-independent `AWSPlan` of one environment.
///
/// The planner is total: it plans whatever AWS can express and leaves the rest out (databases,
/// schedules restricting both day fields); `AWSChecks` reports each such omission as an error, so
/// nothing is dropped silently.
enum AWSPlanner {
    static func plan(_ model: AppModel) -> AWSPlan {
        let region = model.targets.aws?.region ?? "us-east-1"
        var tables: [StorePlan] = [], buckets: [StorePlan] = [], queues: [QueuePlan] = []
        for resource in model.resources {
            switch resource.kind {
            case .kv:
                tables.append(StorePlan(
                    resource: resource, entity: entity(.table, resource.name, "Table"),
                    physicalName: physicalName(resource, model)))
            case .bucket:
                buckets.append(StorePlan(
                    resource: resource, entity: entity(.bucket, resource.name, "Bucket"),
                    physicalName: physicalName(resource, model)))
            case .queue:
                queues.append(queuePlan(resource, model))
            case .database:
                break
            }
        }
        let secrets = secretPlans(model)
        let httpAPI = model.functions.filter { !$0.routes.isEmpty }.map(\.name).min().map { fallback in
            HTTPAPIPlan(
                api: AWSEntity(kind: .httpApi, logicalID: "HttpApi", terraformName: "http"),
                stage: AWSEntity(kind: .httpStage, logicalID: "HttpApiStage", terraformName: "default"),
                physicalName: NameRule.awsHTTPAPI.fit(
                    Naming.compose(app: model.app, environment: model.environment, part: "http")),
                fallbackFunction: fallback)
        }
        let partial = AWSPlan(
            model: model, region: region, tables: tables, buckets: buckets, queues: queues, secrets: secrets,
            httpAPI: httpAPI, functions: [])
        var plan = partial
        plan.functions = model.functions.map { functionPlan($0, in: partial) }
        return plan
    }

    // MARK: Resources

    static func entity(_ kind: AWSEntity.Kind, _ name: String, _ suffix: String, terraformSuffix: String = "")
        -> AWSEntity
    {
        AWSEntity(
            kind: kind, logicalID: AWSIdentifiers.logical(name) + suffix,
            terraformName: AWSIdentifiers.terraformIdentifier(AWSIdentifiers.terraform(name), terraformSuffix))
    }

    static func physicalName(_ resource: ResourceModel, _ model: AppModel) -> String {
        resource.physicalNames.aws
            ?? NameRule.resource(resource.kind, on: .aws).fit(
                Naming.compose(app: model.app, environment: model.environment, part: resource.name))
    }

    static func queuePlan(_ resource: ResourceModel, _ model: AppModel) -> QueuePlan {
        var dlq: QueuePlan.DeadLetter?
        if resource.deadLetter {
            dlq = QueuePlan.DeadLetter(
                entity: entity(.queue, resource.name, "DeadLetterQueue", terraformSuffix: "dlq"),
                physicalName: resource.deadLetterNames.aws
                    ?? NameRule.awsSQSQueue.fit(
                        Naming.compose(app: model.app, environment: model.environment, part: resource.name + "-dlq")),
                maxReceiveCount: resource.maxRetries + 1)
        }
        return QueuePlan(
            resource: resource, entity: entity(.queue, resource.name, "Queue"),
            physicalName: physicalName(resource, model), deadLetter: dlq)
    }

    /// One secret per name the environment's functions declare, named by `AWSSecretNames`.
    static func secretPlans(_ model: AppModel) -> [SecretPlan] {
        var users: [String: [String]] = [:]
        for function in model.functions {
            for secret in function.secrets { users[secret, default: []].append(function.name) }
        }
        return users.keys.sorted().map { name in
            SecretPlan(
                name: name, entity: entity(.secret, name, "Secret"), physicalName: AWSSecretNames.name(name, in: model),
                functions: users[name]!.sorted())
        }
    }

    // MARK: Functions

    static func functionPlan(_ function: FunctionModel, in plan: AWSPlan) -> FunctionPlan {
        let model = plan.model
        let base = AWSIdentifiers.logical(function.name)
        let tf = AWSIdentifiers.terraform(function.name)
        let physical = function.physicalNames.aws
            ?? NameRule.awsLambdaFunction.fit(
                Naming.compose(app: model.app, environment: model.environment, part: function.name))
        let logGroup = AWSEntity(kind: .logGroup, logicalID: base + "LogGroup", terraformName: .sanitizing(tf))
        let functionEntity = AWSEntity(kind: .function, logicalID: base + "Function", terraformName: .sanitizing(tf))

        var http: HTTPPlan?
        if !function.routes.isEmpty {
            var seen = Set<String>()
            func routePlan(_ key: String, _ specRoute: String?) -> HTTPPlan.RoutePlan {
                let ids = AWSIdentifiers.route(key)
                return HTTPPlan.RoutePlan(
                    entity: AWSEntity(
                        kind: .route, logicalID: base + "Route" + ids.logical,
                        terraformName: AWSIdentifiers.terraformIdentifier(tf, ids.terraform)),
                    routeKey: key, specRoute: specRoute)
            }
            var routes = function.routes.compactMap { route -> HTTPPlan.RoutePlan? in
                let key = routeKey(route)
                guard seen.insert(key).inserted else { return nil }
                return routePlan(key, route.description)
            }
            if plan.httpAPI?.fallbackFunction == function.name { routes.append(routePlan("$default", nil)) }
            http = HTTPPlan(
                integration: AWSEntity(kind: .integration, logicalID: base + "HttpIntegration", terraformName: .sanitizing(tf)),
                permission: AWSEntity(
                    kind: .permission, logicalID: base + "HttpPermission",
                    terraformName: AWSIdentifiers.terraformIdentifier(tf, "http")),
                routes: routes)
        }

        var schedules: [SchedulePlan] = []
        for schedule in function.schedules {
            guard let expression = schedule.eventBridgeExpression,
                !schedules.contains(where: { $0.expression == expression })
            else { continue }
            let hash = Naming.shortHash(expression)
            let tfName = AWSIdentifiers.terraformIdentifier(tf, "schedule", hash)
            schedules.append(SchedulePlan(
                rule: AWSEntity(kind: .rule, logicalID: base + "Schedule" + hash, terraformName: tfName),
                permission: AWSEntity(kind: .permission, logicalID: base + "Schedule" + hash + "Permission", terraformName: tfName),
                ruleName: NameRule.awsEventRule.fit(physical + "-" + hash), hash: hash,
                expression: expression, specExpression: schedule.expression))
        }

        var consumer: ConsumerPlan?
        if let consumes = function.consumes, let queue = plan.queues.first(where: { $0.resource.name == consumes.queue }) {
            consumer = ConsumerPlan(
                mapping: AWSEntity(kind: .eventSourceMapping, logicalID: base + "QueueMapping", terraformName: .sanitizing(tf)),
                queue: queue.entity, queueName: queue.resource.name, batchSize: consumes.batchSize,
                batchingWindow: consumes.batchSize > 10 ? 5 : nil)
        }

        let variables = generatedVariables(function, in: plan)
        return FunctionPlan(
            model: function, function: functionEntity,
            role: AWSEntity(kind: .role, logicalID: base + "Role", terraformName: .sanitizing(tf)),
            logGroup: logGroup, physicalName: physical,
            roleName: NameRule.awsIAMRole.fit(physical + "-role"), logGroupName: "/aws/lambda/" + physical,
            runtime: runtime(function.runtime), handler: AWSCodePaths.handler,
            variables: variables, environment: environment(function, variables: variables, in: plan), policy: policy(function, logGroup: logGroup, in: plan),
            http: http, schedules: schedules, consumer: consumer)
    }

    static func runtime(_ runtime: Runtime) -> String { AWSRuntimes.lifecycle(runtime).identifier }

    /// `GET /orders/{id}` stays; a trailing `/*` becomes `/{proxy+}` (API Gateway's greedy parameter).
    static func routeKey(_ route: Route) -> String {
        var path = route.path
        if route.isGreedy { path = String(path.dropLast()) + "{proxy+}" }
        return "\(route.method.rawValue) \(path)"
    }

    /// The Lambda environment: the spec's `env`, then one variable per used resource
    /// (`<NAME>_TABLE`, `<NAME>_BUCKET`, `<NAME>_QUEUE_URL`) and per secret (`<NAME>_SECRET_ARN`),
    /// which the runtime reads through the function table, and `DISTLANG_ENV` (the environment's
    /// name) when the spec has environments. The only place these names are decided. A generated
    /// name wins over a spec value of the same name (`AWSChecker` reports the clash).
    static func environment(_ function: FunctionModel, variables: [GeneratedVariable], in plan: AWSPlan)
        -> [(name: String, value: AWSEnvironmentValue)]
    {
        var generated = variables.map { ($0.name, AWSEnvironmentValue.reference($0.value)) }
        if !plan.model.isDefaultEnvironment {
            generated.append((RuntimeVariables.environment, .literal(plan.model.environment)))
        }
        let generatedNames = Set(generated.map(\.0))
        var all = function.env.filter { !generatedNames.contains($0.name) }.map { ($0.name, AWSEnvironmentValue.literal($0.value)) }
        all += generated
        return all.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map { (name: $0.0, value: $0.1) }
    }

    /// The variable naming each resource the function uses and each secret it declares: `<NAME>_TABLE`,
    /// `<NAME>_BUCKET`, `<NAME>_QUEUE_URL`, `<NAME>_SECRET_ARN`, in `uses` then `secrets` order.
    static func generatedVariables(_ function: FunctionModel, in plan: AWSPlan) -> [GeneratedVariable] {
        var out: [GeneratedVariable] = []
        for use in function.uses {
            guard let resource = plan.model.resource(named: use.resource) else { continue }
            let owner = GeneratedVariable.Owner.resource(resource.name)
            switch resource.kind {
            case .kv:
                if let table = plan.tables.first(where: { $0.resource.name == resource.name }) {
                    out.append(GeneratedVariable(owner: owner, name: resource.bindingName + "_TABLE", value: .name(table.entity)))
                }
            case .bucket:
                if let bucket = plan.buckets.first(where: { $0.resource.name == resource.name }) {
                    out.append(GeneratedVariable(owner: owner, name: resource.bindingName + "_BUCKET", value: .name(bucket.entity)))
                }
            case .queue:
                if let queue = plan.queues.first(where: { $0.resource.name == resource.name }) {
                    out.append(GeneratedVariable(owner: owner, name: resource.bindingName + "_QUEUE_URL", value: .queueURL(queue.entity)))
                }
            case .database:
                break
            }
        }
        for secret in function.secrets {
            if let plan = plan.secrets.first(where: { $0.name == secret }) {
                out.append(GeneratedVariable(
                    owner: .secret(secret), name: Naming.bindingName(secret) + "_SECRET_ARN", value: .arn(plan.entity)))
            }
        }
        return out
    }

    /// The function's policy: its own log streams, each used resource for its access only, the
    /// queue it consumes, the secrets it declares. Nothing else, and never a wildcard.
    static func policy(_ function: FunctionModel, logGroup: AWSEntity, in plan: AWSPlan) -> [AWSPolicyStatement] {
        var statements = [AWSPolicyStatement(sid: "Logs", actions: AWSPermissions.writeLogs, resources: [.logStreams(logGroup)])]
        for use in function.uses {
            guard let resource = plan.model.resource(named: use.resource), let target = entity(of: resource, in: plan)
            else { continue }
            for grant in AWSPermissions.grants(for: resource.kind, access: use.access) {
                let (suffix, reference): (String, AWSReference)
                switch grant.scope {
                case .resource: (suffix, reference) = ("", .arn(target))
                case .objects: (suffix, reference) = ("Objects", .bucketObjects(target))
                case .keysIndex: (suffix, reference) = ("Keys", .keysIndex(target))
                }
                statements.append(AWSPolicyStatement(
                    sid: AWSIdentifiers.logical(resource.name) + accessWord(use.access) + suffix,
                    actions: grant.actions, resources: [reference]))
            }
        }
        if let consumes = function.consumes, let queue = plan.queues.first(where: { $0.resource.name == consumes.queue }) {
            statements.append(AWSPolicyStatement(
                sid: AWSIdentifiers.logical(queue.resource.name) + "Consume", actions: AWSPermissions.consumeQueue,
                resources: [.arn(queue.entity)]))
        }
        let secrets = function.secrets.compactMap { name in plan.secrets.first { $0.name == name } }
        if !secrets.isEmpty {
            statements.append(AWSPolicyStatement(
                sid: "Secrets", actions: AWSPermissions.readSecret, resources: secrets.map { .arn($0.entity) }))
        }
        return statements
    }

    static func entity(of resource: ResourceModel, in plan: AWSPlan) -> AWSEntity? {
        switch resource.kind {
        case .kv: return plan.tables.first { $0.resource.name == resource.name }?.entity
        case .bucket: return plan.buckets.first { $0.resource.name == resource.name }?.entity
        case .queue: return plan.queues.first { $0.resource.name == resource.name }?.entity
        case .database: return nil
        }
    }

    static func accessWord(_ access: Access) -> String {
        switch access {
        case .read: return "Read"
        case .write: return "Write"
        case .readwrite: return "ReadWrite"
        case .send: return "Send"
        }
    }
}
