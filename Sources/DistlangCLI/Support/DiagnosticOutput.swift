import ArgumentParser
import DistlangCore
import Foundation

/// How diagnostics are printed.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif
}

/// Prints diagnostics in the chosen format: text to standard error (like a compiler), machine
/// formats to standard output.
///
/// A report shows at most `limit` errors and `limit` warnings (the first ones, in file order) and
/// says how many more there are: a hostile or badly broken spec can have millions (docs/limits.md).
struct DiagnosticOutput {
    let format: DiagnosticFormat
    let sources: SourceCache
    /// The most errors, and the most warnings, a report shows (`validate --max-errors`).
    var limit: Int
    /// `--quiet`: no success line (errors and warnings still print).
    var quiet = false

    /// The limit without `--max-errors`.
    static let defaultLimit = 100

    init(format: DiagnosticFormat, sources: SourceCache = SourceCache(), limit: Int? = nil, quiet: Bool = false) {
        self.format = format
        self.sources = sources
        self.limit = max(1, limit ?? Self.defaultLimit)
        self.quiet = quiet
    }

    func emit(_ diagnostics: [Diagnostic]) {
        let (shown, omitted) = diagnostics.limited(to: limit)
        switch format {
        case .text:
            let renderer = TextDiagnosticRenderer(sources: sources, useColor: Terminal.colorEnabled(fileDescriptor: 2))
            var text = renderer.render(shown)
            if !omitted.isEmpty {
                text += "note: \(omitted.phrase) not shown (at most \(limit) of each; raise the limit with --max-errors)\n"
            }
            Terminal.writeError(text)
        case .json:
            Terminal.write(JSONDiagnosticRenderer.render(shown, omitted: omitted))
        case .github:
            Terminal.write(GitHubDiagnosticRenderer.render(shown, omitted: omitted))
        case .sarif:
            Terminal.write(SARIFDiagnosticRenderer.render(shown, omitted: omitted))
        }
    }

    /// The closing line of a text run: success to standard output (not with `--quiet`), failure
    /// counts to standard error.
    func summary(_ diagnostics: [Diagnostic], success: String) {
        guard format == .text else { return }
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        if errors == 0 {
            if !quiet { Terminal.write(success + (warnings > 0 ? " (\(Self.plural(warnings, "warning")))" : "") + "\n") }
        } else {
            Terminal.writeError("\(Self.plural(errors, "error")), \(Self.plural(warnings, "warning"))\n")
        }
    }

    /// The closing line of a run over several files: how many passed and which failed.
    func summary(_ diagnostics: [Diagnostic], files: [String], failed: [String]) {
        guard files.count > 1 else { return summary(diagnostics, success: "valid: \(files.joined(separator: ", "))") }
        guard format == .text else { return }
        let counts = "\(Self.plural(diagnostics.errorCount, "error")), \(Self.plural(diagnostics.warningCount, "warning"))"
        if failed.isEmpty && diagnostics.hasErrors {
            // Errors that belong to no file of the list (a schema that does not compile).
            Terminal.writeError(counts + "\n")
        } else if failed.isEmpty {
            if !quiet { Terminal.write("all \(files.count) files valid: \(files.joined(separator: ", "))" + (diagnostics.warningCount > 0 ? " (\(counts))" : "") + "\n") }
        } else {
            Terminal.writeError("\(files.count - failed.count) of \(files.count) files valid; \(failed.count) invalid (\(failed.joined(separator: ", "))): \(counts)\n")
        }
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
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
