// The dev host in process, driven over real HTTP: routing across functions (404/405 as deployed),
// env (vars, secrets, handles limited by access), queue delivery, schedules, reload after an edit.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startHost } from "../../src/adapters/dev/host.js";

const root = mkdtempSync(join(tmpdir(), "distlang-dev-host-"));
const write = (path, text) => {
  mkdirSync(join(root, path, ".."), { recursive: true });
  writeFileSync(join(root, path), text);
};

write("src/lib/answer.js", "export const answer = () => 'first';\n");
write(
  "src/api.js",
  `import { answer } from "./lib/answer.js";
export default {
  async fetch(request, env, ctx) {
    const { key, params } = ctx.route;
    if (key === "GET /answer") return new Response(answer());
    if (key === "GET /env") return Response.json({ keys: Object.keys(env).sort(), greeting: env.GREETING, canPut: "put" in env.CACHE });
    if (key === "PUT /cache/{key}") {
      try { await env.CACHE.put(params.key, "x"); return new Response("written"); }
      catch (error) { return new Response(error.message, { status: 403 }); }
    }
    if (key === "GET /files/*") return Response.json(params);
    if (key === "POST /jobs") { await env.JOBS.send(await request.json()); return new Response(null, { status: 202 }); }
    if (key === "GET /later") { ctx.waitUntil(new Promise((r) => setTimeout(r, 20)).then(() => env.STORE.put("later", "done"))); return new Response("soon"); }
    if (key === "GET /boom") throw new Error("boom");
    return new Response(key);
  },
};
`,
);
write("src/admin.js", `export default { async fetch(request, env, ctx) { return new Response("admin " + ctx.route.key); } };\n`);
write("src/billing.js", `export default { async fetch(request, env) { return new Response(env.TOKEN); } };\n`);
write(
  "src/worker.js",
  `export default {
  async queue(batch, env) { for (const m of batch.messages) await env.STORE.put("job:" + m.body.id, String(m.attempts)); },
  async scheduled(controller, env) { await env.STORE.put("cron", controller.cron); },
};
`,
);

const table = (fn, env) => ({ format: 1, app: "shop", function: fn, environments: { default: { vars: [], secrets: [], bindings: [], routes: [], schedules: [], ...env } } });
const binding = (name, resource, kind, access) => ({ name, resource, kind, access });
const manifest = {
  format: 1,
  app: "shop",
  environment: "default",
  state: join(root, ".distlang/dev/default"),
  specDirectory: root,
  functions: [
    {
      name: "api",
      source: join(root, "src/api.js"),
      vars: { GREETING: "hi" },
      table: table("api", {
        vars: ["GREETING"],
        bindings: [binding("CACHE", "cache", "kv", "read"), binding("JOBS", "jobs", "queue", "send"), binding("STORE", "store", "kv", "readwrite")],
        routes: ["GET /answer", "GET /env", "PUT /cache/{key}", "GET /files/*", "POST /jobs", "GET /later", "GET /boom", "GET /items/{id}", "ANY /any"],
      }),
    },
    { name: "admin", source: join(root, "src/admin.js"), vars: {}, table: table("admin", { routes: ["GET /items/special", "DELETE /items/{id}"] }) },
    { name: "billing", source: join(root, "src/billing.js"), vars: {}, table: table("billing", { secrets: [{ name: "TOKEN" }], routes: ["GET /billing"] }) },
    {
      name: "worker",
      source: join(root, "src/worker.js"),
      vars: {},
      table: table("worker", { bindings: [binding("STORE", "store", "kv", "write")], consumes: { queue: "jobs" }, schedules: [{ cron: "0 3 * * *", trigger: "0 3 * * *" }] }),
    },
  ],
  resources: [
    { name: "cache", kind: "kv" },
    { name: "store", kind: "kv" },
    { name: "jobs", kind: "queue", maxRetries: 1, consumer: { function: "worker", batchSize: 10 } },
  ],
};

const lines = [];
const host = await startHost(manifest, { port: 0, processEnv: {}, pollMs: 20, batchWindowMs: 5, log: (line) => lines.push(line) });
after(() => host.close(500));
const get = (path, init) => fetch(host.url + path, init);

async function until(check, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test("requests reach the function whose route fits best; 404 and 405 are the deployed answers", async () => {
  assert.equal(await (await get("/items/7")).text(), "GET /items/{id}");
  assert.equal(await (await get("/items/special")).text(), "admin GET /items/special");
  const head = await get("/items/7", { method: "HEAD" });
  assert.equal(head.status, 200);
  const wrong = await get("/items/7", { method: "POST" });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get("allow"), "DELETE, GET, HEAD", "the methods every function declares for the path");
  assert.equal(await wrong.text(), "Method Not Allowed");
  const missing = await get("/nope");
  assert.equal(missing.status, 404);
  assert.equal(await missing.text(), "Not Found");
  assert.deepEqual(await (await get("/files/a/b%20c")).json(), { "*": "a/b c" });
  assert.equal(await (await get("/any", { method: "PATCH" })).text(), "ANY /any");
  assert.ok(lines.some((l) => / - +http POST \/items\/7 405 \d+ms$/.test(l)), lines.join("\n"));
});

test("env has the declared vars and handles only, limited by access", async () => {
  assert.deepEqual(await (await get("/env")).json(), { keys: ["CACHE", "GREETING", "JOBS", "STORE"], greeting: "hi", canPut: false });
  const denied = await get("/cache/k", { method: "PUT" });
  assert.equal(denied.status, 403);
  assert.equal(await denied.text(), "env.CACHE.put: function api has read access to kv cache; put needs write (declare cache: readwrite in uses)");
});

test("a missing secret fails the calls that need it, saying where to set it", async () => {
  // billing declares TOKEN, which neither .dev.vars nor the environment has: it gets 500; the others are unaffected.
  const response = await get("/billing");
  assert.equal(response.status, 500);
  assert.ok(lines.some((l) => /warning: function billing: TOKEN not set/.test(l)));
});

test("a handler that throws answers 500; waitUntil work goes on after the response", async () => {
  assert.equal((await get("/boom")).status, 500);
  assert.equal(await (await get("/later")).text(), "soon");
  const store = host.functions.get("worker").natives.get("store");
  await until(async () => (await store.get("later")) === "done");
});

test("a message sent by api is delivered to worker; a schedule runs on demand", async () => {
  assert.equal((await get("/jobs", { method: "POST", body: JSON.stringify({ id: 42 }) })).status, 202);
  const store = host.functions.get("worker").natives.get("store");
  assert.equal(await until(() => store.get("job:42")), "1");
  const run = await get("/__distlang/scheduled/worker", { method: "POST" });
  assert.deepEqual(await run.json(), { function: "worker", cron: "0 3 * * *", outcome: "ok" });
  assert.equal(await store.get("cron"), "0 3 * * *");
  assert.equal((await get("/__distlang/scheduled/api", { method: "POST" })).status, 404);
  assert.equal((await get("/__distlang/scheduled/worker?cron=*+*+*+*+*", { method: "POST" })).status, 400);
  const queues = await (await get("/__distlang/queues")).json();
  assert.deepEqual(queues.queues.jobs, { consumer: "worker", batchSize: 10, maxRetries: 1, messages: 0, ready: 0, delayed: 0, delivering: 0 });
});

test("editing a file the function imports reloads it; a broken edit keeps the previous version serving", async () => {
  write("src/lib/answer.js", "export const answer = () => 'second';\n");
  await until(async () => (await (await get("/answer")).text()) === "second");
  assert.ok(lines.some((l) => l === "reloaded api (src/lib/answer.js changed)"), lines.join("\n"));
  write("src/lib/answer.js", "export const answer = () => {;\n");
  await until(() => lines.some((l) => /api: reload failed; still serving the previous version: SyntaxError/.test(l)));
  assert.equal(await (await get("/answer")).text(), "second");
  write("src/lib/answer.js", "export const answer = () => 'third';\n");
  await until(async () => (await (await get("/answer")).text()) === "third");
});
