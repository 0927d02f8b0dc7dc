import ArgumentParser
import DistlangSpec

/// `distlang schema`: print the spec's JSON Schema (draft 2020-12).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the distlang spec (for editors and other validators)."
    )

    func run() throws {
        Terminal.write(SpecSchema.text)
    }
}
