@testable import DistlangAWS
import DistlangCore
import DistlangModel
import Foundation
import Testing
import TestSupport

/// The format-independent decisions: names, identifiers, routes, handlers, environment, policy.
@Suite struct PlanTests {
    @Test func routeKeys() {
        #expect(AWSPlanner.routeKey(Route(method: .GET, path: "/orders/{id}")) == "GET /orders/{id}")
        #expect(AWSPlanner.routeKey(Route(method: .ANY, path: "/files/*")) == "ANY /files/{proxy+}")
        #expect(AWSPlanner.routeKey(Route(method: .POST, path: "/*")) == "POST /{proxy+}")
        #expect(AWSPlanner.routeKey(Route(method: .GET, path: "/")) == "GET /")
    }

    /// Every function's handler is the generated entry's, whatever its source and `handler` say;
    /// the HTTP API's `$default` route goes to the first function with routes.
    @Test func handlersAndTheFallbackRoute() {
        let plan = AWSPlanner.plan(SampleModels.shop())
        #expect(plan.functions.allSatisfy { $0.handler == "index.handler" })
        #expect(plan.httpAPI?.fallbackFunction == "api")
        let keys = plan.functions.map { ($0.model.name, $0.http?.routes.map(\.routeKey) ?? []) }
        #expect(keys.first { $0.0 == "api" }?.1.last == "$default")
        #expect(keys.filter { $0.1.contains("$default") }.count == 1)
    }

    @Test func identifiers() {
        #expect(AWSIdentifiers.logical("user-sessions") == "UserSessions")
        #expect(AWSIdentifiers.logical("STRIPE_KEY") == "StripeKey")
        #expect(AWSIdentifiers.terraform("user-sessions") == "user_sessions")
        #expect(AWSIdentifiers.terraform("STRIPE_KEY") == "stripe_key")
        // Ambiguous names keep their words and get a hash, so `a-1` and `a1` stay apart.
        #expect(AWSIdentifiers.logical("a1") == "A1")
        #expect(AWSIdentifiers.logical("a-1") == "A1" + Naming.shortHash("a-1"))
        #expect(AWSIdentifiers.logical("a--b") != AWSIdentifiers.logical("a-b"))
        #expect(AWSIdentifiers.terraform("a-1") != AWSIdentifiers.terraform("a1"))
        for name in ["api", "a-b-c", "x9-y", "Stripe_Key", "A_1", "a-", "-a"] {
            #expect(AWSIdentifiers.logical(name).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }, "\(name)")
            #expect(AWSIdentifiers.logical(name).first?.isLetter == true)
        }
    }

    @Test func environmentVariables() {
        let plan = AWSPlanner.plan(SampleModels.shop())
        let api = plan.functions[0]
        #expect(api.environment.map(\.name) == ["LOG_LEVEL", "ORDERS_QUEUE_URL", "SESSIONS_TABLE", "STRIPE_KEY_SECRET_ARN", "UPLOADS_BUCKET"])
        #expect(api.environment[1].value == .reference(.queueURL(plan.queues[0].entity)))
        #expect(api.environment[3].value == .reference(.arn(plan.secrets[0].entity)))
        // The consumer gets no URL of the queue it consumes (it only receives from it).
        #expect(plan.functions[1].environment.map(\.name) == ["UPLOADS_BUCKET"])
    }

    @Test func policies() {
        let plan = AWSPlanner.plan(SampleModels.shop())
        let sids = plan.functions.map { $0.policy.map(\.sid) }
        #expect(sids[0] == ["Logs", "OrdersSend", "SessionsReadWrite", "SessionsReadWriteKeys", "UploadsReadObjects", "UploadsRead", "Secrets"])
        #expect(sids[1] == ["Logs", "UploadsWriteObjects", "OrdersConsume"])
        #expect(sids[2] == ["Logs", "SessionsRead", "SessionsReadKeys"])
        #expect(plan.functions[1].policy[2].actions == AWSPermissions.consumeQueue)
        // kv: items on the table, list on its keys index; buckets: objects, and list on the bucket.
        #expect(plan.functions[0].policy[2].actions == ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"])
        #expect(plan.functions[0].policy[3].actions == ["dynamodb:Query"])
        #expect(plan.functions[0].policy[3].resources == [.keysIndex(plan.tables[0].entity)])
        #expect(plan.functions[0].policy[4].resources == [.bucketObjects(plan.buckets[0].entity)])
    }

    @Test func namesAndDecisions() {
        let plan = AWSPlanner.plan(SampleModels.shop(environment: "staging"))
        #expect(plan.secrets.map(\.physicalName) == ["shop/staging/STRIPE_KEY"])
        #expect(AWSPlanner.plan(SampleModels.shop()).secrets.map(\.physicalName) == ["shop/STRIPE_KEY"])
        #expect(plan.queues[0].deadLetter?.maxReceiveCount == 6, "max_retries 5 + the first delivery")
        #expect(plan.functions[0].roleName == "shop-staging-api-role")
        #expect(plan.functions[0].logGroupName == "/aws/lambda/shop-staging-api")
        #expect(plan.functions[2].schedules.map(\.expression) == ["cron(0 3 * * ? *)", "cron(30 8 ? * MON-FRI *)"])
        #expect(plan.functions[2].schedules.allSatisfy { $0.ruleName.count <= 64 && $0.ruleName.hasPrefix("shop-staging-nightly-") })
        #expect(plan.httpAPI?.physicalName == "shop-staging-http")
        #expect(plan.functions[1].consumer?.batchingWindow == nil)
    }

    @Test func longNamesFitAWSLimits() {
        var model = SampleModels.shop()
        let long = String(repeating: "a", count: 31)
        model.app = String(repeating: "b", count: 32)
        model.functions[0].name = long
        model.functions[0].physicalNames.aws = NameRule.awsLambdaFunction.fit(Naming.compose(app: model.app, environment: "a-very-long-environment-name", part: long))
        let plan = AWSPlanner.plan(model)
        #expect(plan.functions[0].physicalName.count <= 64)
        #expect(plan.functions[0].roleName.count <= 64)
        #expect(plan.functions[2].schedules.allSatisfy { $0.ruleName.count <= 64 })
    }

    @Test func largeBatchesGetABatchingWindow() {
        var model = SampleModels.shop()
        model.functions[1].consumes?.batchSize = 50
        let plan = AWSPlanner.plan(model)
        #expect(plan.functions[1].consumer?.batchingWindow == 5)
        #expect(AWSOutputs.emit([model], formats: [.yaml]).files[0].contents.contains("MaximumBatchingWindowInSeconds: 5"))
    }

    @Test func duplicateSchedulesAndRoutesAreEmittedOnce() {
        var model = SampleModels.shop()
        model.functions[2].schedules.append(try! CronSchedule.parse("0  3 * * *").get())
        model.functions[0].routes.append(Route(method: .GET, path: "/products"))
        let plan = AWSPlanner.plan(model)
        #expect(plan.functions[2].schedules.count == 2)
        #expect(plan.functions[0].http?.routes.count == 4 + 1, "and the API's $default route")
    }

    /// Issue 9 moves whole functions between nested stacks: a function's identifiers and
    /// resources depend on nothing but itself and what it uses.
    @Test func identifiersAreStableWhenFunctionsComeAndGo() throws {
        let before = AWSOutputs.emit([SampleModels.shop()], formats: [.json])
        var model = SampleModels.shop()
        model.functions.insert(
            FunctionModel(
                name: "admin", source: "src/admin.js", routes: [Route(method: .GET, path: "/admin")],
                schedules: [try CronSchedule.parse("0 4 * * *").get()],
                uses: [Binding(resource: "sessions", access: .read)], physicalNames: PhysicalNames(aws: "shop-admin")),
            at: 0)
        let after = AWSOutputs.emit([model], formats: [.json])
        func resources(_ o: TargetOutput) -> [String: [String: Any]] {
            let doc = try! JSONSerialization.jsonObject(with: Data(o.files[0].contents.utf8)) as! [String: Any]
            return doc["Resources"] as! [String: [String: Any]]
        }
        // The API's `$default` route follows the first function with routes by name (now admin).
        func withoutDefaultRoute(_ r: [String: [String: Any]]) -> [String: [String: Any]] {
            r.filter { ($0.value["Properties"] as? [String: Any])?["RouteKey"] as? String != "$default" }
        }
        let old = withoutDefaultRoute(resources(before)), new = withoutDefaultRoute(resources(after))
        #expect(Set(old.keys).isSubset(of: Set(new.keys)))
        for (id, resource) in old {
            #expect(NSDictionary(dictionary: resource).isEqual(to: new[id]!), "\(id) changed")
        }
        #expect(Set(new.keys).subtracting(old.keys).allSatisfy { $0.hasPrefix("Admin") })
        let tfOld = before.resources.filter { $0.format == "terraform" && !$0.logicalName.contains("_default_") }.map(\.logicalName)
        let tfNew = Set(after.resources.filter { $0.format == "terraform" }.map(\.logicalName))
        #expect(Set(tfOld).isSubset(of: tfNew))
    }
}
