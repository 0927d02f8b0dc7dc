// @ts-check
/**
 * The contract driver for Cloudflare (cases.js): the contract app's Worker entries (any module with
 * the Worker's `fetch`, `queue` and `scheduled`: the generated-style fixtures, or a build's bundles)
 * invoked the way the Workers runtime would, with in-memory bindings that follow Cloudflare's
 * documented APIs (no workerd on this machine), and every effect inspected in those bindings.
 */
import assert from "node:assert/strict";
import { MemoryKV, MemoryR2, MemoryQueue, messageBatch, scheduledController, executionContext } from "./cloudflare-bindings.js";

/** The crons Cloudflare reports for the spec's crons (the table's `trigger`s). */
export const TRIGGERS = { "0 3 * * 1": "0 3 * * MON", "*/15 * * * *": "*/15 * * * *" };

/**
 * @param {{api: any, worker: any, triggers?: Record<string, string>}} entries the Workers of functions
 *   api and worker, and the cron Cloudflare reports for each spec cron (default TRIGGERS)
 */
export function createCloudflareApp({ api, worker, triggers = TRIGGERS }) {
  /** @type {Record<string, any>} */
  const stores = { links: new MemoryKV(), audit: new MemoryKV(), seen: new MemoryKV(), files: new MemoryR2() };
  const events = new MemoryQueue("links-test-events");
  const apiEnv = { DISTLANG_ENV: "test", GREETING: "hello", API_TOKEN: "s3cret-token", LINKS: stores.links, AUDIT: stores.audit, FILES: stores.files, EVENTS: events, UNDECLARED: new MemoryKV() };
  const workerEnv = { DISTLANG_ENV: "test", SEEN: stores.seen };
  return {
    stores,
    events,
    apiEnv,
    workerEnv,
    /** @param {string} method @param {string} path @param {{headers?: Record<string, string>, body?: string | Uint8Array}} [init] */
    async fetch(method, path, init = {}) {
      const ctx = executionContext();
      const response = await api.fetch(new Request(`https://links.example.workers.dev${path}`, { method, headers: init.headers, body: init.body }), apiEnv, ctx);
      await ctx.settled(); // the Workers runtime keeps the isolate for waitUntil work
      return response;
    },
    async deliverSent() {
      const sent = events.sent.splice(0);
      const { batch, calls } = messageBatch(events.name, sent);
      const ctx = executionContext();
      try {
        await worker.queue(batch, workerEnv, ctx);
      } catch {
        /* a throwing handler: Cloudflare retries what was not acked, which the calls show */
      }
      await ctx.settled();
      /** @type {unknown[]} */
      const acked = [];
      /** @type {unknown[]} */
      const retried = [];
      batch.messages.forEach((m) => {
        assert.equal(calls[m.id].length, 1, "the adapter decides each message exactly once");
        (calls[m.id][0] === "ack" ? acked : retried).push(m.body);
      });
      return { acked, retried };
    },
    /** @param {string} cron @param {number} scheduledTime */
    async schedule(cron, scheduledTime) {
      const ctx = executionContext();
      let failed = false;
      try {
        await worker.scheduled(scheduledController(triggers[cron], scheduledTime), workerEnv, ctx);
      } catch {
        failed = true;
      }
      await ctx.settled();
      return { failed };
    },
    /** @param {{kind: string, resource: string, key: string}[]} items */
    async peek(items) {
      return Promise.all(
        items.map(async ({ kind, resource, key }) => {
          if (kind === "kv") return stores[resource].get(key);
          const object = await stores[resource].get(key);
          if (!object) return null;
          return { base64: Buffer.from(await object.arrayBuffer()).toString("base64"), contentType: object.httpMetadata.contentType, owner: object.customMetadata.owner };
        }),
      );
    },
    async close() {},
  };
}
