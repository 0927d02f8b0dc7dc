/// The starter app `distlang init` writes: a spec and a handler that validate and build as they are,
/// the spec's JSON Schema for editors, and the lines a `.gitignore` needs.
public enum Starter {
    /// Files to write, relative to the target folder.
    public static func files(appName: String) -> [(path: String, contents: String)] {
        [("distlang.yaml", spec(appName)), ("src/hello.js", handler)]
    }

    /// The schema file the spec's first line points editors at.
    public static let schemaFile = (path: "distlang.schema.json", contents: SpecSchema.text)

    /// What a repository should not commit: build output, distlang's local state and local secrets.
    public static let ignoredPaths = ["dist/", ".distlang/", ".dev.vars"]

    /// A valid app name made from a folder name (`My App` -> `my-app`), or `app`.
    public static func appName(fromFolder folder: String) -> String {
        var name = String(folder.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }.filter { $0.isASCII })
        while name.contains("--") { name = name.replacingOccurrences(of: "--", with: "-") }
        name = String(name.drop { !$0.isLetter })
        while name.hasSuffix("-") { name.removeLast() }
        name = String(name.prefix(32))
        while name.hasSuffix("-") { name.removeLast() }
        return name.count >= 2 ? name : "app"
    }

    /// The starter spec, its one function's module at `source`.
    static func spec(_ name: String, source: String = "src/hello.js") -> String {
        """
        # yaml-language-server: $schema=distlang.schema.json
        # A distlang spec: one description of the app, built for every target below.
        # Validate: distlang validate    Build: distlang build    Keys: distlang schema
        # distlang.schema.json gives editors completion and checks; after upgrading distlang, refresh it:
        #   distlang schema > distlang.schema.json
        distlang: 1
        name: \(name)
        description: A starter app with one HTTP function and a key-value store.

        defaults:
          runtime: nodejs22
          memory: 128
          timeout: 10

        functions:
          hello:
            source: \(source)
            env:
              GREETING: hello
            http:
              - GET /hello
              - GET /hello/{name}
            uses:
              visits: readwrite

        resources:
          visits:
            type: kv

        targets:
          cloudflare:
            compatibility_date: "2025-06-01"
            workers_dev: true
          aws:
            region: us-east-1

        """
    }

    static let handler = """
        // The `hello` function: one module that runs unchanged on Cloudflare Workers, AWS Lambda and
        // `distlang dev` (docs/runtime.md). The spec's routes reach `fetch` with ctx.route; the kv
        // store `visits` is env.VISITS on every platform.
        export default {
          async fetch(request, env, ctx) {
            const name = ctx.route.params.name ?? "world";
            const visits = Number((await env.VISITS.get(name)) ?? "0") + 1;
            await env.VISITS.put(name, String(visits));
            return Response.json({ message: `${env.GREETING}, ${name}!`, visits });
          },
        };

        """
}
