// @ts-check
/**
 * Cloudflare for a built example. There is no workerd on this machine: each Worker is the build's
 * esbuild bundle (`cloudflare/bundle/<environment>/<function>.mjs`, what Terraform uploads), loaded
 * in Node and called the way the Workers runtime calls a module Worker (`fetch(request, env, ctx)`,
 * `queue(batch, env, ctx)`, `scheduled(controller, env, ctx)`), with the `env` its wrangler.toml
 * describes: [vars], the secrets it requires (the test's values), and bindings from
 * runtime/test/support/cloudflare-bindings.js, written from Cloudflare's documented KV, R2 and
 * Queues APIs. Workers that bind the same namespace, bucket or queue share one store. Queue
 * consumers follow their wrangler.toml: max_batch_size, max_retries, then dead_letter_queue.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { MemoryKV, MemoryR2, MemoryQueue, messageBatch, scheduledController, executionContext } from "../../../runtime/test/support/cloudflare-bindings.js";
import { sqliteD1 } from "./sqlite-d1.js";

/** wrangler.toml files as JSON (Python's tomllib: a TOML 1.0 reader). @param {string[]} files */
function readToml(files) {
  const script = "import json, sys, tomllib\nprint(json.dumps([tomllib.load(open(f, 'rb')) for f in sys.argv[1:]]))";
  return JSON.parse(execFileSync("python3", ["-c", script, ...files], { encoding: "utf8" }));
}

/** @param {any} config @param {string} environment the configuration wrangler deploys for `--env environment` */
function sectionFor(config, environment) {
  return config.env?.[environment] ? { ...config, ...config.env[environment] } : config;
}

const CONSOLE_METHODS = /** @type {const} */ (["log", "info", "warn", "error", "debug"]);

/**
 * @param {import("./build.js").Build} build
 * @param {import("./platform.js").StartOptions} options
 * @returns {Promise<import("./platform.js").Platform>}
 */
export async function startCloudflare(build, options) {
  const environment = options.environment ?? "default";
  const model = build.environment(environment);
  const functions = model.functions.filter((f) => f.physical.cloudflare);
  const folders = functions.map((f) => join(build.out, "cloudflare/wrangler", f.name));
  const configs = readToml(folders.map((folder) => join(folder, "wrangler.toml"))).map((c) => sectionFor(c, environment));

  /** One store per namespace (by id, else binding name), bucket, queue and database. */
  const stores = { kv: new Map(), r2: new Map(), queues: new Map(), d1: new Map() };
  /** @template T @param {Map<string, T>} map @param {string} key @param {() => T} make @returns {T} */
  const shared = (map, key, make) => {
    if (!map.has(key)) map.set(key, make());
    return /** @type {T} */ (map.get(key));
  };
  /** @type {Map<string, {worker: any, env: Record<string, unknown>, config: any, log: string[]}>} */
  const workers = new Map();
  for (const [i, fn] of functions.entries()) {
    const config = configs[i];
    /** @type {Record<string, unknown>} */
    const env = { ...(config.vars ?? {}) };
    for (const name of Object.keys(options.variables ?? {})) if (name in env) env[name] = /** @type {any} */ (options.variables)[name];
    for (const name of config.secrets?.required ?? []) if (options.secrets?.[name] !== undefined) env[name] = options.secrets[name];
    for (const kv of config.kv_namespaces ?? []) env[kv.binding] = shared(stores.kv, kv.id ?? kv.binding, () => new MemoryKV());
    for (const r2 of config.r2_buckets ?? []) env[r2.binding] = shared(stores.r2, r2.bucket_name, () => new MemoryR2());
    for (const q of config.queues?.producers ?? []) env[q.binding] = shared(stores.queues, q.queue, () => new MemoryQueue(q.queue));
    for (const db of config.d1_databases ?? []) {
      const migrations = resolve(folders[i], db.migrations_dir ?? "migrations");
      env[db.binding] = shared(stores.d1, db.database_name, () => sqliteD1({ migrations }));
    }
    const bundle = join(build.out, "cloudflare/bundle", environment, `${fn.name}.mjs`);
    if (!existsSync(bundle)) throw new Error(`the build wrote no bundle ${bundle}`);
    // Without nodejs_compat, workerd has no Node built-ins: the bundle may import none.
    const imports = [...readFileSync(bundle, "utf8").matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2]);
    const builtins = imports.filter((s) => s.startsWith("node:"));
    if (builtins.length > 0 && !(config.compatibility_flags ?? []).includes("nodejs_compat")) {
      throw new Error(`the bundle of ${fn.name} imports ${builtins.join(", ")} without nodejs_compat`);
    }
    const worker = (await import(pathToFileURL(bundle).href)).default;
    workers.set(fn.name, { worker, env, config, log: [] });
  }
  if (stores.d1.size > 0) await Promise.all([...stores.d1.values()].map((db) => db.ready));

  /** @param {string} name */
  const workerOf = (name) => {
    const found = workers.get(name);
    if (!found) throw new Error(`${build.example} has no Worker for function ${name} in ${environment}`);
    return found;
  };

  /**
   * Runs one invocation with the Worker's console captured and its waitUntil work awaited.
   * @template T @param {string} name @param {(ctx: ReturnType<typeof executionContext>) => Promise<T>} call
   */
  async function invoke(name, call) {
    const { log } = workerOf(name);
    const originals = CONSOLE_METHODS.map((method) => console[method]);
    for (const method of CONSOLE_METHODS) console[method] = (...args) => void log.push(args.map((a) => (a instanceof Error ? a.stack : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    const ctx = executionContext();
    try {
      return await call(ctx);
    } finally {
      await ctx.settled();
      CONSOLE_METHODS.forEach((method, i) => (console[method] = originals[i]));
    }
  }

  /** @param {string} queue the spec's name */
  function consumerOf(queue) {
    const resource = model.resources.find((r) => r.name === queue && r.type === "queue");
    const physical = resource?.physical.cloudflare;
    for (const [name, { config }] of workers) {
      const consumer = (config.queues?.consumers ?? []).find((/** @type {any} */ c) => c.queue === physical);
      if (consumer) return { name, consumer, queue: shared(stores.queues, consumer.queue, () => new MemoryQueue(consumer.queue)) };
    }
    throw new Error(`no Worker consumes queue ${queue} (${physical})`);
  }

  /** @param {string} name @param {"kv" | "bucket" | "queue"} type */
  const resourceOf = (name, type) => {
    const found = model.resources.find((r) => r.name === name && r.type === type);
    if (!found) throw new Error(`${build.example} has no ${type} ${name}`);
    return found;
  };

  return {
    platform: "cloudflare",
    label: "Cloudflare Workers (the esbuild bundles, bindings of Cloudflare's documented APIs in memory)",

    fetch(fn, method, target, init = {}) {
      const { worker, env, config } = workerOf(fn);
      const request = new Request(`https://${config.name}.examples.workers.dev${target}`, { method, headers: init.headers, body: init.body });
      return invoke(fn, (ctx) => worker.fetch(request, env, ctx));
    },

    async deliver(queue) {
      const { name, consumer, queue: store } = consumerOf(queue);
      const taken = store.sent.splice(0, consumer.max_batch_size ?? 10);
      if (taken.length === 0) return { received: [], acked: [], retried: [], threw: false };
      const { batch, calls } = messageBatch(store.name, taken);
      const { worker, env } = workerOf(name);
      let threw = false;
      await invoke(name, async (ctx) => {
        try {
          await worker.queue(batch, env, ctx);
        } catch {
          threw = true;
        }
      });
      const outcome = { received: batch.messages.map((m) => ({ body: m.body, attempts: m.attempts })), acked: /** @type {unknown[]} */ ([]), retried: /** @type {unknown[]} */ ([]), threw };
      taken.forEach((message, i) => {
        const last = calls[batch.messages[i].id].at(-1) ?? (threw ? "retry" : "ack");
        const body = batch.messages[i].body;
        if (last === "ack") return void outcome.acked.push(body);
        outcome.retried.push(body);
        // max_retries retries after the first delivery, then the dead-letter queue (or nothing).
        if (message.attempts > (consumer.max_retries ?? 3)) {
          if (consumer.dead_letter_queue) shared(stores.queues, consumer.dead_letter_queue, () => new MemoryQueue(consumer.dead_letter_queue)).sent.push({ ...message, attempts: 1 });
        } else store.sent.push({ ...message, attempts: message.attempts + 1 });
      });
      return outcome;
    },

    async deadLetters(queue) {
      const dlq = resourceOf(queue, "queue").deadLetter?.cloudflare;
      if (!dlq) throw new Error(`queue ${queue} has no dead-letter queue`);
      return stores.queues.get(dlq)?.bodies() ?? [];
    },

    async send(queue, body) {
      await consumerOf(queue).queue.send(body, { contentType: typeof body === "string" ? "text" : "json" });
    },

    async schedule(fn, cron, scheduledTime) {
      const { worker, env, config } = workerOf(fn);
      if (!(config.triggers?.crons ?? []).includes(cron)) throw new Error(`${fn} has no Cron Trigger ${cron} (it has ${config.triggers?.crons})`);
      try {
        await invoke(fn, (ctx) => worker.scheduled(scheduledController(cron, scheduledTime), env, ctx));
        return { failed: false };
      } catch (error) {
        return { failed: true, error: /** @type {Error} */ (error).message };
      }
    },

    kv(name) {
      const binding = resourceOf(name, "kv").binding;
      const kv = /** @type {MemoryKV} */ (shared(stores.kv, binding, () => new MemoryKV()));
      return {
        get: (key) => kv.get(key),
        put: (key, value, put = {}) => kv.put(key, value, put),
        putMany: async (items) => {
          for (const { key, value, metadata } of items) await kv.put(key, value, { metadata });
        },
        async keys(prefix = "") {
          const names = [];
          let cursor;
          do {
            const page = await kv.list({ prefix, cursor });
            names.push(...page.keys.map((k) => k.name));
            cursor = page.list_complete ? undefined : page.cursor;
          } while (cursor);
          return names;
        },
      };
    },

    bucket(name) {
      const bucketName = /** @type {string} */ (resourceOf(name, "bucket").physical.cloudflare);
      const r2 = /** @type {MemoryR2} */ (shared(stores.r2, bucketName, () => new MemoryR2()));
      return {
        async get(key) {
          const object = await r2.get(key);
          if (object === null) return null;
          const bytes = Buffer.from(await object.arrayBuffer());
          return { bytes, text: bytes.toString("utf8"), contentType: object.httpMetadata.contentType, customMetadata: object.customMetadata };
        },
        put: async (key, body, put = {}) => void (await r2.put(key, body, { httpMetadata: { contentType: put.contentType }, customMetadata: put.customMetadata })),
        async keys(prefix = "") {
          const keys = [];
          let cursor;
          do {
            const page = await r2.list({ prefix, cursor });
            keys.push(...page.objects.map((o) => o.key));
            cursor = page.truncated ? page.cursor : undefined;
          } while (cursor);
          return keys;
        },
        async fail() {
          // An outage: every call on the bucket fails as R2 does on an internal error.
          const methods = /** @type {const} */ (["head", "get", "put", "delete", "list"]);
          const saved = methods.map((m) => r2[m]);
          for (const m of methods) /** @type {any} */ (r2)[m] = async () => {
            throw new Error(`${m}: We encountered an internal error. Please try again. (10001)`);
          };
          return async () => methods.forEach((m, i) => (/** @type {any} */ (r2)[m] = saved[i]));
        },
      };
    },

    logs: (fn) => workerOf(fn).log.join("\n"),
    database(name) {
      const found = model.resources.find((r) => r.name === name && r.type === "database");
      const db = found?.physical.cloudflare ? stores.d1.get(found.physical.cloudflare) : undefined;
      if (!db) throw new Error(`${build.example} has no database ${name} bound in ${environment}`);
      return db;
    },
    async close() {
      await Promise.all([...stores.d1.values()].map((db) => db.close()));
    },
  };
}
