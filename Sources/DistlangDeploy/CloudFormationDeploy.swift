import DistlangAWS
import DistlangModel

/// AWS through CloudFormation: `aws cloudformation package` uploads each function's zip (and the
/// nested stacks' templates) to the code bucket and writes a template naming them; `aws
/// cloudformation deploy` creates or updates the environment's stack from it; then each secret
/// whose value is in the environment is put into Secrets Manager.
struct CloudFormationDeploy {
    var model: AppModel
    var request: DeployRequest
    var environmentNames: Set<String>

    /// One stack per environment: `<app>-<env>` (`<app>` for the default environment), the prefix
    /// of every physical name in it.
    static func stackName(_ model: AppModel) -> String {
        model.isDefaultEnvironment ? model.app : "\(model.app)-\(model.environment)"
    }

    func plan(_ summary: DeployRequest.Summary) throws -> DeployPlan {
        let settings = model.targets.aws!
        guard let bucket = request.codeBucket ?? settings.codeBucket else {
            throw DeployPlanError(
                "no code bucket: aws cloudformation package uploads the function zips to an S3 bucket in \(settings.region); pass --code-bucket NAME or set targets.aws.code_bucket (create one with `aws s3 mb s3://NAME --region \(settings.region)`)")
        }
        let env = model.environment
        let prefix = "\(model.app)/\(env)"
        let stack = Self.stackName(model)
        let region: [DeployArgument] = ["--region", .text(settings.region)]
        let packaged = DeployLayout.packagedTemplate(environment: env)
        var steps = [
            DeployStep(
                .run, "upload the code to s3://\(bucket)/\(prefix)/ and write the packaged template",
                command: DeployCommand(.aws, [
                    "cloudformation", "package", "--template-file", .text(DeployLayout.cloudFormationTemplate(environment: env)),
                    "--s3-bucket", .text(bucket), "--s3-prefix", .text(prefix), "--output-template-file", .text(packaged),
                ] + region),
                deploys: "the code in s3://\(bucket)/\(prefix)/"),
            // --s3-bucket: a template over the 51,200 bytes CloudFormation takes inline goes through S3.
            // --no-fail-on-empty-changeset: deploying an unchanged build again is not an error.
            DeployStep(
                .run, "create or update stack \(stack) in \(settings.region)",
                command: DeployCommand(.aws, [
                    "cloudformation", "deploy", "--template-file", .text(packaged), "--stack-name", .text(stack),
                    "--capabilities", "CAPABILITY_NAMED_IAM", "--no-fail-on-empty-changeset",
                    "--s3-bucket", .text(bucket), "--s3-prefix", .text(prefix),
                ] + region),
                deploys: "stack \(stack) in \(settings.region)"),
        ]
        let secrets = AWSSecretValues(model: model, environmentNames: environmentNames)
        steps += secrets.steps
        return DeployPlan(request: summary, steps: steps, remarks: secrets.remarks)
    }
}

/// Secret values on AWS, after the stack or the Terraform root created the (empty) secrets: each
/// secret whose value is in the environment variable of its name is put with `aws secretsmanager
/// put-secret-value`; the others keep the value they have (a remark says which), since Secrets
/// Manager keeps a value between deploys and the functions read it when they start.
struct AWSSecretValues {
    var model: AppModel
    var environmentNames: Set<String>

    var names: [String] { Array(Set(model.functions.flatMap(\.secrets))).sorted() }

    var steps: [DeployStep] {
        names.filter(environmentNames.contains).map { name in
            let secret = AWSSecretNames.name(name, in: model)
            return DeployStep(
                .run, "set the value of secret \(secret) from $\(name)",
                command: DeployCommand(.aws, [
                    "secretsmanager", "put-secret-value", "--secret-id", .text(secret),
                    "--secret-string", .fileHoldingVariable(name), "--region", .text(model.targets.aws!.region),
                ]),
                deploys: "the value of secret \(secret)")
        }
    }

    var remarks: [String] {
        names.filter { !environmentNames.contains($0) }.map { name in
            "secret \(AWSSecretNames.name(name, in: model)) was left as it is: \(name) is not in the environment (a new secret is empty: deploy again with \(name) set, or use aws secretsmanager put-secret-value)"
        }
    }
}
