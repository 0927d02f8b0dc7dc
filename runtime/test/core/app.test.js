import { test } from "node:test";
import assert from "node:assert/strict";
import { createApp, buildEnv, collectWaitUntil } from "../../src/core/app.js";
import { ConfigError } from "../../src/core/errors.js";

const table = {
  format: 1,
  app: "shop",
  function: "api",
  environments: {
    staging: {
      vars: ["CURRENCY"],
      routes: ["GET /links/{code}", "POST /links"],
      consumes: { queue: "orders" },
      schedules: [{ cron: "0 3 * * 1", trigger: "rule-a" }, { cron: "*/5 * * * *", trigger: "rule-b" }],
    },
    production: { routes: ["GET /links/{code}"] },
  },
};

const quiet = (t) => t.mock.method(console, "error", () => {});

test("the environment is DISTLANG_ENV's, else the only one; anything else is a clear error", () => {
  const app = createApp({ default: { fetch() {}, queue() {}, scheduled() {} } }, table);
  assert.equal(app.chooseEnvironment("production"), "production");
  assert.throws(() => app.chooseEnvironment(undefined), /set DISTLANG_ENV to one of staging, production/);
  assert.throws(() => app.chooseEnvironment("dev"), /DISTLANG_ENV is "dev", but the function exists only in staging, production/);
  const single = createApp({ default: {} }, { ...table, environments: { only: {} } });
  assert.equal(single.chooseEnvironment(""), "only");
});

test("a module without a default export, or without a method its triggers need, fails naming it", () => {
  assert.throws(() => createApp({ handler() {} }, table), (e) => e instanceof ConfigError && /function api: its module has no default export/.test(e.message));
  const app = createApp({ default: { fetch() {} } }, table);
  assert.throws(() => app.environment("staging"), /environment staging\): the module's default export has no queue method \(needed by its queue orders\) and no scheduled method \(needed by its schedule\)/);
  assert.doesNotThrow(() => app.environment("production"));
  assert.throws(() => createApp({ default: {} }, { ...table, format: 2 }), /format 2 is not supported/);
});

test("fetch: routes, params in ctx.route, 404, 405 with Allow", async () => {
  const seen = [];
  const app = createApp({ default: { fetch: (req, env, ctx) => (seen.push([req.method, ctx.route, env.X]), new Response("ok")), queue() {}, scheduled() {} } }, table);
  const dispatch = app.environment("staging");
  const hooks = { waitUntil() {} };
  const ok = await dispatch.fetch(new Request("https://h/links/a%2Fb"), { X: "1" }, hooks);
  assert.equal(await ok.text(), "ok");
  assert.deepEqual(seen, [["GET", { key: "GET /links/{code}", params: { code: "a/b" } }, "1"]]);
  const missing = await dispatch.fetch(new Request("https://h/nowhere"), {}, hooks);
  assert.equal(missing.status, 404);
  const wrong = await dispatch.fetch(new Request("https://h/links", { method: "PUT" }), {}, hooks);
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get("allow"), "POST");
  assert.equal(seen.length, 1, "404 and 405 never reach the handler");
});

test("fetch: a throw or a non-Response is a logged 500", async (t) => {
  const log = quiet(t);
  for (const fetch of [() => { throw new Error("boom"); }, () => "not a response", async () => undefined]) {
    const app = createApp({ default: { fetch } }, { ...table, environments: { p: { routes: ["GET /"] } } });
    const response = await app.environment("p").fetch(new Request("https://h/"), {}, { waitUntil() {} });
    assert.equal(response.status, 500);
  }
  assert.match(log.mock.calls[0].arguments[0], /function api: fetch failed: Error: boom/);
  assert.match(log.mock.calls[1].arguments[0], /fetch returned string, not a Response/);
  assert.match(log.mock.calls[2].arguments[0], /fetch returned nothing/);
});

test("waitUntil: collected promises are settled, those added while settling too; failures are logged", async (t) => {
  const log = quiet(t);
  const done = [];
  const app = createApp({
    default: {
      fetch(req, env, ctx) {
        ctx.waitUntil(new Promise((r) => setTimeout(r, 20)).then(() => {
          done.push("slow");
          ctx.waitUntil(Promise.resolve().then(() => done.push("nested")));
        }));
        ctx.waitUntil(Promise.reject(new Error("lost")));
        return new Response("ok");
      },
    },
  }, { ...table, environments: { p: { routes: ["GET /"] } } });
  const waits = collectWaitUntil();
  const response = await app.environment("p").fetch(new Request("https://h/"), {}, waits.hooks);
  assert.equal(response.status, 200);
  assert.deepEqual(done, []);
  await waits.settle();
  assert.deepEqual(done, ["slow", "nested"]);
  assert.match(log.mock.calls[0].arguments[0], /ctx\.waitUntil: a promise failed: Error: lost/);
});

test("queue: the batch has the spec's queue name; a throw retries what was not acked", async (t) => {
  quiet(t);
  const messages = [1, 2].map((n) => ({ id: `m${n}`, timestamp: new Date(), attempts: n, body: n }));
  const app = createApp({ default: { fetch() {}, scheduled() {}, queue(batch) { assert.equal(batch.queue, "orders"); batch.messages[0].ack(); throw new Error("half done"); } } }, table);
  const outcome = await app.environment("staging").queue(messages, {}, { waitUntil() {} });
  assert.deepEqual(outcome.acked.map((d) => d.id), ["m1"]);
  assert.deepEqual(outcome.retried.map((d) => d.id), ["m2"]);
  assert.match(String(outcome.error), /half done/);
});

test("scheduled: the platform's trigger maps to the spec's cron; noRetry is reported", async () => {
  const seen = [];
  const app = createApp({ default: { fetch() {}, queue() {}, scheduled(c) { seen.push([c.cron, c.scheduledTime, c.type]); c.noRetry(); } } }, table);
  let native = 0;
  const result = await app.environment("staging").scheduled({ trigger: "rule-b", scheduledTime: 1234, noRetry: () => native++ }, {}, { waitUntil() {} });
  assert.deepEqual(seen, [["*/5 * * * *", 1234, "scheduled"]]);
  assert.deepEqual(result, { noRetry: true });
  assert.equal(native, 1);
  await assert.rejects(app.environment("staging").scheduled({ trigger: "rule-x", scheduledTime: 0 }, {}, { waitUntil() {} }), /came from "rule-x", which none of its schedules \(0 3 \* \* 1, \*\/5 \* \* \* \*\) uses/);
});

test("buildEnv: vars and secrets as strings, every missing one named, handles limited", () => {
  const spec = { vars: ["A", "B"], secrets: [{ name: "S" }], bindings: [{ name: "KV", resource: "kv-one", kind: "kv", access: "read" }] };
  const env = buildEnv(spec, "api", { var: (n) => (n === "A" ? 3 : "b"), secret: () => "s3cret", handle: () => ({ get: async () => "v" }) });
  assert.deepEqual(Object.keys(env), ["A", "B", "S", "KV"]);
  assert.equal(env.A, "3");
  assert.equal("put" in env.KV, false);
  assert.throws(() => buildEnv(spec, "api", { var: () => undefined, secret: () => undefined, handle: () => ({}) }), /function api: variable A, variable B, secret S are not set/);
  assert.throws(() => buildEnv(spec, "api", { var: () => "x", secret: () => "y", handle: () => undefined }), /the kv kv-one \(env\.KV\) is not bound/);
});
