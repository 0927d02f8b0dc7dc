import DistlangCore
import DistlangModel

/// Resolves `targets.cloudflare.routes` to the functions that serve them: a route names its function,
/// or, when exactly one function has `http` routes, belongs to that one.
enum CloudflareRoutes {
    static func resolve(_ node: SpecNode?, functions: [FunctionModel], sink: inout DiagnosticSink) -> [CloudflareRoute] {
        let httpFunctions = functions.filter { !$0.routes.isEmpty }.map(\.name).sorted()
        var routes: [CloudflareRoute] = []
        for entry in node?.elements ?? [] {
            let function: String
            if let named = entry["function"] {
                guard let name = named.string, functions.contains(where: { $0.name == name }) else {
                    sink.error(
                        "spec.unknown-function", "no function named \"\(named.string ?? "")\"", at: named.pointer,
                        hint: Suggestions.hint(named.string ?? "", among: functions.map(\.name)))
                    continue
                }
                if !httpFunctions.contains(name) {
                    sink.warning(
                        "spec.route-without-http", "function \(name) has no http routes, so this route reaches a Worker that does not expect requests",
                        at: named.pointer, hint: "give function \(name) http routes, or route to a function that has them")
                }
                function = name
            } else if httpFunctions.count == 1 {
                function = httpFunctions[0]
            } else {
                sink.error(
                    "spec.route-function",
                    httpFunctions.isEmpty
                        ? "this route has no function to serve it: no function has http routes"
                        : "this route must name its function: several functions have http routes (\(httpFunctions.joined(separator: ", ")))",
                    at: entry.pointer, hint: "add `function: <name>` to the route")
                continue
            }
            if let pattern = entry["pattern"]?.string, let zone = entry["zone"]?.string {
                routes.append(CloudflareRoute(.pattern(pattern, zone: zone), function: function))
            } else if let domain = entry["domain"]?.string {
                routes.append(CloudflareRoute(.customDomain(domain), function: function))
            }
        }
        return routes
    }
}
