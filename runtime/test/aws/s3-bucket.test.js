// @ts-check
// S3Bucket against a real moto_server (auth off, so every key can be tried); effects checked
// through boto3.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { startMoto, provision } from "../support/moto.js";
import { awsConfig, createClients } from "../../src/adapters/aws-lambda/aws/client.js";
import { S3Bucket } from "../../src/adapters/aws-lambda/aws/s3-bucket.js";

/** @type {import("../support/moto.js").Moto} */
let moto;
/** @type {S3Bucket} */
let bucket;
/** @type {ReturnType<typeof createClients>} */
let clients;

before(async () => {
  moto = await startMoto();
  await provision(moto, { buckets: ["objects", "pages", "deletes"] });
  clients = createClients(awsConfig(moto.env));
  bucket = new S3Bucket({ client: clients.s3, bucketName: "objects" });
});
after(() => moto?.stop());

/**
 * Objects as boto3 reads them: key -> base64 body, or null when absent.
 * @param {string} bucketName
 * @param {string[]} keys
 * @returns {Promise<Record<string, string | null>>}
 */
function botoBodies(bucketName, keys) {
  return moto.boto(
    `
result = {}
for key in data[1]:
    try:
        result[key] = base64.b64encode(s3.get_object(Bucket=data[0], Key=key)["Body"].read()).decode()
    except s3.exceptions.NoSuchKey:
        result[key] = None
`,
    [bucketName, keys],
  );
}

/** @param {string} bucketName */
function botoKeys(bucketName) {
  return moto.boto(
    `
result = []
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=data):
    result += [o["Key"] for o in page.get("Contents", [])]
`,
    bucketName,
  );
}

const b64 = (/** @type {string | Uint8Array} */ v) => Buffer.from(v).toString("base64");

const AWKWARD_KEYS = [
  "a b",
  "a+b",
  "ünï/cödé ☃.txt",
  "日本語/😀",
  "dir/sub/file.txt",
  "!'()*",
  "a//b",
  "/leading",
  "dot/./seg",
  "dot/../seg",
  "100%",
  "q?x#y",
  "a;b=c&d,e:f@g$h",
  "tab\tkey",
];

test("put, get and head under keys with spaces, +, unicode, /, !'()*, dot segments and reserved characters", async () => {
  for (const key of AWKWARD_KEYS) {
    const put = await bucket.put(key, `body of ${key}`);
    assert.equal(put.key, key);
    assert.equal(put.size, Buffer.byteLength(`body of ${key}`));
  }
  const stored = await botoBodies("objects", AWKWARD_KEYS);
  for (const key of AWKWARD_KEYS) {
    assert.equal(stored[key], b64(`body of ${key}`), `boto3 reads ${JSON.stringify(key)} under its exact name`);
    const object = await bucket.get(key);
    assert.ok(object, `get ${JSON.stringify(key)}`);
    assert.equal(object.key, key);
    assert.equal(await object.text(), `body of ${key}`);
    const head = await bucket.head(key);
    assert.equal(head?.size, Buffer.byteLength(`body of ${key}`));
  }
  assert.equal(await bucket.get("absent"), null);
  assert.equal(await bucket.head("absent"), null);
});

test("binary bodies round trip byte for byte, from every input type", async () => {
  const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) % 256);
  await bucket.put("bin/buffer", bytes.buffer);
  await bucket.put("bin/view", bytes.subarray(10, 20));
  await bucket.put("bin/blob", new Blob([bytes]));
  await bucket.put("bin/stream", new Blob([bytes]).stream());
  await bucket.put("bin/empty", null);
  const stored = await botoBodies("objects", ["bin/buffer", "bin/view", "bin/blob", "bin/stream", "bin/empty"]);
  assert.deepEqual(stored, {
    "bin/buffer": b64(bytes),
    "bin/view": b64(bytes.subarray(10, 20)),
    "bin/blob": b64(bytes),
    "bin/stream": b64(bytes),
    "bin/empty": "",
  });

  const object = await bucket.get("bin/buffer");
  assert.ok(object);
  assert.equal(object.size, 3000);
  assert.equal(object.bodyUsed, false);
  assert.deepEqual(new Uint8Array(await object.arrayBuffer()), bytes);
  assert.equal(object.bodyUsed, true);

  const streamed = await bucket.get("bin/stream");
  assert.ok(streamed?.body instanceof ReadableStream);
  assert.deepEqual(new Uint8Array(await new Response(streamed.body).arrayBuffer()), bytes);
  assert.equal(streamed.bodyUsed, true, "reading body directly counts as used");

  const blob = await (await bucket.get("bin/view"))?.blob();
  assert.deepEqual(new Uint8Array(await /** @type {Blob} */ (blob).arrayBuffer()), bytes.subarray(10, 20));
  assert.equal(await (await bucket.get("bin/empty"))?.text(), "");

  // A body stored with Content-Encoding comes back as stored, not decompressed on the way.
  const gz = gzipSync(Buffer.from("compressed text"));
  await bucket.put("bin/gzip", gz, { httpMetadata: { contentEncoding: "gzip", contentType: "text/plain" } });
  const gzObject = await bucket.get("bin/gzip");
  assert.equal(gzObject?.httpMetadata.contentEncoding, "gzip");
  assert.deepEqual(new Uint8Array(await /** @type {any} */ (gzObject).arrayBuffer()), new Uint8Array(gz));

  await bucket.put("json", JSON.stringify({ a: [1, "é"] }));
  assert.deepEqual(await (await bucket.get("json"))?.json(), { a: [1, "é"] });
});

test("http and custom metadata round trip; S3 sees them as headers and x-amz-meta-*", async () => {
  const expiry = new Date("2031-02-03T04:05:06Z");
  const httpMetadata = {
    contentType: "text/csv; charset=utf-8",
    contentLanguage: "fr-CA",
    contentDisposition: 'attachment; filename="report.csv"',
    contentEncoding: "identity",
    cacheControl: "public, max-age=60",
    cacheExpiry: expiry,
  };
  const customMetadata = { Owner: "ann", note: "héllo wörld ☃", blank: "", spaced: " padded " };
  const put = await bucket.put("meta/report.csv", "a,b\n1,2\n", { httpMetadata, customMetadata });
  assert.deepEqual(put.httpMetadata, httpMetadata);
  assert.match(put.etag, /^[0-9a-f]{32}$/);
  assert.equal(put.httpEtag, `"${put.etag}"`);

  const seen = await moto.boto(
    `
r = s3.head_object(Bucket="objects", Key="meta/report.csv")
result = {k: r.get(k) for k in ["Metadata", "ContentType", "ContentLanguage", "ContentDisposition", "ContentEncoding", "CacheControl", "ExpiresString", "ETag"]}
`,
  );
  assert.deepEqual(seen, {
    Metadata: {
      owner: "ann",
      note: `=?UTF-8?B?${b64("héllo wörld ☃")}?=`,
      blank: "",
      spaced: `=?UTF-8?B?${b64(" padded ")}?=`,
    },
    ContentType: "text/csv; charset=utf-8",
    ContentLanguage: "fr-CA",
    ContentDisposition: 'attachment; filename="report.csv"',
    ContentEncoding: "identity",
    CacheControl: "public, max-age=60",
    ExpiresString: expiry.toUTCString(),
    ETag: `"${put.etag}"`,
  });

  for (const object of [await bucket.head("meta/report.csv"), await bucket.get("meta/report.csv")]) {
    assert.ok(object);
    assert.deepEqual(object.httpMetadata, httpMetadata);
    assert.deepEqual(object.customMetadata, { owner: "ann", note: "héllo wörld ☃", blank: "", spaced: " padded " });
    assert.equal(object.etag, put.etag);
    assert.ok(object.uploaded instanceof Date && Math.abs(object.uploaded.getTime() - Date.now()) < 60000);
    const headers = new Headers();
    object.writeHttpMetadata(headers);
    assert.equal(headers.get("content-type"), "text/csv; charset=utf-8");
    assert.equal(headers.get("expires"), expiry.toUTCString());
  }

  // Metadata written by boto3 reads back through S3Bucket.
  await moto.boto(
    `s3.put_object(Bucket="objects", Key="meta/boto", Body=b"x", ContentType="image/png", Metadata={"from": "boto3"})`,
  );
  const fromBoto = await bucket.head("meta/boto");
  assert.equal(fromBoto?.httpMetadata.contentType, "image/png");
  assert.deepEqual(fromBoto?.customMetadata, { from: "boto3" });

  await assert.rejects(bucket.put("meta/bad", "x", { customMetadata: { "bad name": "v" } }), TypeError);
  await assert.rejects(
    bucket.put("meta/bad", "x", { httpMetadata: { contentDisposition: 'attachment; filename="é☃.txt"' } }),
    /contentDisposition .* has characters an HTTP header cannot carry/,
  );
});

test("list: pages by cursor, every key exactly once in order; prefixes, delimiters and decoded keys", async () => {
  const pagesBucket = new S3Bucket({ client: clients.s3, bucketName: "pages" });
  const names = [];
  for (let i = 0; i < 23; i++) names.push(`logs/${String(i).padStart(3, "0")} +é`);
  names.push("logs/sub dir/a", "logs/sub dir/b", "logs/other/x", "other/top", "logs");
  await moto.boto(`for key in data: s3.put_object(Bucket="pages", Key=key, Body=key.encode())`, names);

  /** @type {string[]} */
  const seen = [];
  let cursor;
  for (let page = 0; ; page++) {
    assert.ok(page < 20, "list terminates");
    const result = await pagesBucket.list({ prefix: "logs/", limit: 5, cursor });
    seen.push(...result.objects.map((o) => o.key));
    assert.deepEqual(result.delimitedPrefixes, []);
    if (!result.truncated) {
      assert.equal(result.cursor, undefined);
      break;
    }
    assert.equal(result.objects.length, 5);
    cursor = result.cursor;
  }
  const expected = names.filter((n) => n.startsWith("logs/")).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual(seen, expected);

  const listed = await pagesBucket.list({ prefix: "logs/", delimiter: "/" });
  assert.deepEqual(listed.delimitedPrefixes, ["logs/other/", "logs/sub dir/"]);
  assert.equal(listed.objects.length, 23);
  assert.equal(listed.truncated, false);
  const first = listed.objects[0];
  assert.equal(first.key, "logs/000 +é");
  assert.equal(first.size, Buffer.byteLength("logs/000 +é"));
  assert.ok(first.uploaded instanceof Date && !Number.isNaN(first.uploaded.getTime()));
  assert.match(first.etag, /^[0-9a-f]{32}$/);

  const top = await pagesBucket.list({ delimiter: "/" });
  assert.deepEqual(top.objects.map((o) => o.key), ["logs"]);
  assert.deepEqual(top.delimitedPrefixes, ["logs/", "other/"]);
});

// (No "\n" in a key here: moto_server answers 404 to any request whose key has a line feed, boto3's too.)
test("delete one key, and many keys in one DeleteObjects (keys XML cannot carry one by one)", async () => {
  const deletes = new S3Bucket({ client: clients.s3, bucketName: "deletes" });
  const keys = ["keep", "one", "a b", "a+b", "x&y<z>", "cr\rreturn", "ctrl\u0001char", "ünï/☃"];
  for (const key of keys) await deletes.put(key, key);
  await deletes.delete("one");
  assert.deepEqual(await botoKeys("deletes"), keys.filter((k) => k !== "one").sort());
  await deletes.delete(keys.filter((k) => k !== "keep"));
  assert.deepEqual(await botoKeys("deletes"), ["keep"]);
  await deletes.delete(["never-existed"]);
  await deletes.delete([]);
});

test("a missing bucket fails with the operation, the bucket and AWS's error", async () => {
  const missing = new S3Bucket({ client: clients.s3, bucketName: "no-such-bucket" });
  await assert.rejects(missing.get("k"), {
    name: "AwsError",
    code: "NoSuchBucket",
    message: /^S3 GetObject on bucket no-such-bucket key "k" failed: NoSuchBucket: /,
  });
  await assert.rejects(missing.put("k", "v"), /S3 PutObject on bucket no-such-bucket key "k" failed: NoSuchBucket/);
  await assert.rejects(missing.list(), /S3 ListObjectsV2 on bucket no-such-bucket failed: NoSuchBucket/);
});
