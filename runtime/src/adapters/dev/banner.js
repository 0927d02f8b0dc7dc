// @ts-check
/** What the dev host prints when it starts: where each function is reached, and how. */
import { relative } from "node:path";

/**
 * @param {import("./host.js").DevManifest} manifest @param {string} url
 * @param {{cron?: boolean}} [options]
 */
export function banner(manifest, url, options = {}) {
  const shown = (/** @type {string} */ path) => {
    const rel = relative(process.cwd(), path);
    return rel === "" ? "." : rel.startsWith("..") ? path : rel;
  };
  const lines = [`distlang dev: ${manifest.app} (environment ${manifest.environment}), state in ${shown(manifest.state)}`];
  const width = Math.max(8, ...manifest.functions.map((f) => f.name.length)) + 2;
  const pad = (/** @type {string} */ text) => text.padEnd(width);
  for (const f of manifest.functions) {
    const spec = f.table.environments[manifest.environment];
    const routes = spec.routes ?? [];
    if (routes.length > 0) {
      lines.push(`  ${pad(f.name)}${url}`);
      const methodWidth = Math.max(...routes.map((r) => r.indexOf(" ")));
      for (const route of routes) {
        const [method, path] = [route.slice(0, route.indexOf(" ")), route.slice(route.indexOf(" ") + 1)];
        lines.push(`  ${pad("")}  ${method.padEnd(methodWidth)} ${path}`);
      }
    }
    const consumes = spec.consumes?.queue;
    if (consumes) {
      const queue = manifest.resources.find((r) => r.name === consumes);
      const batch = queue?.consumer?.batchSize ?? 10;
      const retries = queue?.maxRetries ?? 3;
      const then = queue?.deadLetter ? `then ${queue.deadLetter}` : "then dropped";
      lines.push(`  ${pad(routes.length > 0 ? "" : f.name)}consumes ${consumes} (batches of up to ${batch}, ${retries} ${retries === 1 ? "retry" : "retries"}, ${then})`);
    }
    const schedules = spec.schedules ?? [];
    if (schedules.length > 0) {
      const name = routes.length > 0 || consumes ? "" : f.name;
      lines.push(`  ${pad(name)}schedule ${schedules.map((s) => JSON.stringify(s.cron)).join(", ")}: ${options.cron ? "runs on time (local time)" : "on time with --cron"}; now: distlang dev --trigger ${f.name}`);
    }
    if (routes.length === 0 && !consumes && schedules.length === 0) lines.push(`  ${f.name} (no triggers)`);
  }
  const queues = manifest.resources.filter((r) => r.kind === "queue");
  if (queues.length > 0) lines.push(`  ${pad("queues")}${url}/__distlang/queues`);
  lines.push(`ready on ${url} (Ctrl-C to stop)`);
  return lines.join("\n");
}
