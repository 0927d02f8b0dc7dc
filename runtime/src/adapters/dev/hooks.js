// @ts-check
/**
 * Module resolution hooks (node:module register) for reloading functions. A function's module is
 * imported as `file:///…/api.js?distlang=api.3`; every file it imports, directly or not, gets the same
 * `distlang` tag, so each function has its own module instances (as each is its own Worker or Lambda)
 * and a new tag loads every file afresh. Each file resolved under a tag is reported to the host, which
 * watches those files. Runs on Node's hooks thread.
 */

/** @type {import("node:worker_threads").MessagePort | undefined} */
let port;

/** @param {{port: import("node:worker_threads").MessagePort}} data */
export async function initialize(data) {
  port = data.port;
}

/**
 * @param {string} specifier @param {{parentURL?: string}} context
 * @param {(specifier: string, context: object) => Promise<{url: string}>} next
 */
export async function resolve(specifier, context, next) {
  const result = await resolveTypeScript(specifier, context, next);
  const tag = context.parentURL?.startsWith("file:") ? new URL(context.parentURL).searchParams.get("distlang") : null;
  if (!tag || !result.url.startsWith("file:")) return result;
  const url = new URL(result.url);
  url.searchParams.set("distlang", tag);
  port?.postMessage({ tag, file: result.url });
  return { ...result, url: url.href };
}

/**
 * Node's resolution, and for a relative import of a TypeScript module (`.ts`, `.mts`) that names no
 * file, TypeScript's and esbuild's meaning of it, as `distlang build` compiles it: `./x.js` for `./x.ts`,
 * `./x.mjs` for `./x.mts`, `./x` for `./x.ts` or `./x/index.ts`. Node runs the `.ts` file itself
 * (it strips the types from 22.18 on; docs/typescript.md).
 * @param {string} specifier @param {{parentURL?: string}} context
 * @param {(specifier: string, context: object) => Promise<{url: string}>} next
 */
async function resolveTypeScript(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    const parent = context.parentURL ? new URL(context.parentURL).pathname : "";
    const relative = specifier.startsWith("./") || specifier.startsWith("../");
    const code = /** @type {any} */ (error)?.code;
    if ((code !== "ERR_MODULE_NOT_FOUND" && code !== "ERR_UNSUPPORTED_DIR_IMPORT") || !relative || !/\.m?ts$/.test(parent)) throw error;
    const base = specifier.replace(/[?#].*$/, "");
    const candidates = /\.m?js$/.test(base)
      ? [base.replace(/\.js$/, ".ts").replace(/\.mjs$/, ".mts")]
      : /\.[A-Za-z0-9]+$/.test(base.split("/").pop() ?? "") ? [] : [`${base}.ts`, `${base}/index.ts`];
    for (const candidate of candidates) {
      try {
        return await next(candidate, context);
      } catch {
        // the next candidate
      }
    }
    throw error;
  }
}
