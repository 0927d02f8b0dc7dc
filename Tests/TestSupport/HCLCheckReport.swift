import Foundation

/// The `--json` report of tools/hclcheck for one file; `Value` decodes attribute values (each test
/// module has its own JSON value type).
public struct HCLCheckReport<Value: Decodable>: Decodable {
    public struct Attribute: Decodable {
        public var name: String
        public var line: Int
        public var expr: String
        public var references: [String]
        public var value: Value?
    }

    public struct Block: Decodable {
        public var type: String
        public var labels: [String]
        public var line: Int
        public var attributes: [Attribute]
        public var blocks: [Block]

        public func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
    }

    public var file: String
    public var canonical: Bool
    public var diagnostics: [String]
    public var attributes: [Attribute]
    public var blocks: [Block]

    /// `hclcheck --json` on `paths` (files or folders): its exit status and one report per file.
    public static func run(_ paths: [String]) throws -> (status: Int32, reports: [HCLCheckReport]) {
        guard let hclcheck = ExternalTool.hclcheck else {
            throw ExternalTool.Failure(description: "hclcheck is not built: run tools/hclcheck/build.sh")
        }
        let result = CommandRunner.run(hclcheck, ["--json"] + paths, timeout: 120)
        guard !result.timedOut else { throw ExternalTool.Failure(description: "hclcheck timed out") }
        return (result.exitCode, try JSONDecoder().decode([HCLCheckReport].self, from: Data(result.stdout.utf8)))
    }
}
