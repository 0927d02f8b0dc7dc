// @ts-check
/**
 * The dev host: every function of one environment of the app in one Node process, behind one
 * node:http server. Requests are routed by every function's routes with the core's router (404/405
 * exactly as deployed: a path some function declares, with another method, is 405 with Allow); the
 * owning function's fetch runs through the core's dispatch. Queues deliver to their consumer in
 * batches (queues.js); schedules run on demand (POST /__distlang/scheduled/<function>) and, with
 * `cron`, on their cron in local time (cron.js). Stores live in files under the state folder and
 * survive restarts. A change to a function's source or anything it imports reloads that function.
 */
import { createServer } from "node:http";
import { join } from "node:path";
import { compileRoutes, matchRoute } from "../../core/router.js";
import { encodeQueueBody } from "../../core/encoding.js";
import { FileKV } from "./kv-store.js";
import { FileBucket } from "./bucket-store.js";
import { FileQueue } from "./queue-store.js";
import { QueueDispatcher } from "./queues.js";
import { openDatabase } from "./database.js";
import { CronScheduler } from "./cron.js";
import { readDevVars, secretSource } from "./dev-vars.js";
import { ModuleLoader } from "./modules.js";
import { FileWatcher } from "./watch.js";
import { DevFunction } from "./functions.js";
import { invocationLine, hostLine } from "./log.js";
import { toRequest, writeResponse, writeJson } from "./http.js";

/**
 * @typedef {{name: string, kind: "kv" | "bucket" | "queue" | "database", maxRetries?: number, deadLetter?: string,
 *   consumer?: {function: string, batchSize: number}, migrations?: string}} ResourceManifest
 * @typedef {{format: number, app: string, environment: string, state: string, specDirectory?: string, devVars?: string,
 *   functions: import("./functions.js").FunctionManifest[], resources: ResourceManifest[]}} DevManifest
 * @typedef {{host?: string, port?: number, cron?: boolean, processEnv?: Record<string, string | undefined>,
 *   batchWindowMs?: number, pollMs?: number, log?: (line: string) => void}} HostOptions
 */

/** The path prefix of the host's own endpoints. */
export const CONTROL_PREFIX = "/__distlang/";

/** One loader per process: Node registers resolve hooks once. @type {ModuleLoader | undefined} */
let sharedLoader;

/**
 * Starts the host; resolves once it listens.
 * @param {DevManifest} manifest @param {HostOptions} [options]
 */
export async function startHost(manifest, options = {}) {
  if (manifest.format !== 1) throw new Error(`the dev manifest has format ${manifest.format}; this host reads format 1`);
  const log = options.log ?? hostLine;
  const width = Math.max(...manifest.functions.map((f) => f.name.length), 1);
  /** @param {Parameters<typeof invocationLine>[0]} entry */
  const logInvocation = (entry) => log(invocationLine(entry, width));
  const state = manifest.state;
  const secrets = secretSource(readDevVars(manifest.devVars), options.processEnv ?? process.env);

  // Stores, by resource name: the native handles the core limits by access.
  /** @type {Map<string, unknown>} */
  const natives = new Map();
  /** @type {Map<string, FileQueue>} */
  const queues = new Map();
  /** @type {Map<string, QueueDispatcher>} */
  const dispatchers = new Map();
  /** @type {{close(): void}[]} */
  const databases = [];
  for (const resource of manifest.resources) {
    switch (resource.kind) {
      case "kv":
        natives.set(resource.name, new FileKV({ dir: join(state, "kv", resource.name) }));
        break;
      case "bucket":
        natives.set(resource.name, new FileBucket({ dir: join(state, "buckets", resource.name) }));
        break;
      case "queue": {
        const queue = new FileQueue({ name: resource.name, dir: join(state, "queues", resource.name) });
        queues.set(resource.name, queue);
        if (resource.deadLetter) queues.set(resource.deadLetter, new FileQueue({ name: resource.deadLetter, dir: join(state, "queues", resource.deadLetter) }));
        natives.set(resource.name, producer(queue, () => dispatchers.get(resource.name)?.notify()));
        break;
      }
      case "database": {
        const db = await openDatabase({ resource: resource.name, file: join(state, "databases", `${resource.name}.sqlite`), migrations: resource.migrations, log });
        databases.push(db);
        natives.set(resource.name, db);
        break;
      }
    }
  }

  // Functions, loaded once now and again when a file they read changes.
  /** @type {Set<Promise<unknown>>} */
  const pending = new Set();
  const hooks = {
    waitUntil: (/** @type {Promise<unknown>} */ promise) => {
      pending.add(promise);
      promise.finally(() => pending.delete(promise));
    },
  };
  const loader = (sharedLoader ??= new ModuleLoader());
  /** @type {Map<string, DevFunction>} */
  const functions = new Map();
  for (const f of manifest.functions) {
    functions.set(f.name, new DevFunction({ manifest: f, environment: manifest.environment, loader, natives, secret: secrets, devVars: manifest.devVars, hooks, log }));
  }
  await Promise.all([...functions.values()].map((f) => f.load()));
  for (const f of functions.values()) {
    const missing = f.missingSecrets();
    if (missing.length > 0) log(`warning: function ${f.name}: ${missing.join(", ")} not set (.dev.vars or the environment); its calls fail until ${missing.length === 1 ? "it is" : "they are"}`);
  }

  // Queue deliveries.
  for (const resource of manifest.resources) {
    if (resource.kind !== "queue" || !resource.consumer) continue;
    const consumer = /** @type {DevFunction} */ (functions.get(resource.consumer.function));
    const queue = /** @type {FileQueue} */ (queues.get(resource.name));
    dispatchers.set(
      resource.name,
      new QueueDispatcher({
        queue,
        deadLetter: resource.deadLetter ? queues.get(resource.deadLetter) : undefined,
        batchSize: resource.consumer.batchSize,
        maxRetries: resource.maxRetries ?? 3,
        batchWindowMs: options.batchWindowMs,
        log,
        deliver: async (messages) => {
          const start = new Date();
          const t0 = performance.now();
          const outcome = await consumer.queue(messages);
          if (!("notReady" in outcome)) {
            const what = `${resource.name} ${messages.length} message${messages.length === 1 ? "" : "s"} (${outcome.acked.length} acked, ${outcome.retried.length} retried)`;
            logInvocation({ start, function: consumer.name, trigger: "queue", what, status: "error" in outcome ? "error" : "ok", ms: performance.now() - t0 });
          }
          return outcome;
        },
      }),
    );
  }

  // Reloading.
  const watcher = new FileWatcher({
    intervalMs: options.pollMs,
    onChange: (name, files) => void reload(name, files),
  });
  /** @type {Map<string, Promise<void>>} */
  const reloading = new Map();
  /** @param {string} name @param {string[]} files */
  async function reload(name, files) {
    const f = /** @type {DevFunction} */ (functions.get(name));
    const previous = reloading.get(name) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (await f.load()) log(`reloaded ${name} (${files.map((file) => relativeTo(manifest, file)).join(", ")} changed)`);
      watcher.set(name, loader.filesOf(f.tag));
      for (const [queueName, dispatcher] of dispatchers) {
        if (manifest.resources.find((r) => r.name === queueName)?.consumer?.function === name) dispatcher.resume();
      }
    });
    reloading.set(name, next);
    await next;
  }
  loader.onFile = (tag, file) => {
    for (const f of functions.values()) if (f.tag === tag) watcher.add(f.name, file);
  };
  for (const f of functions.values()) watcher.set(f.name, loader.filesOf(f.tag));

  // Schedules.
  /**
   * @param {DevFunction} f @param {string} cron @param {number} scheduledTime @param {string} how
   * @returns {Promise<{error?: unknown}>}
   */
  async function runScheduled(f, cron, scheduledTime, how) {
    const start = new Date();
    const t0 = performance.now();
    const result = await f.scheduled(cron, scheduledTime);
    logInvocation({ start, function: f.name, trigger: "scheduled", what: `${JSON.stringify(cron)} (${how})`, status: "error" in result ? "error" : "ok", ms: performance.now() - t0 });
    return result;
  }
  const scheduler = new CronScheduler({
    schedules: [...functions.values()].flatMap((f) => (f.spec.schedules ?? []).map((s) => ({ function: f.name, cron: s.cron }))),
    run: (name, cron, time) => void runScheduled(/** @type {DevFunction} */ (functions.get(name)), cron, time, "cron"),
  });

  // HTTP.
  /** @type {Map<string, DevFunction>} route key -> its function */
  const owners = new Map();
  for (const f of functions.values()) for (const key of f.spec.routes ?? []) owners.set(key, f);
  const routes = compileRoutes([...owners.keys()]);

  /** @param {import("node:http").IncomingMessage} incoming @param {import("node:http").ServerResponse} outgoing */
  async function handle(incoming, outgoing) {
    const start = new Date();
    const t0 = performance.now();
    const method = (incoming.method ?? "GET").toUpperCase();
    const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? `${options.host ?? "127.0.0.1"}`}`);
    if (url.pathname.startsWith(CONTROL_PREFIX) || url.pathname === CONTROL_PREFIX.slice(0, -1)) return control(incoming, outgoing, url);
    const found = matchRoute(routes, method, url.pathname);
    /** @type {Response} */
    let response;
    let who = "-";
    if (found.kind === "none") response = plain("Not Found", 404);
    else if (found.kind === "method") response = plain("Method Not Allowed", 405, { allow: found.allow.join(", ") });
    else {
      const f = /** @type {DevFunction} */ (owners.get(found.key));
      who = f.name;
      response = await f.fetch(await toRequest(incoming, url));
    }
    await writeResponse(outgoing, response, method === "HEAD").catch(() => {});
    logInvocation({ start, function: who, trigger: "http", what: `${method} ${url.pathname}${url.search}`, status: response.status, ms: performance.now() - t0 });
  }

  /** The host's own endpoints. @param {import("node:http").IncomingMessage} incoming @param {import("node:http").ServerResponse} outgoing @param {URL} url */
  async function control(incoming, outgoing, url) {
    const parts = url.pathname.slice(CONTROL_PREFIX.length).split("/").map(decodeURIComponent);
    const method = incoming.method ?? "GET";
    if ((parts[0] === "" || parts[0] === undefined) && method === "GET") {
      return writeJson(outgoing, 200, { app: manifest.app, environment: manifest.environment, pid: process.pid, functions: [...functions.keys()] });
    }
    if (parts[0] === "queues" && method === "GET") {
      if (parts.length === 1 || parts[1] === "") return writeJson(outgoing, 200, queueSummary());
      const queue = queues.get(parts[1]);
      if (!queue) return writeJson(outgoing, 404, { error: `no queue ${parts[1]} (queues: ${[...queues.keys()].join(", ") || "none"})` });
      return writeJson(outgoing, 200, { queue: queue.name, messages: queue.snapshot() });
    }
    if (parts[0] === "scheduled" && parts.length === 2) {
      if (method !== "POST") return writeJson(outgoing, 405, { error: "POST to run a schedule" });
      const f = functions.get(parts[1]);
      const schedules = f?.spec.schedules ?? [];
      if (!f || schedules.length === 0) {
        const scheduled = [...functions.values()].filter((g) => (g.spec.schedules ?? []).length > 0).map((g) => g.name);
        return writeJson(outgoing, 404, { error: `${f ? `function ${parts[1]} has no schedule` : `no function ${parts[1]}`} (functions with schedules: ${scheduled.join(", ") || "none"})` });
      }
      const cron = url.searchParams.get("cron") ?? schedules[0].cron;
      if (!schedules.some((s) => s.cron === cron)) {
        return writeJson(outgoing, 400, { error: `function ${f.name} has no schedule ${JSON.stringify(cron)} (it has ${schedules.map((s) => JSON.stringify(s.cron)).join(", ")})` });
      }
      const result = await runScheduled(f, cron, Date.now(), "on demand");
      const error = "error" in result ? (result.error instanceof Error ? result.error.message : String(result.error)) : undefined;
      return writeJson(outgoing, error ? 500 : 200, { function: f.name, cron, outcome: error ? "error" : "ok", ...(error ? { error } : {}) });
    }
    return writeJson(outgoing, 404, { error: `no such endpoint; the host's are GET ${CONTROL_PREFIX}queues[/<queue>] and POST ${CONTROL_PREFIX}scheduled/<function>` });
  }

  function queueSummary() {
    /** @type {Record<string, unknown>} */
    const summary = {};
    for (const [name, queue] of queues) {
      const resource = manifest.resources.find((r) => r.name === name);
      const deadLetterOf = manifest.resources.find((r) => r.deadLetter === name);
      const messages = queue.snapshot();
      summary[name] = {
        ...(resource?.consumer ? { consumer: resource.consumer.function, batchSize: resource.consumer.batchSize } : {}),
        ...(resource ? { maxRetries: resource.maxRetries ?? 3 } : {}),
        ...(resource?.deadLetter ? { deadLetter: resource.deadLetter } : {}),
        ...(deadLetterOf ? { deadLetterOf: deadLetterOf.name } : {}),
        messages: messages.length,
        ready: messages.filter((m) => m.state === "ready").length,
        delayed: messages.filter((m) => m.state === "delayed").length,
        delivering: messages.filter((m) => m.state === "delivering").length,
      };
    }
    return { queues: summary };
  }

  const server = createServer((incoming, outgoing) => {
    handle(incoming, outgoing).catch((error) => {
      log(`error: ${error instanceof Error ? error.stack : error}`);
      if (!outgoing.headersSent) writeJson(outgoing, 500, { error: "the dev host failed" });
      else outgoing.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8787, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve(undefined);
    });
  }).catch((error) => {
    for (const db of databases) db.close();
    throw error;
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  const url = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;

  watcher.start();
  for (const dispatcher of dispatchers.values()) dispatcher.notify();
  if (options.cron) scheduler.start();

  return {
    url,
    port: address.port,
    functions,
    queues,
    dispatchers,
    routes: [...owners].map(([key, f]) => ({ key, function: f.name })),
    /** Stops serving; waits (at most `graceMs`) for batches in flight and ctx.waitUntil work. */
    async close(graceMs = 2000) {
      scheduler.stop();
      watcher.stop();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections?.();
      const drained = Promise.all([closed, ...[...dispatchers.values()].map((d) => d.stop()), Promise.allSettled([...pending])]);
      let timer;
      await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      server.closeAllConnections?.();
      for (const db of databases) db.close();
    },
  };
}

/**
 * A queue producer on the durable queue: the body is stored as its JSON text (the core has checked
 * it is a JSON value within the limits); `notify` wakes the consumer's delivery.
 * @param {FileQueue} queue @param {() => void} notify
 */
function producer(queue, notify) {
  return {
    /** @param {unknown} body @param {{delaySeconds?: number}} [options] */
    async send(body, options) {
      queue.enqueue(encodeQueueBody(body, `queue ${queue.name}`), { delaySeconds: options?.delaySeconds });
      notify();
    },
    /** @param {{body: unknown, delaySeconds?: number}[]} messages @param {{delaySeconds?: number}} [options] */
    async sendBatch(messages, options) {
      for (const m of messages) queue.enqueue(encodeQueueBody(m.body, `queue ${queue.name}`), { delaySeconds: m.delaySeconds ?? options?.delaySeconds });
      notify();
    },
  };
}

/** @param {string} text @param {number} status @param {Record<string, string>} [headers] */
function plain(text, status, headers = {}) {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });
}

/** A path as the user wrote it: relative to the spec's folder when inside it. @param {DevManifest} manifest @param {string} file */
function relativeTo(manifest, file) {
  const base = manifest.specDirectory;
  return base && file.startsWith(`${base}/`) ? file.slice(base.length + 1) : file;
}
