import ArgumentParser
import DistlangCore
import DistlangSpec

/// `distlang explain`: the normalised model of one or every environment, each value with its origin.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the normalised model of the spec, each value with the line it came from."
    )

    enum Format: String, ExpressibleByArgument { case yaml, json }

    @Argument(help: ArgumentHelp(SpecInput.argumentHelp, valueName: "spec"))
    var spec: String?

    @Option(help: "Only this environment.")
    var env: String?

    @Option(help: "Output format: yaml or json.")
    var format: Format = .yaml

    func run() throws {
        let compiled = try SpecRun.compile(spec, recordingProvenance: true)
        var models = compiled.models
        if let env {
            models = models.filter { $0.environment == env }
            guard !models.isEmpty else {
                throw SpecRun.usage("no environment \"\(env)\" in \(compiled.file) (it has: \(compiled.models.map(\.environment).joined(separator: ", ")))")
            }
        }
        switch format {
        case .json:
            Terminal.write(Explanation.json(models, provenance: compiled.provenance))
        case .yaml:
            Terminal.write(models.map { Explanation.yaml($0, provenance: compiled.provenance[$0.environment]) }.joined(separator: "---\n"))
        }
    }
}
