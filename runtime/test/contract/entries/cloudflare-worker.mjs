// Generated-style Worker entry of function worker (dist/cloudflare/wrangler/worker/entry.mjs).
import * as userModule from "../app/src/worker.js";
import { createWorker } from "../../../src/adapters/cloudflare-workers/index.js";

const environment = {
  bindings: [{ name: "SEEN", resource: "seen", kind: "kv", access: "write" }],
  consumes: { queue: "events" },
  schedules: [
    { cron: "0 3 * * 1", trigger: "0 3 * * MON" },
    { cron: "*/15 * * * *", trigger: "*/15 * * * *" },
  ],
};

export default createWorker(userModule, {
  format: 1,
  app: "links",
  function: "worker",
  environments: { prod: environment, test: environment },
});
