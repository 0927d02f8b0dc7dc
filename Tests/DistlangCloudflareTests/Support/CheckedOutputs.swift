import DistlangModel
import Foundation
import TestSupport

/// Every case's output (the sample models, the overlay models, the injection models), written
/// once and checked once: one python3 run for all wrangler.toml files, one hclcheck run for all
/// .tf files. Tests read the shared reports.
enum CheckedOutputs {
    struct Entry {
        var name: String
        var models: [AppModel]
        var output: TargetOutput
        /// Output path -> the absolute path the checkers saw.
        var paths: [String: String]

        func files(_ suffix: String) -> [(path: String, absolute: String)] {
            output.files.filter { $0.path.hasSuffix(suffix) }.map { ($0.path, paths[$0.path]!) }
        }
    }

    typealias WranglerReports = [String: (document: JSONTree?, errors: [String])]
    typealias HCLReports = (status: Int32, reports: [String: HCLCheckReport])

    static let entries: [Entry] = {
        var cases = CloudflareCases.all.map { ($0.name, $0.models, $0.output) }
        let injection = InjectionCases.models()
        cases.append(("injection", injection, CloudflareCases.Case(name: "injection", models: injection).output))
        return cases.map { Entry(name: $0.0, models: $0.1, output: $0.2, paths: [:]) }
    }()

    /// The entries with their files written, and the checkers' reports (or why they could not run).
    static let checked: (entries: [Entry], wrangler: Result<WranglerReports, Error>, hcl: Result<HCLReports, Error>) = {
        var entries = Self.entries
        do {
            let (dir, paths) = try Checkers.write(entries.map(\.output), prefix: "checked")
            defer { try? FileManager.default.removeItem(at: dir) }
            for i in entries.indices { entries[i].paths = paths[i] }
            let toml = entries.flatMap { $0.files(".toml").map(\.absolute) }
            let tf = entries.flatMap { $0.files(".tf").map(\.absolute) }
            let wrangler = Result<WranglerReports, Error> { try Checkers.wrangler(toml) }
            let hcl = Result<HCLReports, Error> { try Checkers.hcl(tf) }
            return (entries, wrangler, hcl)
        } catch {
            return (entries, .failure(error), .failure(error))
        }
    }()

    static func wrangler() throws -> (entries: [Entry], reports: WranglerReports) {
        (checked.entries, try checked.wrangler.get())
    }

    static func hcl() throws -> (entries: [Entry], status: Int32, reports: [String: HCLCheckReport]) {
        let result = try checked.hcl.get()
        return (checked.entries, result.status, result.reports)
    }
}
