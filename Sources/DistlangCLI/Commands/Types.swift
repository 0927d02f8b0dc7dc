import ArgumentParser
import DistlangCore
import Foundation

/// `distlang types [SPEC] [--out FILE]`: write the TypeScript declarations of each function's env,
/// ctx and handler (docs/typescript.md).
struct Types: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the TypeScript types of each function's env, ctx and handler.",
        discussion: """
            Writes distlang-env.d.ts next to the spec (or --out FILE; - for standard output): per function \
            <Name>Env, <Name>Context, <Name>Route and <Name>Handler, <Name> being the function's name in \
            PascalCase. A file that would not change is left alone. distlang build warns when the file is out \
            of date.
            """)

    @Argument(help: ArgumentHelp(SpecInput.argumentHelp, valueName: "spec"))
    var spec: String?

    @Option(
        help: ArgumentHelp(
            "The file to write, or - for standard output (default: distlang-env.d.ts next to the spec).",
            valueName: "file"))
    var out: String?

    @OptionGroup var chatter: QuietOption

    func run() throws {
        let compiled = try SpecRun.compile(spec)
        let text: String
        switch TypesFile.text(for: compiled) {
        case .success(let generated):
            text = generated
        case .failure(let error):
            let output = DiagnosticOutput(format: .text)
            if let source = compiled.text { output.sources.register(file: compiled.file, text: source) }
            output.emit(error.diagnostics)
            output.summary(error.diagnostics, success: "")
            throw ExitCode(1)
        }
        if out == "-" {
            Terminal.write(text)
            return
        }
        let path = out ?? TypesFile.defaultPath(forSpecDirectory: compiled.specDirectory)
        if FileManager.default.contents(atPath: path) == Data(text.utf8) {
            if !chatter.quiet { Terminal.write("\(path) is up to date\n") }
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw SpecRun.usage("cannot write \(path): \(error.localizedDescription)")
        }
        let functions = Set(compiled.models.flatMap { $0.functions.map(\.name) }).count
        if !chatter.quiet {
            Terminal.write("wrote \(path): the types of \(DiagnosticOutput.plural(functions, "function"))\n")
        }
    }
}
