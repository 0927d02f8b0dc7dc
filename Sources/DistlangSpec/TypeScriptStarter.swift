/// The TypeScript starter `distlang init --typescript` writes: the starter spec with its function in
/// `src/hello.ts`, a handler typed by the declarations `distlang types` writes (the command adds
/// `distlang-env.d.ts` itself, generated from this spec), and a `tsconfig.json` under which Debian's
/// TypeScript (4.8) type-checks it: `tsc -p .` (docs/typescript.md).
public enum TypeScriptStarter {
    public static let source = "src/hello.ts"

    /// Files to write, relative to the target folder (without the declarations).
    public static func files(appName: String) -> [(path: String, contents: String)] {
        [("distlang.yaml", Starter.spec(appName, source: source)), (source, handler), ("tsconfig.json", tsconfig)]
    }

    /// The compiler options of a handler written against `distlang types`: ES modules, the WHATWG
    /// fetch types from TypeScript's DOM library (no Node types: the module runs on Workers too),
    /// strict checks, no output (esbuild compiles, tsc only checks).
    public static let tsconfig = """
        {
          "compilerOptions": {
            "target": "ES2022",
            "module": "ES2022",
            "moduleResolution": "node",
            "lib": ["ES2022", "DOM", "DOM.Iterable"],
            "strict": true,
            "noEmit": true,
            "isolatedModules": true,
            "forceConsistentCasingInFileNames": true
          },
          "include": ["src", "distlang-env.d.ts"]
        }

        """

    static let handler = """
        // The `hello` function: one module that runs unchanged on Cloudflare Workers, AWS Lambda and
        // `distlang dev` (docs/runtime.md). Its types come from distlang-env.d.ts, which `distlang types`
        // writes from the spec: run it again after changing the spec, and type-check with `tsc -p .`
        // (Debian: apt-get install node-typescript). `distlang build` compiles this file with esbuild.
        import type { HelloHandler } from "../distlang-env.js";

        const handler: HelloHandler = {
          async fetch(request, env, ctx) {
            const { key, params } = ctx.route;
            const name = key === "GET /hello/{name}" ? params.name : "world";
            const visits = Number((await env.VISITS.get(name)) ?? "0") + 1;
            await env.VISITS.put(name, String(visits));
            // Response.json(...) where the TypeScript DOM library has it (4.8's does not).
            return new Response(JSON.stringify({ message: `${env.GREETING}, ${name}!`, visits }), {
              headers: { "content-type": "application/json" },
            });
          },
        };

        export default handler;

        """
}
