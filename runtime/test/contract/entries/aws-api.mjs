// Generated-style Lambda entry of function api (what the build writes to dist/aws/code/api/index.mjs,
// with the runtime imported from this repository instead of ./_distlang/runtime).
import * as userModule from "../app/src/api.js";
import { createHandler } from "../../../src/adapters/aws-lambda/index.js";

const routes = [
  "GET /links", "GET /links/{code}", "PUT /links/{code}", "DELETE /links/{code}", "PUT /files/*", "GET /files/*",
  "POST /events", "GET /whoami", "GET /audit/{op}", "POST /limits/{what}", "POST /later", "GET /boom",
  "GET /cookies", "GET /bytes",
];
const environment = {
  vars: ["GREETING"],
  secrets: [{ name: "API_TOKEN", variable: "API_TOKEN_SECRET_ARN" }],
  bindings: [
    { name: "AUDIT", resource: "audit", kind: "kv", access: "read", variable: "AUDIT_TABLE" },
    { name: "EVENTS", resource: "events", kind: "queue", access: "send", variable: "EVENTS_QUEUE_URL" },
    { name: "FILES", resource: "files", kind: "bucket", access: "readwrite", variable: "FILES_BUCKET" },
    { name: "LINKS", resource: "links", kind: "kv", access: "readwrite", variable: "LINKS_TABLE" },
  ],
  routes,
  fallbackRoutes: ["POST /admin/reindex"],
};

export const handler = createHandler(userModule, {
  format: 1,
  app: "links",
  function: "api",
  environments: { prod: environment, test: environment },
});
