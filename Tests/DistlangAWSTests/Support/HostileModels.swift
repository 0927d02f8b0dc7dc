import DistlangModel
import TestSupport

/// An app whose every free-text value is hostile to some output format: quotes, backslashes,
/// line breaks, HCL interpolation and directives, TOML/YAML/JSON delimiters, YAML 1.1 booleans and
/// numbers, Unicode line separators. Each must reach the outputs byte for byte and add nothing.
enum HostileModels {
    static let strings: [String] = [
        "quote \" and 'single' and `back`",
        "back\\slash \\n \\u0041 \\\\",
        "line\nbreak\r\nand\ttab",
        "${var.code_bucket} and $${x} and ${aws_s3_bucket.x.arn}",
        "%{ if true }directive%{ endif } %%{x}",
        "]] [[x]] ]]>",
        "# not a comment // nor this /* or this */",
        "''' \"\"\" triple",
        "line\u{2028}separator\u{2029}paragraph\u{85}next",
        "OFF", "yes", "2.0", "0x1F", "~", "null", "1e3", "0o17", "2025-06-01", "12:30:00", "-", "*alias",
        "&anchor x", "!Ref Something", "--- doc", "... end", "key: value", "- item", "? q", "| block", "> folded",
        "{\"Ref\": \"AWS::AccountId\"}", "Fn::GetAtt", " leading and trailing ", "",
        "emoji 🎉 and CJK 漢字 and ZWJ 👩‍💻 and BOM \u{FEFF}",
        "control \u{01}\u{1F}\u{7F} bell",
        "{{not a dynamic reference}}",
    ]

    /// Env names for `strings`, in order (`V00` ...).
    static func envName(_ i: Int) -> String { String(format: "V%02d", i) }

    /// The hostile app: the strings as env values of a function that uses no resource (so that
    /// Terraform's `variables` is a constant hclcheck can decode), as the app's description, and
    /// route paths with every character a route may hold.
    static func app() -> AppModel {
        let env = strings.enumerated().map { EnvironmentVariable(name: envName($0.offset), value: $0.element) }
        let names = PhysicalNames(aws: "hostile-echo")
        let echo = FunctionModel(
            name: "echo", source: "src/echo.mjs", handler: "handler", memory: 128, timeout: 5, env: env,
            routes: [
                Route(method: .GET, path: "/v1.0/~user_name/{id}/a-b"), Route(method: .ANY, path: "/*"),
                Route(method: .OPTIONS, path: "/"),
            ],
            physicalNames: names)
        return AppModel(
            app: "hostile", description: strings.joined(separator: " | "), environment: "default",
            functions: [echo], resources: [], targets: TargetSettings(aws: AWSSettings(region: "us-east-1")))
    }
}
