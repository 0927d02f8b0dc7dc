import { test } from "node:test";
import assert from "node:assert/strict";
import { LIMITS, checkCall } from "../../src/core/limits.js";
import { LimitError } from "../../src/core/errors.js";

const rejectsLimit = (promise, name) => assert.rejects(promise, (e) => e instanceof LimitError && e.limit === name);

test("kv keys: 512 bytes of UTF-8 pass, 513 fail; empty, . and .. are refused", async () => {
  await checkCall("kv", "get", ["é".repeat(256)], "env.KV.get");
  await rejectsLimit(checkCall("kv", "get", ["a" + "é".repeat(256)], "env.KV.get"), "kvKeyBytes");
  for (const key of ["", ".", ".."]) await assert.rejects(checkCall("kv", "delete", [key], "env.KV.delete"), TypeError);
  await assert.rejects(checkCall("kv", "get", [42], "x"), /must be a string/);
});

test("kv values: up to 384 KiB in any form; a stream is read and measured", async () => {
  const max = LIMITS.kvValueBytes;
  await checkCall("kv", "put", ["k", "a".repeat(max)], "p");
  await rejectsLimit(checkCall("kv", "put", ["k", "a".repeat(max + 1)], "p"), "kvValueBytes");
  await rejectsLimit(checkCall("kv", "put", ["k", "é".repeat(max / 2 + 1)], "p"), "kvValueBytes");
  await rejectsLimit(checkCall("kv", "put", ["k", new Uint8Array(max + 1)], "p"), "kvValueBytes");
  const stream = (n) => new ReadableStream({ start(c) { for (let i = 0; i < n; i += 1000) c.enqueue(new Uint8Array(Math.min(1000, n - i)).fill(7)); c.close(); } });
  const [, bytes] = await checkCall("kv", "put", ["k", stream(5000)], "p");
  assert.ok(bytes instanceof Uint8Array && bytes.length === 5000 && bytes[4999] === 7);
  await rejectsLimit(checkCall("kv", "put", ["k", stream(max + 1)], "p"), "kvValueBytes");
  await assert.rejects(checkCall("kv", "put", ["k", { an: "object" }], "p"), /must be a string, ArrayBuffer/);
});

test("kv put options: TTL at least 60 s, metadata at most 1024 bytes of JSON", async () => {
  await checkCall("kv", "put", ["k", "v", { expirationTtl: 60, metadata: { a: "x".repeat(1000) } }], "p");
  await rejectsLimit(checkCall("kv", "put", ["k", "v", { expirationTtl: 59 }], "p"), "kvMinTtlSeconds");
  await rejectsLimit(checkCall("kv", "put", ["k", "v", { expiration: Math.floor(Date.now() / 1000) + 10 }], "p"), "kvMinTtlSeconds");
  await checkCall("kv", "put", ["k", "v", { expiration: Math.floor(Date.now() / 1000) + 120 }], "p");
  await rejectsLimit(checkCall("kv", "put", ["k", "v", { metadata: { a: "x".repeat(1020) } }], "p"), "kvMetadataBytes");
  await assert.rejects(checkCall("kv", "put", ["k", "v", { metadata: new Date() }], "p"), /metadata must be a JSON value/);
});

test("kv get type and list options", async () => {
  for (const type of [undefined, "text", "json", "arrayBuffer", { type: "json" }]) await checkCall("kv", "get", ["k", type], "g");
  await assert.rejects(checkCall("kv", "get", ["k", "stream"], "g"), /not portable/);
  await checkCall("kv", "list", [{ prefix: "a", limit: 1000, cursor: "c" }], "l");
  await rejectsLimit(checkCall("kv", "list", [{ limit: 1001 }], "l"), "kvListMax");
  await rejectsLimit(checkCall("kv", "list", [{ limit: 0 }], "l"), "kvListMax");
  await rejectsLimit(checkCall("kv", "list", [{ limit: 2.5 }], "l"), "kvListMax");
});

test("queue: message size, delay 0..900, batches of at most 100 messages and 256 KB", async () => {
  const max = LIMITS.queueMessageBytes;
  await checkCall("queue", "send", ["a".repeat(max - 2)], "s"); // two quote marks make it max bytes of JSON
  await rejectsLimit(checkCall("queue", "send", ["a".repeat(max - 1)], "s"), "queueMessageBytes");
  await checkCall("queue", "send", [{}, { delaySeconds: 900 }], "s");
  await rejectsLimit(checkCall("queue", "send", [{}, { delaySeconds: 901 }], "s"), "queueSendDelayMax");
  await rejectsLimit(checkCall("queue", "send", [{}, { delaySeconds: -1 }], "s"), "queueSendDelayMax");
  const small = Array.from({ length: 100 }, (_, i) => ({ body: i }));
  await checkCall("queue", "sendBatch", [small], "b");
  await rejectsLimit(checkCall("queue", "sendBatch", [[...small, { body: 1 }]], "b"), "queueBatchMessages");
  const big = Array.from({ length: 3 }, () => ({ body: "x".repeat(100_000) }));
  await rejectsLimit(checkCall("queue", "sendBatch", [big], "b"), "queueBatchBytes");
  await assert.rejects(checkCall("queue", "sendBatch", [[{ body: 1 }, { body: new Date() }]], "env.Q.sendBatch"), /env\.Q\.sendBatch\[1\]: the body is a Date/);
  await rejectsLimit(checkCall("queue", "sendBatch", [[{ body: 1, delaySeconds: 1000 }]], "b"), "queueSendDelayMax");
});

test("bucket: keys 1..1024 bytes, metadata 2 KB, list 1..1000, delete 1000 keys", async () => {
  await checkCall("bucket", "get", ["a/b c+d/é.txt"], "g");
  await rejectsLimit(checkCall("bucket", "head", ["k".repeat(1025)], "h"), "bucketKeyBytes");
  await checkCall("bucket", "get", ["a/../b/./c"], "g"); // dot segments are keys like any other (the S3 client sends them as they are)
  await assert.rejects(checkCall("bucket", "put", ["", "v"], "p"), /cannot be empty/);
  await rejectsLimit(checkCall("bucket", "put", ["k", "v", { customMetadata: { a: "x".repeat(2048) } }], "p"), "bucketCustomMetadataBytes");
  await assert.rejects(checkCall("bucket", "put", ["k", "v", { customMetadata: { a: 1 } }], "p"), /must be a string/);
  await rejectsLimit(checkCall("bucket", "list", [{ limit: 1001 }], "l"), "bucketListMax");
  await checkCall("bucket", "delete", [Array.from({ length: 1000 }, (_, i) => `k${i}`)], "d");
  await rejectsLimit(checkCall("bucket", "delete", [Array.from({ length: 1001 }, (_, i) => `k${i}`)], "d"), "bucketDeleteKeys");
});

test("bucket customMetadata names are header tokens in lowercase, the same on R2 and S3", async () => {
  await checkCall("bucket", "put", ["k", "v", { customMetadata: { "owner-id": "Ü ok" } }], "p");
  await assert.rejects(checkCall("bucket", "put", ["k", "v", { customMetadata: { Owner: "x" } }], "env.F.put"), /env\.F\.put: customMetadata name "Owner" must be lowercase/);
  await assert.rejects(checkCall("bucket", "put", ["k", "v", { customMetadata: { "a b": "x" } }], "p"), TypeError);
});
