import ArgumentParser
import DistlangCore

/// The root command: `distlang <subcommand>`.
struct Distlang: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distlang",
        abstract: "Turn one provider-neutral app spec into Terraform, wrangler.toml and CloudFormation.",
        discussion: """
            Exit codes: 0 success; 1 the input is invalid (or, with --exit-code, the diff is not empty); \
            2 usage or I/O error; 3 a deploy step failed.
            """,
        version: DistlangTool.version,
        subcommands: [
            Validate.self, Build.self, Dev.self, Deploy.self, Diff.self, Explain.self, Types.self, SchemaCommand.self, Init.self,
        ]
    )
}
