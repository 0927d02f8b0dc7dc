import Foundation

/// Diagnostics as one JSON document: `{"version":1,"valid":…,"errors":N,"warnings":N,"diagnostics":[…]}`.
/// The shape is stable; `docs/diagnostics.md` documents it.
public enum JSONDiagnosticRenderer {
    /// With `omitted` (a capped report), `errors` and `warnings` count every diagnostic, shown
    /// or not, and `"omitted": {"errors": N, "warnings": N}` says how many `diagnostics` leaves out.
    public static func value(_ diagnostics: [Diagnostic], omitted: OmittedDiagnostics = OmittedDiagnostics()) -> Value {
        var root = JSONObject()
        root["version"] = 1
        root["valid"] = .bool(!diagnostics.hasErrors && omitted.errors == 0)
        root["errors"] = .integer(Int64(diagnostics.errorCount + omitted.errors))
        root["warnings"] = .integer(Int64(diagnostics.warningCount + omitted.warnings))
        if !omitted.isEmpty {
            root["omitted"] = ["errors": .integer(Int64(omitted.errors)), "warnings": .integer(Int64(omitted.warnings))]
        }
        root["diagnostics"] = .array(diagnostics.map(value(of:)))
        return .object(root)
    }

    public static func render(_ diagnostics: [Diagnostic], omitted: OmittedDiagnostics = OmittedDiagnostics()) -> String {
        JSONWriter(indent: 2).string(value(diagnostics, omitted: omitted)) + "\n"
    }

    static func value(of d: Diagnostic) -> Value {
        var o = JSONObject()
        o["severity"] = .string(d.severity.rawValue)
        o["code"] = .string(d.code)
        o["message"] = .string(d.message)
        addLocation(d.location, to: &o)
        if let p = d.pointer { o["pointer"] = .string(p.description) }
        if let k = d.keywordLocation { o["keywordLocation"] = .string(k) }
        if let h = d.hint { o["hint"] = .string(h) }
        if !d.notes.isEmpty {
            o["notes"] = .array(d.notes.map { note in
                var n = JSONObject()
                n["message"] = .string(note.message)
                addLocation(note.location, to: &n)
                return .object(n)
            })
        }
        return .object(o)
    }

    private static func addLocation(_ location: SourceLocation?, to o: inout JSONObject) {
        guard let location else { return }
        o["file"] = .string(location.file)
        o["line"] = .integer(Int64(location.line))
        o["column"] = .integer(Int64(location.column))
        o["endLine"] = .integer(Int64(location.span.end.line))
        o["endColumn"] = .integer(Int64(location.span.end.column))
    }
}

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`, one per line.
public enum GitHubDiagnosticRenderer {
    /// With `omitted`, a last `::notice` line says how many were left out.
    public static func render(_ diagnostics: [Diagnostic], omitted: OmittedDiagnostics = OmittedDiagnostics()) -> String {
        var out = ""
        for d in diagnostics {
            let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var props: [String] = []
            if let l = d.location {
                props.append("file=\(escapeProperty(l.file))")
                props.append("line=\(l.line)")
                props.append("endLine=\(l.span.end.line)")
                props.append("col=\(l.column)")
                if l.span.end.line == l.line { props.append("endColumn=\(l.span.end.column)") }
            }
            props.append("title=\(escapeProperty("distlang " + d.code))")
            var message = d.messageWithPath
            if let h = d.hint { message += "\nhint: \(h)" }
            for n in d.notes { message += "\nnote: \(n.message)" + (n.location.map { " (\($0))" } ?? "") }
            out += "::\(command) \(props.joined(separator: ","))::\(escapeData(message))\n"
        }
        if !omitted.isEmpty {
            out += "::notice title=distlang::\(escapeData(omitted.phrase + " not shown (raise the limit with --max-errors)"))\n"
        }
        return out
    }

    static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

/// SARIF 2.1.0, which GitHub code scanning reads.
public enum SARIFDiagnosticRenderer {
    /// With `omitted`, the run's `properties` hold `omittedErrors` and `omittedWarnings`.
    public static func render(_ diagnostics: [Diagnostic], omitted: OmittedDiagnostics = OmittedDiagnostics()) -> String {
        var rules: [String] = []
        for d in diagnostics where !rules.contains(d.code) { rules.append(d.code) }
        let results: [Value] = diagnostics.map { d in
            var r = JSONObject()
            r["ruleId"] = .string(d.code)
            r["ruleIndex"] = .integer(Int64(rules.firstIndex(of: d.code)!))
            r["level"] = .string(d.severity.rawValue)
            var text = d.messageWithPath
            if let h = d.hint { text += " (hint: \(h))" }
            r["message"] = ["text": .string(text)]
            if let l = d.location {
                r["locations"] = [physicalLocation(l)]
            }
            let related = d.notes.compactMap { n -> Value? in
                guard let l = n.location else { return nil }
                var v = physicalLocation(l).objectValue!
                v["message"] = ["text": .string(n.message)]
                return .object(v)
            }
            if !related.isEmpty { r["relatedLocations"] = .array(related) }
            if let p = d.pointer { r["properties"] = ["pointer": .string(p.description)] }
            return .object(r)
        }
        let driver: Value = [
            "name": .string(DistlangTool.name),
            "version": .string(DistlangTool.version),
            "informationUri": .string(DistlangTool.informationURI),
            "rules": .array(rules.map(rule)),
        ]
        var run: JSONObject = ["tool": ["driver": driver], "results": .array(results)]
        if !omitted.isEmpty {
            run["properties"] = ["omittedErrors": .integer(Int64(omitted.errors)), "omittedWarnings": .integer(Int64(omitted.warnings))]
        }
        let log: Value = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [.object(run)],
        ]
        return JSONWriter(indent: 2).string(log) + "\n"
    }

    /// A rule per code, described from `DiagnosticCatalog` with a link to its row in the docs.
    static func rule(_ code: String) -> Value {
        var rule: JSONObject = ["id": .string(code)]
        if let entry = DiagnosticCatalog.entry(code) {
            rule["shortDescription"] = ["text": .string(entry.summary)]
            var full = entry.rule
            if let fix = entry.fix { full += " Fix: \(fix)." }
            rule["fullDescription"] = ["text": .string(full)]
            rule["defaultConfiguration"] = ["level": .string(entry.severity == "warning" ? "warning" : "error")]
        }
        rule["helpUri"] = .string(DiagnosticCatalog.helpURI(code))
        return .object(rule)
    }

    private static func physicalLocation(_ l: SourceLocation) -> Value {
        [
            "physicalLocation": [
                "artifactLocation": ["uri": .string(l.file)],
                "region": [
                    "startLine": .integer(Int64(l.line)),
                    "startColumn": .integer(Int64(l.column)),
                    "endLine": .integer(Int64(l.span.end.line)),
                    "endColumn": .integer(Int64(max(l.span.end.column, 1))),
                ],
            ]
        ]
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    public func replacingAll(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[rest.startIndex..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
