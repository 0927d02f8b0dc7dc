import DistlangCore
import DistlangModel
import DistlangPackage

/// esbuild's error report (its text log) as diagnostics at the user's file:line:col. esbuild runs in
/// the bundler's work folder, where `app/` is the spec's folder, so `app/src/api.js:2:33` is
/// `<spec folder>/src/api.js:2:33` (columns counted in characters, as every diagnostic counts them).
enum EsbuildMessages {
    static func diagnostics(_ log: String, specDirectory: String) -> [Diagnostic] {
        var columns = SourceColumns()
        func place(_ location: EsbuildMessage.Location?) -> SourceLocation? {
            guard let location, location.file.hasPrefix("app/") else { return nil }
            let file = joinPath(specDirectory, String(location.file.dropFirst("app/".count)))
            return SourceLocation(file: file, line: location.line, column: columns.column(file: file, line: location.line, byteColumn: location.byteColumn))
        }
        let messages = EsbuildLog.parse(log).filter { $0.severity == .error }
        guard !messages.isEmpty else { return [error(log, at: nil)] }
        return messages.map { message in
            var diagnostic = error(message.text, at: place(message.location))
            diagnostic.notes = message.notes.map { Diagnostic.Note($0.text, at: place($0.location)) }
            return diagnostic
        }
    }

    static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            "package.bundle", "esbuild cannot bundle this module for Cloudflare: \(message)", at: location,
            hint: "the bundle is what Cloudflare's Terraform uploads (made with the esbuild on this machine); a team deploying with wrangler alone can skip it with targets.cloudflare.outputs: [wrangler]")
    }
}
