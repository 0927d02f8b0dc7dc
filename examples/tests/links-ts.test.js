// examples/links-ts: the runtime's contract app written in TypeScript, deployed as every example is
// (the CloudFormation template in moto with each Lambda from its zip; the Workers' esbuild bundles on
// Cloudflare's documented bindings), with the same requests and checks on both. The runtime's whole
// contract, schedules included (its crons, "0 3 * * 1" and "*/15 * * * *", are spelled otherwise on
// each platform: that file reads each one's trigger from the build), runs in links-ts-contract.test.js.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onBothPlatforms } from "./support/platform.js";

onBothPlatforms("links-ts", { environment: "test", secrets: { API_TOKEN: "s3cret-token" } }, (app) => {
  test("links: a put, a read with its metadata, a delete; 404 and 405 before the handler", async () => {
    const code = "a b+é";
    const target = `/links/${encodeURIComponent(code)}`;
    assert.equal((await app().fetch("api", "PUT", target, { body: "https://example.com/", headers: { "x-user": "ana" } })).status, 204);
    assert.equal(await app().kv("links").get(code), "https://example.com/", "the store holds the link under the decoded code");
    const read = await app().fetch("api", "GET", target);
    assert.deepEqual(await read.json(), { code, target: "https://example.com/", metadata: { by: "ana" } });
    assert.equal((await app().fetch("api", "DELETE", target)).status, 204);
    assert.equal((await app().fetch("api", "GET", target)).status, 404);
    assert.equal((await app().fetch("api", "PATCH", "/links/x")).status, 405);
  });

  test("env: the var, the secret and exactly the declared handles; a read kv refuses put", async () => {
    const whoami = await (await app().fetch("api", "GET", "/whoami")).json();
    assert.deepEqual(whoami.keys, ["API_TOKEN", "AUDIT", "EVENTS", "FILES", "GREETING", "LINKS"]);
    assert.deepEqual([whoami.greeting, whoami.token, whoami.has], ["hello", "s3cret-token", { put: false, get: true, sendBatch: true, seen: false }]);
    const refused = await app().fetch("api", "GET", "/audit/put");
    assert.equal(refused.status, 403);
    assert.equal((await refused.json()).message, "env.AUDIT.put: function api has read access to kv audit; put needs write (declare audit: readwrite in uses)");
  });

  test("files: binary bodies round-trip with their metadata", async () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => 255 - i);
    const put = await app().fetch("api", "PUT", "/files/dir/x.bin", { body: bytes, headers: { "content-type": "application/x-thing", "x-user": "bo" } });
    assert.deepEqual(await put.json(), { key: "dir/x.bin", size: 64 });
    const stored = await app().bucket("files").get("dir/x.bin");
    assert.deepEqual([stored?.contentType, stored?.customMetadata.owner, [...(stored?.bytes ?? [])]], ["application/x-thing", "bo", [...bytes]]);
    const got = await app().fetch("api", "GET", "/files/dir/x.bin");
    assert.deepEqual(new Uint8Array(await got.arrayBuffer()), bytes);
  });

  test("queue: the worker sees what api sent", async () => {
    assert.equal((await app().fetch("api", "POST", "/events", { body: JSON.stringify([{ tag: "one" }, "two"]) })).status, 202);
    const delivery = await app().deliver("events");
    assert.deepEqual([delivery.received.length, delivery.retried, delivery.threw], [2, [], false]);
    const seen = JSON.parse((await app().kv("seen").get("seen:one")) ?? "null");
    assert.deepEqual([seen.queue, seen.attempts, seen.body, seen.timestampIsDate], ["events", 1, { tag: "one" }, true]);
    assert.equal(JSON.parse((await app().kv("seen").get("seen:two")) ?? "null").body, "two");
  });
});
