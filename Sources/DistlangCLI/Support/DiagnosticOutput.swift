import ArgumentParser
import DistlangCore
import Foundation

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif
}

/// Prints diagnostics in the chosen format: text to standard error (like a compiler), machine
/// formats to standard output.
struct DiagnosticOutput {
    let format: DiagnosticFormat
    let sources: SourceCache

    init(format: DiagnosticFormat, sources: SourceCache = SourceCache()) {
        self.format = format
        self.sources = sources
    }

    func emit(_ diagnostics: [Diagnostic]) {
        let sorted = diagnostics
        switch format {
        case .text:
            let renderer = TextDiagnosticRenderer(sources: sources, useColor: Terminal.colorEnabled(fileDescriptor: 2))
            Terminal.writeError(renderer.render(sorted))
        case .json:
            Terminal.write(JSONDiagnosticRenderer.render(sorted))
        case .github:
            Terminal.write(GitHubDiagnosticRenderer.render(sorted))
        case .sarif:
            Terminal.write(SARIFDiagnosticRenderer.render(sorted))
        }
    }

    /// The closing line of a text run: success to standard output, failure counts to standard error.
    func summary(_ diagnostics: [Diagnostic], success: String) {
        guard format == .text else { return }
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        if errors == 0 {
            Terminal.write(success + (warnings > 0 ? " (\(plural(warnings, "warning")))" : "") + "\n")
        } else {
            Terminal.writeError("\(plural(errors, "error")), \(plural(warnings, "warning"))\n")
        }
    }

    private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}

/// Standard output and error, and whether to colour them.
enum Terminal {
    static func write(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func writeError(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }

    /// Colour only on a terminal, never when `NO_COLOR` is set (https://no-color.org) or TERM is dumb.
    static func colorEnabled(fileDescriptor: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return false }
        if env["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }
}
