// The runtime's contract (runtime/test/contract/cases.js) on a built app: examples/links-ts, the
// contract app (runtime/fixtures/contract-app) written in TypeScript, built by `distlang build`
// (BuiltAppTests prepares the folder named by DISTLANG_BUILT_APP and runs this file with node --test):
//   dist/                    the build
//   lambda/<function>/       dist/aws/code/<function>.zip, unzipped: what Lambda runs
//   wrangler/<function>.mjs  dist/cloudflare/wrangler/<function>/entry.mjs bundled as wrangler does
// AWS: the zips' entries get API Gateway v2, SQS and EventBridge events against moto_server; Cloudflare:
// the bundles Cloudflare's Terraform uploads, and the wrangler entries, get requests, batches and
// scheduled events with the documented binding APIs in memory. The same cases the JavaScript app passes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runContract } from "../../../../runtime/test/contract/cases.js";
import { createAwsApp } from "../../../../runtime/test/support/aws-driver.js";
import { createCloudflareApp } from "../../../../runtime/test/support/cloudflare-driver.js";

const built = process.env.DISTLANG_BUILT_APP;
if (!built) throw new Error("set DISTLANG_BUILT_APP to the folder BuiltAppTests prepares");

/** @param {string} path */
const load = (path) => import(pathToFileURL(join(built, path)).href);

/** The function table a generated entry hands its adapter (the JSON after `(userModule, `). */
function tableOf(path) {
  const text = readFileSync(join(built, path), "utf8");
  return JSON.parse(text.slice(text.indexOf("{", text.indexOf("(userModule, ")), text.lastIndexOf(")")));
}

/** What the platform reports for each spec cron of environment test (the table's triggers). */
const triggers = (path) => Object.fromEntries(tableOf(path).environments.test.schedules.map((s) => [s.cron, s.trigger]));

runContract("Cloudflare: the TypeScript app's Terraform bundles", async () =>
  createCloudflareApp({
    api: (await load("dist/cloudflare/bundle/test/api.mjs")).default,
    worker: (await load("dist/cloudflare/bundle/test/worker.mjs")).default,
    triggers: triggers("dist/cloudflare/wrangler/worker/entry.mjs"),
  }),
);

runContract("Cloudflare: the TypeScript app's wrangler entries", async () =>
  createCloudflareApp({
    api: (await load("wrangler/api.mjs")).default,
    worker: (await load("wrangler/worker.mjs")).default,
    triggers: triggers("dist/cloudflare/wrangler/worker/entry.mjs"),
  }),
);

runContract("AWS Lambda (moto_server): the TypeScript app's zips", () =>
  createAwsApp({
    load: async () => ({ api: (await load("lambda/api/index.mjs")).handler, worker: (await load("lambda/worker/index.mjs")).handler }),
    rules: triggers("lambda/worker/index.mjs"),
  }),
);
