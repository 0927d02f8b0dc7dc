// The dev host's kv and bucket stores: Cloudflare's API shapes, atomic files, and what survives a
// restart or a crash (a child process killed with SIGKILL in the middle of writing).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { FileKV } from "../../src/adapters/dev/kv-store.js";
import { FileBucket } from "../../src/adapters/dev/bucket-store.js";

const temporary = () => mkdtempSync(join(tmpdir(), "distlang-dev-store-"));

test("kv: get, getWithMetadata, types, delete, and a missing key is null", async () => {
  const kv = new FileKV({ dir: temporary() });
  await kv.put("a/b c", "héllo", { metadata: { by: "ann" } });
  assert.equal(await kv.get("a/b c"), "héllo");
  assert.deepEqual(await kv.getWithMetadata("a/b c"), { value: "héllo", metadata: { by: "ann" }, cacheStatus: null });
  await kv.put("j", JSON.stringify({ n: 1 }));
  assert.deepEqual(await kv.get("j", "json"), { n: 1 });
  await kv.put("bin", new Uint8Array([0, 255, 10]));
  assert.deepEqual([...new Uint8Array(await kv.get("bin", { type: "arrayBuffer" }))], [0, 255, 10]);
  assert.equal(await new Response(await kv.get("j", "stream")).text(), '{"n":1}');
  // A put replaces the metadata too.
  await kv.put("a/b c", "again");
  assert.deepEqual(await kv.getWithMetadata("a/b c"), { value: "again", metadata: null, cacheStatus: null });
  await kv.delete("a/b c");
  assert.equal(await kv.get("a/b c"), null);
  await kv.delete("never there");
});

test("kv: list pages in UTF-8 byte order with a prefix, and each key comes once across pages", async () => {
  const kv = new FileKV({ dir: temporary() });
  const names = ["p:b", "p:a", "p:\u00e9", "p:\uffff", "p:\u{1F600}", "q:x", "p:A"];
  for (const name of names) await kv.put(name, "v", name === "p:b" ? { metadata: { m: 1 } } : undefined);
  const seen = [];
  let cursor;
  do {
    const page = await kv.list({ prefix: "p:", limit: 2, cursor });
    seen.push(...page.keys.map((k) => k.name));
    cursor = page.list_complete ? undefined : page.cursor;
    assert.ok(page.keys.length <= 2);
  } while (cursor);
  // UTF-8 order: U+FFFF (EF BF BF) sorts before U+1F600 (F0 ...), unlike UTF-16 order.
  assert.deepEqual(seen, ["p:A", "p:a", "p:b", "p:\u00e9", "p:\uffff", "p:\u{1F600}"]);
  const all = await kv.list();
  assert.equal(all.list_complete, true);
  assert.deepEqual(all.keys.find((k) => k.name === "p:b"), { name: "p:b", metadata: { m: 1 } });
  await assert.rejects(kv.list({ cursor: "not a cursor!" }), /invalid cursor/);
});

test("kv: expired keys are gone from get and list, and their files removed", async () => {
  let now = 1_700_000_000_000;
  const dir = temporary();
  const kv = new FileKV({ dir, now: () => now });
  await kv.put("short", "v", { expirationTtl: 60 });
  await kv.put("abs", "v", { expiration: now / 1000 + 120 });
  assert.deepEqual((await kv.list()).keys, [
    { name: "abs", expiration: now / 1000 + 120 },
    { name: "short", expiration: now / 1000 + 60 },
  ]);
  now += 61_000;
  assert.equal(await kv.get("short"), null);
  assert.deepEqual((await kv.list()).keys.map((k) => k.name), ["abs"]);
  assert.equal(readdirSync(dir).length, 1);
});

test("kv and bucket: what was written is there after a restart (a new store on the same folder)", async () => {
  const dir = temporary();
  const kv = new FileKV({ dir: join(dir, "kv") });
  const bucket = new FileBucket({ dir: join(dir, "bucket") });
  await kv.put("k", "v1", { metadata: { a: 1 } });
  await kv.put("gone", "x");
  await kv.delete("gone");
  await bucket.put("docs/a.txt", "text", { httpMetadata: { contentType: "text/plain" }, customMetadata: { by: "me" } });
  const again = new FileKV({ dir: join(dir, "kv") });
  assert.deepEqual(await again.getWithMetadata("k"), { value: "v1", metadata: { a: 1 }, cacheStatus: null });
  assert.equal(await again.get("gone"), null);
  assert.deepEqual((await again.list()).keys.map((k) => k.name), ["k"]);
  const object = await new FileBucket({ dir: join(dir, "bucket") }).get("docs/a.txt");
  assert.equal(await object.text(), "text");
  assert.equal(object.httpMetadata.contentType, "text/plain");
  assert.deepEqual(object.customMetadata, { by: "me" });
});

test("a write cut short leaves the old value: temporary files a crash left are ignored and removed", async () => {
  const dir = temporary();
  const kv = new FileKV({ dir });
  await kv.put("k", "old");
  const [file] = readdirSync(dir);
  // What a crash between writing the temporary file and renaming it leaves behind.
  writeFileSync(join(dir, `.tmp-99999-1-${file}`), '{"key":"k"}\nnew but never acknow');
  const again = new FileKV({ dir });
  assert.equal(await again.get("k"), "old");
  assert.deepEqual(readdirSync(dir), [file]);
});

test("a host killed with SIGKILL while writing loses no acknowledged write", async () => {
  const dir = temporary();
  const script = `
    import { FileKV } from ${JSON.stringify(new URL("../../src/adapters/dev/kv-store.js", import.meta.url).href)};
    const kv = new FileKV({ dir: ${JSON.stringify(dir)} });
    for (let i = 0; ; i++) {
      await kv.put("key-" + (i % 50), "value-" + i + "-".repeat(i % 5000));
      process.stdout.write(i + "\\n");
    }`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  let acknowledged = -1;
  let buffer = "";
  await new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error("the writer did not get going within 10 s")), 10_000);
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop();
      if (lines.length > 0) acknowledged = Number(lines.at(-1));
      if (acknowledged >= 150) {
        clearTimeout(deadline);
        child.kill("SIGKILL");
        resolve();
      }
    });
  });
  await new Promise((resolve) => child.once("exit", resolve));
  const kv = new FileKV({ dir });
  // The last acknowledged value of each key is there (or a later one, written but not yet acknowledged).
  for (let key = 0; key < 50; key++) {
    const last = acknowledged - ((acknowledged - key) % 50 + 50) % 50;
    const value = await kv.get(`key-${key}`);
    assert.ok(value !== null, `key-${key} is missing`);
    const written = Number(value.split("-")[1]);
    assert.ok(written >= last, `key-${key} holds write ${written}, but write ${last} was acknowledged`);
    assert.equal(value, `value-${written}${"-".repeat(written % 5000)}`, `key-${key} is torn`);
  }
  assert.ok(readdirSync(dir).every((name) => !name.startsWith(".tmp-")));
});

test("bucket: head, get, put's object, R2 shapes, writeHttpMetadata and delete of several keys", async () => {
  const bucket = new FileBucket({ dir: temporary() });
  const put = await bucket.put("a.bin", new Uint8Array([1, 2, 3]), {
    httpMetadata: new Headers({ "content-type": "application/octet-stream", "cache-control": "no-store" }),
    customMetadata: { owner: "ann" },
  });
  assert.equal(put.key, "a.bin");
  assert.equal(put.size, 3);
  assert.equal(put.etag, "5289df737df57326fcdd22597afb1fac"); // MD5 of 01 02 03
  assert.equal(put.httpEtag, `"${put.etag}"`);
  assert.ok(put.uploaded instanceof Date);
  const head = await bucket.head("a.bin");
  assert.deepEqual(head.httpMetadata, { contentType: "application/octet-stream", cacheControl: "no-store" });
  const headers = new Headers();
  head.writeHttpMetadata(headers);
  assert.equal(headers.get("content-type"), "application/octet-stream");
  const got = await bucket.get("a.bin");
  assert.equal(got.bodyUsed, false);
  assert.deepEqual([...new Uint8Array(await got.arrayBuffer())], [1, 2, 3]);
  assert.equal(got.bodyUsed, true);
  await bucket.put("empty", null);
  assert.equal((await bucket.get("empty")).size, 0);
  await bucket.put("stream", new Blob(["from a blob"]).stream());
  assert.equal(await (await bucket.get("stream")).text(), "from a blob");
  await bucket.delete(["a.bin", "empty", "missing"]);
  assert.equal(await bucket.head("a.bin"), null);
  assert.equal(await bucket.get("empty"), null);
});

test("bucket: list with a delimiter gives common prefixes; cursors page through; listed objects carry no metadata", async () => {
  const bucket = new FileBucket({ dir: temporary() });
  for (const key of ["photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/top.jpg", "readme"]) {
    await bucket.put(key, key, { customMetadata: { k: "v" } });
  }
  const top = await bucket.list({ prefix: "photos/", delimiter: "/" });
  assert.deepEqual(top.delimitedPrefixes, ["photos/2024/", "photos/2025/"]);
  assert.deepEqual(top.objects.map((o) => o.key), ["photos/top.jpg"]);
  assert.deepEqual(top.objects[0].customMetadata, {});
  assert.equal(top.truncated, false);
  const keys = [];
  let cursor;
  do {
    const page = await bucket.list({ limit: 2, cursor });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  assert.deepEqual(keys, ["photos/2024/a.jpg", "photos/2024/b.jpg", "photos/2025/c.jpg", "photos/top.jpg", "readme"]);
  assert.deepEqual((await bucket.list({ startAfter: "photos/top.jpg" })).objects.map((o) => o.key), ["readme"]);
});

test("a record file is a JSON header line and the raw value, readable by anyone who looks", async () => {
  const dir = temporary();
  const kv = new FileKV({ dir });
  await kv.put("k", "line one\nline two", { metadata: { x: "a\nb" } });
  const text = readFileSync(join(dir, readdirSync(dir)[0]), "utf8");
  assert.equal(text, '{"key":"k","metadata":{"x":"a\\nb"}}\nline one\nline two');
});
