import DistlangDeploy
import DistlangModel
import Testing
import TestSupport

/// The plans `distlang deploy` runs, built from models without running anything: the commands, their
/// order, folders, variables, and the errors found before anything runs.
@Suite struct DeployPlanTests {
    static func lines(_ plan: DeployPlan) -> [String] {
        plan.steps.map { step in
            guard let command = step.command else { return "(\(step.summary))" }
            return DeployText.commandLine(command, outDirectory: "dist")
        }
    }

    @Test func cloudFormationPackagesThenDeploysOneStackPerEnvironment() throws {
        let model = SampleModels.shop(environment: "staging")
        let plan = try DeployPlanner(environmentNames: []).plan(model, DeployRequest(environment: "staging", target: .aws, codeBucket: "team-code"))
        #expect(Self.lines(plan) == [
            "[dist] $ aws cloudformation package --template-file aws/cloudformation/staging.yaml --s3-bucket team-code --s3-prefix shop/staging --output-template-file aws/cloudformation/staging.packaged.yaml --region eu-west-1",
            "[dist] $ aws cloudformation deploy --template-file aws/cloudformation/staging.packaged.yaml --stack-name shop-staging --capabilities CAPABILITY_NAMED_IAM --no-fail-on-empty-changeset --s3-bucket team-code --s3-prefix shop/staging --region eu-west-1",
        ])
        #expect(plan.tools == [.aws])
        #expect(plan.steps.compactMap(\.deploys) == ["the code in s3://team-code/shop/staging/", "stack shop-staging in eu-west-1"])
        // STRIPE_KEY is not in the environment: its secret keeps its value, and the plan says so.
        #expect(plan.remarks.count == 1 && plan.remarks[0].contains("shop/staging/STRIPE_KEY was left as it is"))
        // The default environment's stack is the app's name.
        let single = try DeployPlanner(environmentNames: []).plan(SampleModels.shop(), DeployRequest(environment: "default", target: .aws, codeBucket: "b"))
        #expect(single.steps[1].command?.arguments.contains("shop") == true)
        #expect(single.steps[1].deploys == "stack shop in eu-west-1")
    }

    @Test func theCodeBucketComesFromTheFlagOrTheSpec() throws {
        var model = SampleModels.shop()
        #expect(throws: DeployPlanError.self) { try DeployPlanner(environmentNames: []).plan(model, DeployRequest(environment: "default", target: .aws)) }
        do {
            _ = try DeployPlanner(environmentNames: []).plan(model, DeployRequest(environment: "default", target: .aws))
        } catch let error as DeployPlanError {
            #expect(error.description.contains("--code-bucket") && error.description.contains("targets.aws.code_bucket"))
            #expect(error.description.contains("aws s3 mb s3://NAME --region eu-west-1"))
        }
        model.targets.aws?.codeBucket = "from-spec"
        let fromSpec = try DeployPlanner(environmentNames: []).plan(model, DeployRequest(environment: "default", target: .aws))
        #expect(fromSpec.steps[0].command?.arguments.contains("from-spec") == true)
        let flag = try DeployPlanner(environmentNames: []).plan(model, DeployRequest(environment: "default", target: .aws, codeBucket: "flag"))
        #expect(flag.steps[0].command?.arguments.contains("flag") == true && flag.steps[0].command?.arguments.contains("from-spec") == false)
    }

    @Test func awsSecretsInTheEnvironmentArePutThroughAPrivateFile() throws {
        let plan = try DeployPlanner(environmentNames: ["STRIPE_KEY"]).plan(
            SampleModels.shop(environment: "staging"), DeployRequest(environment: "staging", target: .aws, codeBucket: "b"))
        let put = try #require(plan.steps.last?.command)
        #expect(put.arguments == [
            "secretsmanager", "put-secret-value", "--secret-id", "shop/staging/STRIPE_KEY", "--secret-string", .fileHoldingVariable("STRIPE_KEY"),
            "--region", "eu-west-1",
        ])
        #expect(DeployText.commandLine(put, outDirectory: "dist").contains("--secret-string 'file://<a file holding $STRIPE_KEY>'"))
        #expect(plan.remarks.isEmpty)
    }

    @Test func terraformInitsThenAppliesAndApprovesOnlyWhenAsked() throws {
        let model = SampleModels.shop(environment: "staging")
        let asks = try DeployPlanner(environmentNames: []).plan(model, DeployRequest(environment: "staging", target: .aws, via: .terraform))
        #expect(Self.lines(asks) == [
            "[dist/aws/terraform/staging] $ terraform init -input=false",
            "[dist/aws/terraform/staging] $ terraform apply",
        ])
        #expect(asks.steps[1].command?.input == nil)  // the terminal answers Terraform's question
        let yes = try DeployPlanner(environmentNames: []).plan(
            model, DeployRequest(environment: "staging", target: .aws, via: .terraform, autoApprove: true))
        #expect(Self.lines(yes)[1] == "[dist/aws/terraform/staging] $ terraform apply -auto-approve -input=false")
    }

    @Test func cloudflareTerraformGetsItsVariablesFromTheEnvironment() throws {
        let model = SampleModels.shop(environment: "staging")
        let request = DeployRequest(environment: "staging", target: .cloudflare, via: .terraform, autoApprove: true)
        let plan = try DeployPlanner(environmentNames: ["STRIPE_KEY", "CLOUDFLARE_ACCOUNT_ID"]).plan(model, request)
        #expect(Self.lines(plan)[1]
            == "[dist/cloudflare/terraform/staging] $ TF_VAR_account_id=\"$CLOUDFLARE_ACCOUNT_ID\" TF_VAR_secret_stripe_key=\"$STRIPE_KEY\" terraform apply -auto-approve -input=false")
        // The Workers are the build's esbuild bundles: a build without them cannot be deployed.
        #expect(plan.requiredFiles.map(\.path) == ["cloudflare/bundle/staging/api.mjs", "cloudflare/bundle/staging/fulfil.mjs", "cloudflare/bundle/staging/nightly.mjs"])
        #expect(plan.missingFiles(in: ["cloudflare/bundle/staging/api.mjs"]).map(\.path).count == 2)
        #expect(plan.requiredFiles.allSatisfy { $0.fix.contains("apt-get install esbuild") })
        do {
            _ = try DeployPlanner(environmentNames: ["STRIPE_KEY"]).plan(model, request)
            Issue.record("a missing account id must stop the plan")
        } catch let error as DeployPlanError {
            #expect(error.description.hasPrefix("the environment variable CLOUDFLARE_ACCOUNT_ID is not set"))
        }
    }

    @Test func wranglerCreatesWhatMustExistThenSetsSecretsAndDeploysEachWorker() throws {
        let model = SampleModels.shop(environment: "staging")
        let plan = try DeployPlanner(environmentNames: ["STRIPE_KEY"]).plan(model, DeployRequest(environment: "staging", target: .cloudflare))
        #expect(Self.lines(plan) == [
            "[dist/cloudflare] $ wrangler queues create shop-staging-orders",
            "[dist/cloudflare] $ wrangler queues create shop-staging-orders-dlq",
            "[dist/cloudflare] $ wrangler kv namespace list",
            "[dist/cloudflare] $ wrangler kv namespace create shop-staging-sessions",
            "(write the ids into every wrangler.toml that binds the stores)",
            "[dist/cloudflare/wrangler/api] $ printf %s \"$STRIPE_KEY\" | wrangler secret put STRIPE_KEY --env staging",
            "[dist/cloudflare/wrangler/api] $ wrangler deploy --env staging",
            "[dist/cloudflare/wrangler/fulfil] $ wrangler deploy --env staging",
            "[dist/cloudflare/wrangler/nightly] $ wrangler deploy --env staging",
        ])
        #expect(plan.stores == [StoreToResolve(resource: "sessions", kind: .kv, title: "shop-staging-sessions", specID: nil)])
        #expect(plan.steps[3].kind == .createStore(resource: "sessions", kind: .kv))
        #expect(plan.steps[5].command?.input == .variable("STRIPE_KEY"))
        #expect(plan.steps.compactMap(\.deploys).last == "Worker shop-staging-nightly")
    }

    @Test func aStoreWithItsIdIsOnlyCheckedAgainstTheList() throws {
        var model = SampleModels.shop()
        model.targets.cloudflare?.ids = ["sessions": "0f2c9d8e7b6a5f4e3d2c1b0a99887766"]
        model.targets.cloudflare?.accountID = "0123456789abcdef0123456789abcdef"
        let plan = try DeployPlanner(environmentNames: ["STRIPE_KEY"]).plan(model, DeployRequest(environment: "default", target: .cloudflare))
        #expect(!plan.steps.contains { if case .createStore = $0.kind { return true } else { return false } })
        #expect(!plan.steps.contains { $0.kind == .writeBuild })
        #expect(plan.steps.contains { $0.kind == .listStores(.kv) })
        // Account-level commands get the spec's account; the default environment has no --env.
        #expect(Self.lines(plan)[0] == "[dist/cloudflare] $ CLOUDFLARE_ACCOUNT_ID=0123456789abcdef0123456789abcdef wrangler queues create shop-orders")
        #expect(Self.lines(plan).last == "[dist/cloudflare/wrangler/nightly] $ wrangler deploy")
    }

    @Test func d1IsCreatedAndMigratedBeforeTheWorkers() throws {
        let model = SampleModels.catalog()
        let plan = try DeployPlanner(environmentNames: []).plan(model, DeployRequest(environment: "default", target: .cloudflare))
        // The catalogue's spec sets its account: the account-level commands get it.
        #expect(Self.lines(plan) == [
            "[dist/cloudflare] $ CLOUDFLARE_ACCOUNT_ID=0123456789abcdef0123456789abcdef wrangler d1 list --json",
            "[dist/cloudflare] $ CLOUDFLARE_ACCOUNT_ID=0123456789abcdef0123456789abcdef wrangler d1 create books-catalog",
            "(write the ids into every wrangler.toml that binds the stores)",
            "[dist/cloudflare/wrangler/api] $ wrangler d1 migrations apply books-catalog --remote",
            "[dist/cloudflare/wrangler/api] $ wrangler deploy",
        ])
    }

    @Test func aMissingSecretStopsTheWranglerPlanBeforeAnythingRuns() {
        do {
            _ = try DeployPlanner(environmentNames: []).plan(SampleModels.shop(), DeployRequest(environment: "default", target: .cloudflare))
            Issue.record("expected an error")
        } catch let error as DeployPlanError {
            #expect(error.description.hasPrefix("the environment variable STRIPE_KEY is not set: each is set on its Workers with `wrangler secret put`"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func theRequestMustFitTheSpec() {
        var model = SampleModels.shop()
        model.targets.cloudflare?.outputs = [.terraform]
        func message(_ request: DeployRequest, _ model: AppModel) -> String? {
            do { _ = try DeployPlanner(environmentNames: ["STRIPE_KEY"]).plan(model, request); return nil } catch { return "\(error)" }
        }
        #expect(message(DeployRequest(environment: "default", target: .cloudflare), model)?.contains("does not build wrangler") == true)
        #expect(message(DeployRequest(environment: "default", target: .aws, via: .wrangler), model)?.contains("aws is deployed --via cloudformation or terraform") == true)
        model.targets.aws = nil
        #expect(message(DeployRequest(environment: "default", target: .aws), model)?.contains("does not build for aws") == true)
    }

    @Test func shellLinesQuoteWhatTheShellWouldRead() {
        #expect(DeployText.quoted("plain-word_1.2/x") == "plain-word_1.2/x")
        #expect(DeployText.quoted("two words") == "'two words'")
        #expect(DeployText.quoted("it's") == "'it'\\''s'")
        #expect(DeployText.quoted("") == "''")
        #expect(DeployText.quoted("$HOME") == "'$HOME'")
    }

    @Test func theIdsToAddAreYAMLUnderTheEnvironment() {
        #expect(DeployText.idsToAdd([("sessions", "abc")], environment: "staging", isDefault: false).hasSuffix("""
            environments:
              staging:
                targets:
                  cloudflare:
                    ids:
                      sessions: "abc"

            """))
        #expect(DeployText.idsToAdd([("sessions", "abc")], environment: "default", isDefault: true).contains("\ntargets:\n  cloudflare:\n    ids:\n      sessions: \"abc\"\n"))
    }
}
