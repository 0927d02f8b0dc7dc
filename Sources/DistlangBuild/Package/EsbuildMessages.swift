import DistlangModel
import DistlangCore

/// esbuild's error report (its text log) as diagnostics at the user's file:line:col. esbuild runs in
/// the bundler's work folder, where `app/` is the spec's folder, so `app/src/api.js:2:33` is
/// `<spec folder>/src/api.js:2:33`.
enum EsbuildMessages {
    static func diagnostics(_ log: String, specDirectory: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var message: String?
        for line in log.split(separator: "\n", omittingEmptySubsequences: false) {
            if let range = line.range(of: "[ERROR] ") {
                if let pending = message { out.append(error(pending, at: nil)) }
                message = String(line[range.upperBound...])
            } else if let pending = message, let location = location(String(line), specDirectory: specDirectory) {
                out.append(error(pending, at: location))
                message = nil
            }
        }
        if let pending = message { out.append(error(pending, at: nil)) }
        if out.isEmpty { out.append(error(log, at: nil)) }
        return out
    }

    static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            "package.bundle", "esbuild cannot bundle this module for Cloudflare: \(message)", at: location,
            hint: "the bundle is what Cloudflare's Terraform uploads (made with the esbuild on this machine); a team deploying with wrangler alone can skip it with targets.cloudflare.outputs: [wrangler]")
    }

    /// `    app/src/api.js:2:33:` -> the file in the spec's folder, line 2, column 33 (esbuild counts
    /// columns from 0 in bytes; ASCII text is assumed for the column).
    static func location(_ line: String, specDirectory: String) -> SourceLocation? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(":"), trimmed.hasPrefix("app/") else { return nil }
        let parts = trimmed.dropLast().split(separator: ":")
        guard parts.count >= 3, let row = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else { return nil }
        let file = parts.dropLast(2).joined(separator: ":").dropFirst("app/".count)
        return SourceLocation(file: joinPath(specDirectory, String(file)), line: row, column: column + 1)
    }
}
