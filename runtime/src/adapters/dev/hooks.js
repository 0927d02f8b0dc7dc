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
  const result = await next(specifier, context);
  const tag = context.parentURL?.startsWith("file:") ? new URL(context.parentURL).searchParams.get("distlang") : null;
  if (!tag || !result.url.startsWith("file:")) return result;
  const url = new URL(result.url);
  url.searchParams.set("distlang", tag);
  port?.postMessage({ tag, file: result.url });
  return { ...result, url: url.href };
}
