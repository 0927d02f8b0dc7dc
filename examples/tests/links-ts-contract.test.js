// examples/links-ts against the runtime's whole contract (runtime/test/contract/cases.js), the cases
// its JavaScript twin (runtime/fixtures/contract-app) passes, on this build of the TypeScript:
//   - the Lambda zips, unpacked, through the runtime's AWS driver (moto_server, events of each kind);
//   - the Worker bundles Cloudflare's Terraform uploads, and the wrangler entries bundled as wrangler
//     does (esbuild from wrangler's `main`, which imports the .ts sources), through the runtime's
//     Cloudflare driver (the documented binding APIs, in memory).
import { after } from "node:test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildExample } from "./support/build.js";
import { runContract } from "../../runtime/test/contract/cases.js";
import { createAwsApp } from "../../runtime/test/support/aws-driver.js";
import { createCloudflareApp } from "../../runtime/test/support/cloudflare-driver.js";

const build = buildExample("links-ts");
after(() => build.remove());
const at = (/** @type {string} */ path) => join(build.out, path);
const esbuild = process.env.DISTLANG_ESBUILD || "esbuild";
for (const fn of ["api", "worker"]) {
  execFileSync("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", at(`aws/code/${fn}.zip`), at(`lambda/${fn}`)]);
  execFileSync(esbuild, [at(`cloudflare/wrangler/${fn}/entry.mjs`), "--bundle", "--format=esm", "--log-level=warning", `--outfile=${at(`wrangler/${fn}.mjs`)}`]);
}

const load = (/** @type {string} */ path) => import(pathToFileURL(at(path)).href);

/** What the platform reports for each spec cron in environment test: the generated entry's table. */
function triggers(/** @type {string} */ entry) {
  const text = readFileSync(at(entry), "utf8");
  const table = JSON.parse(text.slice(text.indexOf("{", text.indexOf("(userModule, ")), text.lastIndexOf(")")));
  return Object.fromEntries(table.environments.test.schedules.map((/** @type {any} */ s) => [s.cron, s.trigger]));
}

runContract("Cloudflare: links-ts's Terraform bundles", async () =>
  createCloudflareApp({
    api: (await load("cloudflare/bundle/test/api.mjs")).default,
    worker: (await load("cloudflare/bundle/test/worker.mjs")).default,
    triggers: triggers("cloudflare/wrangler/worker/entry.mjs"),
  }),
);

runContract("Cloudflare: links-ts's wrangler entries", async () =>
  createCloudflareApp({
    api: (await load("wrangler/api.mjs")).default,
    worker: (await load("wrangler/worker.mjs")).default,
    triggers: triggers("cloudflare/wrangler/worker/entry.mjs"),
  }),
);

runContract("AWS Lambda (moto_server): links-ts's zips", () =>
  createAwsApp({
    load: async () => ({ api: (await load("lambda/api/index.mjs")).handler, worker: (await load("lambda/worker/index.mjs")).handler }),
    rules: triggers("lambda/worker/index.mjs"),
  }),
);
