// Generated-style Lambda entry of function worker (dist/aws/code/worker/index.mjs).
import * as userModule from "../app/src/worker.js";
import { createHandler } from "../../../src/adapters/aws-lambda/index.js";

const environment = (env) => ({
  bindings: [{ name: "SEEN", resource: "seen", kind: "kv", access: "write", variable: "SEEN_TABLE" }],
  consumes: { queue: "events" },
  schedules: [
    { cron: "0 3 * * 1", trigger: `links-${env}-worker-5d1c0e7a` },
    { cron: "*/15 * * * *", trigger: `links-${env}-worker-9b20f3c4` },
  ],
});

export const handler = createHandler(userModule, {
  format: 1,
  app: "links",
  function: "worker",
  environments: { prod: environment("prod"), test: environment("test") },
});
