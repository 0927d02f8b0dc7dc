// The contract against the Cloudflare Workers adapter, through the generated-style Worker entries,
// with in-memory bindings that follow Cloudflare's documented APIs (no workerd on this machine).
import { test } from "node:test";
import assert from "node:assert/strict";
import { runContract } from "./cases.js";
import { messageBatch, scheduledController, executionContext, memoryD1 } from "../support/cloudflare-bindings.js";
import { createCloudflareApp } from "../support/cloudflare-driver.js";
import { createWorker } from "../../src/adapters/cloudflare-workers/index.js";
import api from "../../fixtures/contract-app/entries/cloudflare-api.mjs";
import worker from "../../fixtures/contract-app/entries/cloudflare-worker.mjs";

/** The contract app on the generated-style Worker entries. */
const createCloudflare = () => createCloudflareApp({ api, worker });

runContract("Cloudflare Workers (documented binding APIs, in memory)", async () => createCloudflare());

test("Cloudflare: queue bodies are sent with contentType json; retry delays reach the native message", async () => {
  const cf = createCloudflare();
  await cf.fetch("POST", "/events", { body: JSON.stringify(["a", { b: 1 }]) });
  assert.deepEqual(cf.events.sent.map((m) => [m.contentType, m.serialized]), [["json", '"a"'], ["json", '{"b":1}']]);
  cf.events.sent.splice(0);
  const { batch, calls } = messageBatch("links-test-events", [{ id: "m1", body: { tag: "d", action: "retry", delaySeconds: 120 } }]);
  await worker.queue(batch, cf.workerEnv, executionContext());
  assert.deepEqual(calls, { m1: ["retry:120"] });
});

test("Cloudflare: waitUntil is handed to the Worker's own ExecutionContext (the response does not wait)", async () => {
  const cf = createCloudflare();
  const ctx = executionContext();
  const response = await api.fetch(new Request("https://x/later", { method: "POST" }), cf.apiEnv, ctx);
  assert.equal(response.status, 202);
  assert.equal(ctx.promises.length, 1);
  assert.equal(await cf.stores.links.get("later"), null, "not yet written when the response is returned");
  await ctx.settled();
  assert.equal(await cf.stores.links.get("later"), "done after the response");
});

test("Cloudflare: a missing secret or an unknown DISTLANG_ENV fails with a message naming it", async (t) => {
  const log = t.mock.method(console, "error", () => {});
  const cf = createCloudflare();
  const { API_TOKEN, ...noSecret } = cf.apiEnv;
  assert.equal((await api.fetch(new Request("https://x/whoami"), noSecret, executionContext())).status, 500);
  assert.match(log.mock.calls[0].arguments[0], /function api: secret API_TOKEN is not set/);
  await assert.rejects(worker.scheduled(scheduledController("0 3 * * MON", 0), { ...cf.workerEnv, DISTLANG_ENV: "dev" }, executionContext()), /DISTLANG_ENV is "dev", but the function exists only in prod, test/);
  await assert.rejects(worker.scheduled(scheduledController("0 3 * * MON", 0), { SEEN: cf.stores.seen }, executionContext()), /set DISTLANG_ENV to one of prod, test/);
});

test("Cloudflare: a cron no schedule lists is refused when the function has several", async (t) => {
  t.mock.method(console, "error", () => {});
  const cf = createCloudflare();
  await assert.rejects(worker.scheduled(scheduledController("0 4 * * *", 0), cf.workerEnv, executionContext()), /came from "0 4 \* \* \*", which none of its schedules/);
});

test("Cloudflare: a database with read access runs reads through D1 and refuses writes before D1 sees them", async () => {
  const d1 = memoryD1((sql, params) => (sql.startsWith("SELECT") ? [{ id: params[0] ?? 1, name: "lamp" }] : []));
  const catalog = createWorker(
    {
      default: {
        async fetch(request, env) {
          const one = await env.CATALOG.prepare("SELECT id, name FROM products WHERE id = ?").bind(7).first();
          const [all] = await env.CATALOG.batch([env.CATALOG.prepare("SELECT * FROM products")]);
          let refused;
          try {
            env.CATALOG.prepare("UPDATE products SET name = ? WHERE id = ?");
          } catch (error) {
            refused = `${error.name}: ${error.message}`;
          }
          return Response.json({ one, count: all.results.length, refused });
        },
      },
    },
    { format: 1, app: "shop", function: "catalog", environments: { default: { routes: ["GET /"], bindings: [{ name: "CATALOG", resource: "catalog", kind: "database", access: "read" }] } } },
  );
  const response = await catalog.fetch(new Request("https://x/"), { CATALOG: d1 }, executionContext());
  assert.deepEqual(await response.json(), {
    one: { id: 7, name: "lamp" },
    count: 1,
    refused: 'AccessError: env.CATALOG.prepare: function catalog has read access to database catalog; "UPDATE products SET name = ? WHERE id = ?" is not a read-only statement, which needs write (declare catalog: readwrite in uses)',
  });
  assert.deepEqual(d1.executed.map((e) => e.sql), ["SELECT id, name FROM products WHERE id = ?", "SELECT * FROM products"]);
});
