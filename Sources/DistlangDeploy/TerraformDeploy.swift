import DistlangModel

/// `terraform init` and `terraform apply` in an environment's root. `apply` asks for approval
/// unless `--yes` (then `-auto-approve -input=false`, as in CI).
struct TerraformSteps {
    var root: String
    var autoApprove: Bool
    var environment: [(name: String, value: DeployValue)] = []
    var what: String

    var steps: [DeployStep] {
        let apply: [DeployArgument] = autoApprove ? ["apply", "-auto-approve", "-input=false"] : ["apply"]
        return [
            DeployStep(.run, "initialise \(root)", command: DeployCommand(.terraform, ["init", "-input=false"], in: root)),
            DeployStep(
                .run, "apply \(root)", command: DeployCommand(.terraform, apply, in: root, environment: environment),
                deploys: what),
        ]
    }
}

/// AWS through Terraform: the root uploads the zips itself (`filename`), then the secrets' values.
struct AWSTerraformDeploy {
    var model: AppModel
    var request: DeployRequest
    var environmentNames: Set<String>

    func plan(_ summary: DeployRequest.Summary) -> DeployPlan {
        let root = DeployLayout.awsTerraformRoot(environment: model.environment)
        let secrets = AWSSecretValues(model: model, environmentNames: environmentNames)
        let terraform = TerraformSteps(
            root: root, autoApprove: request.autoApprove, what: "the resources of \(root) in \(model.targets.aws!.region)")
        return DeployPlan(request: summary, steps: terraform.steps + secrets.steps, remarks: secrets.remarks)
    }
}

/// Cloudflare through Terraform: the root uploads the esbuild bundles; its inputs come from the
/// environment: `account_id` from CLOUDFLARE_ACCOUNT_ID (unless the spec sets it) and each
/// `secret_<name>` from the variable of the secret's name (Terraform keeps them in its state).
struct CloudflareTerraformDeploy {
    var model: AppModel
    var request: DeployRequest
    var environmentNames: Set<String>

    func plan(_ summary: DeployRequest.Summary) throws -> DeployPlan {
        let root = DeployLayout.cloudflareTerraformRoot(environment: model.environment)
        var variables: [(name: String, value: DeployValue)] = []
        var needed: [String] = []
        if model.targets.cloudflare?.accountID == nil {
            variables.append(("TF_VAR_account_id", .variable("CLOUDFLARE_ACCOUNT_ID")))
            needed.append("CLOUDFLARE_ACCOUNT_ID")
        }
        for secret in Array(Set(model.functions.flatMap(\.secrets))).sorted() {
            variables.append(("TF_VAR_secret_" + secret.lowercased(), .variable(secret)))
            needed.append(secret)
        }
        if let error = missingVariables(needed, in: environmentNames, for: "the Terraform root's account_id and secret_* variables are passed from them") {
            throw error
        }
        let terraform = TerraformSteps(root: root, autoApprove: request.autoApprove, environment: variables, what: "the Workers and resources of \(root)")
        var remarks: [String] = []
        let databases = model.resources.filter { $0.kind == .database && $0.migrations != nil }
        for db in databases {
            let name = db.physicalNames.cloudflare ?? db.name
            let folder = model.functions.first { $0.uses.contains { $0.resource == db.name } }.map { DeployLayout.wranglerFolder(function: $0.name) }
            remarks.append(
                "Terraform does not apply D1 migrations: run `wrangler d1 migrations apply \(name) --remote\(model.isDefaultEnvironment ? "" : " --env \(model.environment)")`\(folder.map { " in \($0)" } ?? "")")
        }
        var plan = DeployPlan(request: summary, steps: terraform.steps, remarks: remarks)
        plan.requiredFiles = model.functions.map { function in
            (DeployLayout.workerBundle(environment: model.environment, function: function.name),
             "the Workers Cloudflare's Terraform uploads are esbuild bundles, and esbuild is not installed: `apt-get install esbuild`, then deploy again")
        }
        return plan
    }
}
