// @ts-check
/**
 * The behaviour every platform must show, written once and run against each adapter through a driver
 * (cloudflare.test.js, aws.test.js). A driver invokes the generated-style entries with the platform's
 * own event shapes and inspects the platform's state independently of the runtime:
 *
 *   fetch(method, path, {headers?, body?}) -> Response      one request through the api entry
 *   deliverSent() -> {acked: body[], retried: body[]}        what the api sent, to the worker entry as one batch
 *   schedule(cron, scheduledTime) -> {failed: boolean}        the platform's scheduled event for a spec cron
 *   peek([{kind: "kv"|"bucket", resource, key}]) -> values   kv: text or null; bucket: {base64, contentType, owner} or null
 */
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";

/**
 * @typedef {object} Driver
 * @property {(method: string, path: string, init?: {headers?: Record<string, string>, body?: string | Uint8Array}) => Promise<Response>} fetch
 * @property {() => Promise<{acked: unknown[], retried: unknown[]}>} deliverSent
 * @property {(cron: string, scheduledTime: number) => Promise<{failed: boolean}>} schedule
 * @property {(items: {kind: string, resource: string, key: string}[]) => Promise<any[]>} peek
 * @property {() => Promise<void>} close
 */

/** @param {unknown[]} values */
const sortedJson = (values) => values.map((v) => JSON.stringify(v)).sort();

/**
 * @param {string} platform
 * @param {() => Promise<Driver>} createDriver
 */
export function runContract(platform, createDriver) {
  describe(`contract on ${platform}`, () => {
    /** @type {Driver} */
    let d;
    before(async () => {
      d = await createDriver();
    });
    after(async () => d?.close());

    test("routing: params are decoded; 404 for an undeclared path; 405 with Allow for another method", async () => {
      const code = "a b+c&é";
      const put = await d.fetch("PUT", `/links/${encodeURIComponent(code)}`, { body: "https://example.com/é?x=1", headers: { "x-user": "ana" } });
      assert.equal(put.status, 204);
      const got = await d.fetch("GET", `/links/${encodeURIComponent(code)}`);
      assert.equal(got.status, 200);
      assert.deepEqual(await got.json(), { code, target: "https://example.com/é?x=1", metadata: { by: "ana" } });
      const missing = await d.fetch("GET", "/nowhere");
      assert.equal(missing.status, 404);
      assert.equal(await missing.text(), "Not Found");
      const wrong = await d.fetch("PATCH", "/links/x");
      assert.equal(wrong.status, 405);
      assert.equal(wrong.headers.get("allow"), "DELETE, GET, HEAD, PUT");
      const [stored] = await d.peek([{ kind: "kv", resource: "links", key: code }]);
      assert.equal(stored, "https://example.com/é?x=1", "the platform's store holds the value under the decoded key");
    });

    test("env: vars and secrets are strings, only declared resources are present, DISTLANG_ENV is not", async () => {
      const response = await d.fetch("GET", "/whoami");
      assert.deepEqual(await response.json(), {
        greeting: "hello",
        token: "s3cret-token",
        keys: ["API_TOKEN", "AUDIT", "EVENTS", "FILES", "GREETING", "LINKS"],
        types: { API_TOKEN: "string", AUDIT: "object", EVENTS: "object", FILES: "object", GREETING: "string", LINKS: "object" },
        has: { put: false, get: true, sendBatch: true, seen: false },
      });
    });

    test("access: a read kv has no put or delete, and calling them throws a TypeError naming everything", async () => {
      for (const op of ["put", "delete"]) {
        const response = await d.fetch("GET", `/audit/${op}`);
        assert.equal(response.status, 403);
        assert.deepEqual(await response.json(), {
          name: "AccessError",
          isTypeError: true,
          isRangeError: false,
          message: `env.AUDIT.${op}: function api has read access to kv audit; ${op} needs write (declare audit: readwrite in uses)`,
        });
      }
      assert.deepEqual(await (await d.fetch("GET", "/audit/get")).json(), { value: null });
    });

    test("limits: the same LimitError on every platform", async () => {
      const expected = {
        key: "env.LINKS.put: the key is 513 bytes of UTF-8; kv keys are at most 512 bytes",
        value: "env.LINKS.put: the value is 393217 bytes; kv values are at most 393216 bytes (384 KiB) on every platform",
        message: "env.EVENTS.send: the message is 128002 bytes as JSON; queue messages are at most 127900 bytes",
        batch: "env.EVENTS.sendBatch: 101 messages; sendBatch takes at most 100",
        delay: "env.EVENTS.send: delaySeconds is 901; it must be a whole number from 0 to 900",
        list: "env.LINKS.list: limit is 1001; it must be a whole number from 1 to 1000",
      };
      for (const [what, message] of Object.entries(expected)) {
        const response = await d.fetch("POST", `/limits/${what}`);
        assert.equal(response.status, 413, what);
        assert.deepEqual(await response.json(), { name: "LimitError", isTypeError: false, isRangeError: true, message }, what);
      }
      const body = await (await d.fetch("POST", "/limits/body")).json();
      assert.equal(body.message, `env.EVENTS.send: the body's "when" is a Date; queue bodies are JSON values (encode bytes as base64 text)`);
    });

    test("kv: list returns every key with the prefix exactly once, in byte order, across pages", async () => {
      const codes = ["p-b", "p-a", "p-é", "p-Z", "p-a+", "p-a b", "q-other"];
      for (const code of codes) assert.equal((await d.fetch("PUT", `/links/${encodeURIComponent(code)}`, { body: `to ${code}` })).status, 204);
      const paged = await (await d.fetch("GET", "/links?prefix=p-&limit=2")).json();
      assert.deepEqual(paged.names, ["p-Z", "p-a", "p-a b", "p-a+", "p-b", "p-é"]);
      assert.equal(paged.pages, 3);
      const deleted = await d.fetch("DELETE", `/links/${encodeURIComponent("p-a b")}`);
      assert.equal(deleted.status, 204);
      assert.deepEqual((await (await d.fetch("GET", "/links?prefix=p-a")).json()).names, ["p-a", "p-a+"]);
      assert.equal((await d.fetch("GET", `/links/${encodeURIComponent("p-a b")}`)).status, 404);
    });

    test("bucket: binary bodies and awkward keys round-trip with their metadata", async () => {
      const bytes = new Uint8Array(256).map((_, i) => 255 - i);
      const key = "dir one/a+b é/ü.bin";
      const path = `/files/${key.split("/").map(encodeURIComponent).join("/")}`;
      const put = await d.fetch("PUT", path, { body: bytes, headers: { "content-type": "application/x-thing", "x-user": "bo" } });
      assert.equal(put.status, 201);
      assert.deepEqual(await put.json(), { key, size: 256 });
      const got = await d.fetch("GET", path);
      assert.equal(got.status, 200);
      assert.equal(got.headers.get("content-type"), "application/x-thing");
      assert.equal(got.headers.get("x-owner"), "bo");
      assert.deepEqual(new Uint8Array(await got.arrayBuffer()), bytes);
      const [stored] = await d.peek([{ kind: "bucket", resource: "files", key }]);
      assert.deepEqual(stored, { base64: Buffer.from(bytes).toString("base64"), contentType: "application/x-thing", owner: "bo" });
      assert.equal((await d.fetch("GET", "/files/absent")).status, 404);
    });

    test("http: cookies in and out, repeated headers joined, binary responses, a throw is a 500", async () => {
      const cookies = await d.fetch("GET", "/cookies", { headers: { cookie: "x=1; y=2" } });
      assert.equal(await cookies.text(), "cookie: x=1; y=2");
      assert.deepEqual(cookies.headers.getSetCookie(), ["a=1; Path=/", "b=2; Path=/; HttpOnly"]);
      assert.equal(cookies.headers.get("x-many"), "one, two");
      const bytes = await d.fetch("GET", "/bytes");
      assert.deepEqual([...new Uint8Array(await bytes.arrayBuffer())], [0, 1, 2, 253, 254, 255]);
      const boom = await d.fetch("GET", "/boom");
      assert.equal(boom.status, 500);
      assert.equal(await boom.text(), "Internal Server Error");
    });

    test("waitUntil: work handed to ctx.waitUntil completes", async () => {
      assert.equal((await d.fetch("POST", "/later")).status, 202);
      const [later] = await d.peek([{ kind: "kv", resource: "links", key: "later" }]);
      assert.equal(later, "done after the response");
    });

    test("queue: bodies arrive equal (a string stays a string); return acks, retry() retries, a throw retries what was not acked", async () => {
      const bodies = ["123", 42, null, { tag: "obj", nested: [1, "two", { three: true }] }, { tag: "again", action: "retry" }, { tag: "kept", action: "ack" }];
      assert.equal((await d.fetch("POST", "/events", { body: JSON.stringify(bodies) })).status, 202);
      const first = await d.deliverSent();
      assert.deepEqual(sortedJson(first.retried), sortedJson([{ tag: "again", action: "retry" }]));
      assert.deepEqual(sortedJson(first.acked), sortedJson(bodies.filter((b) => !(b && typeof b === "object" && "action" in b && b.action === "retry"))));
      const seen = await d.peek([
        { kind: "kv", resource: "seen", key: "seen:123" },
        { kind: "kv", resource: "seen", key: "seen:obj" },
        { kind: "kv", resource: "seen", key: "seen:null" },
      ]);
      assert.deepEqual(JSON.parse(seen[0]), { queue: "events", attempts: 1, body: "123", timestampIsDate: true, idIsString: true });
      assert.deepEqual(JSON.parse(seen[1]).body, { tag: "obj", nested: [1, "two", { three: true }] });
      assert.equal(JSON.parse(seen[2]).body, null);

      const throwing = [{ tag: "t-ack", action: "ack" }, { tag: "t-throw", action: "throw" }, { tag: "t-after" }];
      assert.equal((await d.fetch("POST", "/events", { body: JSON.stringify(throwing) })).status, 202);
      const second = await d.deliverSent();
      assert.deepEqual(sortedJson(second.acked), sortedJson([{ tag: "t-ack", action: "ack" }]));
      assert.deepEqual(sortedJson(second.retried), sortedJson([{ tag: "t-throw", action: "throw" }, { tag: "t-after" }]));

      assert.equal((await d.fetch("POST", "/events", { body: JSON.stringify([{ tag: "all-1", action: "ack" }, { tag: "all-2", action: "retry-all" }]) })).status, 202);
      const third = await d.deliverSent();
      assert.deepEqual(third.acked, [], "retryAll after ack: the last call wins");
      assert.equal(third.retried.length, 2);
    });

    test("scheduled: controller.cron is the spec's cron; scheduledTime is ms; access limits hold", async () => {
      const when = Date.UTC(2026, 0, 5, 3, 0, 0);
      assert.deepEqual(await d.schedule("0 3 * * 1", when), { failed: false });
      assert.deepEqual(await d.schedule("*/15 * * * *", when + 900_000), { failed: false });
      const [weekly, quarter, readError] = await d.peek([
        { kind: "kv", resource: "seen", key: "cron:0 3 * * 1" },
        { kind: "kv", resource: "seen", key: "cron:*/15 * * * *" },
        { kind: "kv", resource: "seen", key: "cron-read:0 3 * * 1" },
      ]);
      assert.deepEqual(JSON.parse(weekly), { scheduledTime: when, type: "scheduled" });
      assert.deepEqual(JSON.parse(quarter), { scheduledTime: when + 900_000, type: "scheduled" });
      assert.equal(readError, "env.SEEN.get: function worker has write access to kv seen; get needs read (declare seen: readwrite in uses)");
    });
  });
}
