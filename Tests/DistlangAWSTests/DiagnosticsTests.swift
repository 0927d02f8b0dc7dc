@testable import DistlangAWS
import DistlangCore
import DistlangModel
import Testing
import TestSupport

/// What the AWS target refuses or warns about (`AWSChecker`, run by the spec compiler; the emitter's
/// own identifier checks), with messages that name the construct.
@Suite struct DiagnosticsTests {
    /// The checker's findings on `model`, judged on `today`.
    func findings(_ model: AppModel, today: String = "2026-01-01") -> [TargetFinding] {
        AWSChecker(today: today).check(model)
    }

    func diagnostics(_ model: AppModel) -> [Diagnostic] { AWSOutputs.emit([model], formats: [.yaml]).diagnostics }

    @Test func sampleModelsAreClean() {
        #expect(findings(SampleModels.shop()).isEmpty)
        #expect(diagnostics(SampleModels.shop()).isEmpty)
        #expect(SampleModels.shopEnvironments().allSatisfy { findings($0).isEmpty })
        #expect(AWSOutputs.emit(SampleModels.shopEnvironments()).diagnostics.isEmpty)
    }

    /// A runtime warns from 60 days before AWS deprecates it and is an error once Lambda blocks
    /// creating functions with it; placed at the function's runtime, else at defaults.runtime.
    @Test(arguments: [
        ("2026-02-28", nil), ("2026-03-01", "aws.runtime-deprecated"), ("2026-05-31", "aws.runtime-deprecated"),
        ("2026-06-01", "aws.runtime-retired"),
    ])
    func nodejs20Lifecycle(_ today: String, _ code: String?) {
        var model = SampleModels.shop()
        model.functions[0].runtime = .nodejs20
        let found = findings(model, today: today)
        #expect(found.first?.code == code)
        if let finding = found.first {
            #expect(finding.severity == (code == "aws.runtime-retired" ? .error : .warning))
            #expect(finding.message.contains("nodejs20.x") && finding.message.contains("2026-04-30"))
            #expect(finding.pointers.map(\.description) == ["/functions/api/runtime", "/defaults/runtime"])
            #expect(finding.hint == "use runtime: nodejs24")
        }
        #expect(AWSOutputs.emit([model], formats: [.yaml]).files[0].contents.contains("Runtime: nodejs20.x"))
    }

    @Test func calendarDays() {
        #expect(CalendarDay.adding(-60, to: "2026-04-30") == "2026-03-01")
        #expect(CalendarDay.adding(1, to: "2024-02-28") == "2024-02-29")
        #expect(CalendarDay.adding(1, to: "1999-12-31") == "2000-01-01")
        #expect(CalendarDay.adding(0, to: "not a date") == "not a date")
    }

    @Test func databaseIsAnError() {
        var model = SampleModels.shop()
        model.resources.append(ResourceModel(name: "catalog", kind: .database, engine: "sqlite"))
        let errors = findings(model).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("database catalog") == true)
        #expect(errors.first?.message.contains("AWS") == true)
    }

    @Test func scheduleOnBothDayFieldsIsAnError() {
        var model = SampleModels.shop()
        model.functions[2].schedules = [try! CronSchedule.parse("0 3 1 * 1").get()]
        let errors = findings(model).filter { $0.code == "aws.unsupported" }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("\"0 3 1 * 1\"") == true)
        #expect(!AWSOutputs.emit([model], formats: [.yaml]).files[0].contents.contains("AWS::Events::Rule"))
    }

    @Test func visibilityTimeoutBelowConsumerTimeoutIsAnError() {
        var model = SampleModels.shop()
        model.functions[1].timeout = 300
        let error = findings(model).first { $0.code == "aws.queue-visibility" }
        #expect(error?.severity == .error)
        #expect(error?.message.contains("queue orders") == true)
        #expect(error?.message.contains("180 s") == true)
        #expect(error?.hint?.contains("300") == true)
    }

    @Test func environmentProblems() {
        var model = SampleModels.shop()
        model.functions[0].env += [
            EnvironmentVariable(name: "SESSIONS_TABLE", value: "mine"), EnvironmentVariable(name: "AWS_REGION", value: "x"),
            EnvironmentVariable(name: "A", value: "short name"), EnvironmentVariable(name: "BIG", value: String(repeating: "x", count: 5000)),
        ]
        let codes = Set(findings(model).filter { $0.severity == .error }.map(\.code))
        #expect(codes == ["aws.env-conflict", "aws.env-reserved", "aws.env-name", "aws.env-size"])
        // The generated variable wins in the output.
        let yaml = AWSOutputs.emit([model], formats: [.yaml]).files[0].contents
        #expect(!yaml.contains("SESSIONS_TABLE: mine"))
    }

    @Test func routeServedByTwoFunctionsIsAnError() {
        var model = SampleModels.shop()
        model.functions[2].routes = [Route(method: .GET, path: "/products")]
        let error = findings(model).first { $0.code == "aws.route-conflict" }
        #expect(error?.message.contains("GET /products") == true)
        #expect(error?.message.contains("api and nightly") == true)
    }

    @Test func longHandlerIsAnError() {
        var model = SampleModels.shop()
        model.functions[0].source = "src/" + String(repeating: "deep/", count: 30) + "api.js"
        #expect(findings(model).contains { $0.code == "aws.handler" && $0.message.contains("128") })
    }

    @Test func clashingIdentifiersAreAnError() {
        var model = SampleModels.shop()
        // `orders` has a dead-letter queue whose logical ID is OrdersDeadLetterQueue.
        model.resources.append(ResourceModel(name: "orders-dead-letter", kind: .queue, physicalNames: PhysicalNames(aws: "shop-odl")))
        let errors = diagnostics(model).filter { $0.code == "aws.duplicate-name" }
        #expect(errors.contains { $0.message.contains("OrdersDeadLetterQueue") })
    }

    /// A function with one route costs six resources (role, log group, function, integration,
    /// route, permission) and one output, so 200 such functions exceed 500 resources and 200
    /// outputs in one template: the environment is split into nested stacks instead (no error).
    @Test func overCloudFormationLimitsIsSplitNotAnError() {
        var model = SampleModels.shop()
        model.functions = (0..<200).map { i in
            FunctionModel(
                name: "f\(i)", source: "src/f.js", routes: [Route(method: .GET, path: "/f\(i)")],
                physicalNames: PhysicalNames(aws: "shop-f\(i)"))
        }
        let output = AWSOutputs.emit([model], formats: [.yaml])
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics.map(\.message))")
        #expect(output.notes.contains {
            $0.contains("\(4 + 3 + 200 * 6) resources (CloudFormation allows 500)") && $0.contains("\(4 + 1 + 200) outputs (CloudFormation allows 200)")
                && $0.contains("nested stacks")
        })
        #expect(output.files.filter { $0.path.hasPrefix("aws/cloudformation/default.functions") }.count >= 2)
    }

    /// 500 buckets do not fit a parent beside its function stacks: they move to store stacks of
    /// their own, with no error (NestedStoreStacksTests checks that layout in full).
    @Test func storesBeyondTheParentMoveToStoreStacks() {
        var model = SampleModels.shop()
        model.resources += (0..<500).map { i in
            ResourceModel(name: "b\(i)", kind: .bucket, physicalNames: PhysicalNames(aws: "shop-b\(i)"))
        }
        let output = AWSOutputs.emit([model], formats: [.yaml])
        #expect(AWSOutputs.errors(output).isEmpty, "\(output.diagnostics.map(\.message))")
        #expect(output.files.filter { $0.path.hasPrefix("aws/cloudformation/default.stores") }.count >= 2)
    }

    /// What stays in the parent (the API, one stack per nested stack, the values passed to them) can
    /// still be too much (some 8,000 functions): an error naming the parent, with what to do.
    @Test func parentOverTheLimitIsAnError() {
        var parent = CFNTemplate(description: "parent")
        parent.resources = (0..<501).map { CFNResource(logicalID: "S\($0)Stack", type: "AWS::CloudFormation::Stack", properties: JSONObject()) }
        let errors = CloudFormationLimits.check(
            parent, renderedSizes: [("aws/cloudformation/default.yaml", 2_000_000)], environment: "default")
        #expect(errors.contains {
            $0.code == "aws.cloudformation-limit" && $0.message.contains("aws/cloudformation/default.yaml has 501 resources")
                && $0.message.contains("limit of 500 resources") && ($0.hint ?? "").contains("stay in the parent")
        }, "\(errors.map(\.message))")
        #expect(errors.contains { $0.message.contains("2000000 bytes") }, "\(errors.map(\.message))")
    }

    /// One function's resources cannot be split across stacks: a function that alone breaks a
    /// quota gets a child of its own, reported as an error naming it.
    @Test func functionTooBigForAStackIsAnError() {
        var model = SampleModels.shop()
        model.functions[0].routes = (0..<520).map { Route(method: .GET, path: "/r\($0)") }
        let output = AWSOutputs.emit([model], formats: [.yaml])
        let errors = AWSOutputs.errors(output).filter { $0.code == "aws.cloudformation-limit" }
        #expect(errors.count == 1, "\(errors.map(\.message))")
        #expect(errors.contains { $0.message.contains("aws/cloudformation/default.functions") && $0.message.contains("has 525 resources") })
        #expect(errors.allSatisfy { ($0.hint ?? "").contains("function api alone") })
    }

    @Test func bodySizeAndParameterLimits() {
        var template = CFNTemplate(description: "x")
        template.parameters = (0..<201).map { ("P\($0)", ["Type": "String"]) }
        let errors = CloudFormationLimits.check(template, renderedSizes: [("aws/cloudformation/big.json", 1_048_577)], environment: "big")
        #expect(errors.count == 2)
        #expect(errors.contains { $0.message.contains("201 parameters") && $0.message.contains("limit of 200") })
        #expect(errors.contains { $0.message.contains("1048577 bytes") && $0.message.contains("1048576") })
        #expect(CloudFormationLimits.check(CFNTemplate(description: "x"), renderedSizes: [("a", 1_048_576)], environment: "e").isEmpty)
    }

    @Test func inlineBodyLimitIsANote() {
        var model = SampleModels.shop()
        model.functions += (0..<40).map { i in
            FunctionModel(name: "g\(i)", source: "src/g.js", routes: [Route(method: .GET, path: "/g\(i)")], physicalNames: PhysicalNames(aws: "shop-g\(i)"))
        }
        let output = AWSOutputs.emit([model], formats: [.json])
        #expect(AWSOutputs.errors(output).isEmpty)
        #expect(output.notes.contains { $0.contains("deploy it through S3") })
    }
}
