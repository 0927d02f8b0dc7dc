// Generated-style Worker entry of function api (what the build writes to
// dist/cloudflare/wrangler/api/entry.mjs, with the runtime imported from this repository).
import * as userModule from "../app/src/api.js";
import { createWorker } from "../../../src/adapters/cloudflare-workers/index.js";

const routes = [
  "GET /links", "GET /links/{code}", "PUT /links/{code}", "DELETE /links/{code}", "PUT /files/*", "GET /files/*",
  "POST /events", "GET /whoami", "GET /audit/{op}", "POST /limits/{what}", "POST /later", "GET /boom",
  "GET /cookies", "GET /bytes",
];
const environment = {
  vars: ["GREETING"],
  secrets: [{ name: "API_TOKEN" }],
  bindings: [
    { name: "AUDIT", resource: "audit", kind: "kv", access: "read" },
    { name: "EVENTS", resource: "events", kind: "queue", access: "send" },
    { name: "FILES", resource: "files", kind: "bucket", access: "readwrite" },
    { name: "LINKS", resource: "links", kind: "kv", access: "readwrite" },
  ],
  routes,
};

export default createWorker(userModule, {
  format: 1,
  app: "links",
  function: "api",
  environments: { prod: environment, test: environment },
});
