// @ts-check
// DynamoKV against a real moto_server (auth off); effects checked through boto3.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startMoto, provision } from "../support/moto.js";
import { awsConfig, createClients } from "../../src/adapters/aws-lambda/aws/client.js";
import { DynamoKV } from "../../src/adapters/aws-lambda/aws/dynamodb-kv.js";

/** @type {import("../support/moto.js").Moto} */
let moto;
/** @type {DynamoKV} */
let kv;
/** @type {ReturnType<typeof createClients>} */
let clients;

before(async () => {
  moto = await startMoto();
  await provision(moto, { kvTables: ["kv", "pages"] });
  clients = createClients(awsConfig(moto.env));
  kv = new DynamoKV({ client: clients.dynamodb, tableName: "kv" });
});
after(() => moto?.stop());

/**
 * The stored items as boto3 sees them: key -> { attribute name: [type, value] } (B as base64), or null.
 * @param {string} table
 * @param {string[]} keys
 * @returns {Promise<Record<string, any>>}
 */
function rawItems(table, keys) {
  return moto.boto(
    `
result = {}
for key in data[1]:
    item = ddb.get_item(TableName=data[0], Key={"pk": {"S": key}}, ConsistentRead=True).get("Item")
    result[key] = None if item is None else {name: [t, base64.b64encode(v).decode() if t == "B" else v]
        for name, attr in item.items() for t, v in attr.items()}
`,
    [table, keys],
  );
}

/**
 * @param {string} table
 * @param {string} key
 */
async function rawItem(table, key) {
  return (await rawItems(table, [key]))[key];
}

const b64 = (/** @type {string} */ text) => Buffer.from(text).toString("base64");

const KEYS = ["a b", "a+b", "ключ/日本 😀", "dir/sub/file.txt", "!'()*~"];

test("put and get text under keys with spaces, +, unicode and /: the item has the documented layout", async () => {
  for (const [i, key] of KEYS.entries()) await kv.put(key, `value ${i} ✓`);
  const stored = await rawItems("kv", KEYS);
  for (const [i, key] of KEYS.entries()) {
    assert.equal(await kv.get(key), `value ${i} ✓`);
    assert.deepEqual(stored[key], {
      pk: ["S", key],
      ls: ["S", "k"],
      v: ["B", Buffer.from(`value ${i} ✓`).toString("base64")],
    });
  }
  assert.equal(await kv.get("absent"), null);
});

test("binary values round trip byte for byte as arrayBuffer, stream, and from every input type", async () => {
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
  await kv.put("bin/array-buffer", bytes.buffer);
  await kv.put("bin/view", new DataView(bytes.buffer, 16, 32));
  await kv.put(
    "bin/stream",
    new ReadableStream({
      start(c) {
        c.enqueue(bytes.slice(0, 100));
        c.enqueue(bytes.slice(100));
        c.close();
      },
    }),
  );
  const stored = await rawItem("kv", "bin/array-buffer");
  assert.deepEqual(stored.v, ["B", Buffer.from(bytes).toString("base64")]);

  const buffer = await kv.get("bin/array-buffer", "arrayBuffer");
  assert.ok(buffer instanceof ArrayBuffer);
  assert.deepEqual(new Uint8Array(buffer), bytes);
  assert.deepEqual(new Uint8Array(/** @type {ArrayBuffer} */ (await kv.get("bin/view", { type: "arrayBuffer" }))), bytes.slice(16, 48));
  const stream = /** @type {ReadableStream} */ (await kv.get("bin/stream", "stream"));
  assert.deepEqual(new Uint8Array(await new Response(stream).arrayBuffer()), bytes);
});

test("json values, empty values and unknown types", async () => {
  await kv.put("json", JSON.stringify({ n: 1, s: "é", list: [true, null] }));
  assert.deepEqual(await kv.get("json", "json"), { n: 1, s: "é", list: [true, null] });
  await kv.put("empty", "");
  assert.equal(await kv.get("empty"), "", "an empty value is a value, not null");
  assert.deepEqual(await rawItem("kv", "empty"), { pk: ["S", "empty"], ls: ["S", "k"] });
  await assert.rejects(kv.get("json", /** @type {any} */ ("blob")), /unknown type "blob"/);
});

test("metadata: stored as JSON in m, returned by getWithMetadata and list; a put replaces it", async () => {
  await kv.put("meta", "v1", { metadata: { owner: "ann", tags: ["x"] } });
  assert.deepEqual(await kv.getWithMetadata("meta"), {
    value: "v1",
    metadata: { owner: "ann", tags: ["x"] },
    cacheStatus: null,
  });
  assert.deepEqual((await rawItem("kv", "meta")).m, ["S", JSON.stringify({ owner: "ann", tags: ["x"] })]);
  assert.deepEqual((await kv.list({ prefix: "meta" })).keys, [{ name: "meta", metadata: { owner: "ann", tags: ["x"] } }]);
  await kv.put("meta", "v2");
  assert.deepEqual(await kv.getWithMetadata("meta", "text"), { value: "v2", metadata: null, cacheStatus: null });
  assert.deepEqual(await kv.getWithMetadata("no such key"), { value: null, metadata: null, cacheStatus: null });
});

test("expiration: exp holds epoch seconds; expired items are hidden from get, getWithMetadata and list", async () => {
  const now = Date.now();
  await kv.put("exp/ttl", "soon", { expirationTtl: 3600 });
  await kv.put("exp/abs", "later", { expiration: Math.floor(now / 1000) + 7200, metadata: { m: 1 } });
  await kv.put("exp/none", "forever");
  const ttlItem = await rawItem("kv", "exp/ttl");
  assert.equal(ttlItem.exp[0], "N");
  assert.ok(Math.abs(Number(ttlItem.exp[1]) - (Math.floor(now / 1000) + 3600)) <= 2, `exp ${ttlItem.exp[1]}`);
  assert.deepEqual((await kv.list({ prefix: "exp/" })).keys, [
    { name: "exp/abs", expiration: Math.floor(now / 1000) + 7200, metadata: { m: 1 } },
    { name: "exp/none" },
    { name: "exp/ttl", expiration: Number(ttlItem.exp[1]) },
  ]);

  // Ninety minutes on: exp/ttl has expired (DynamoDB's TTL has not deleted it yet).
  const later = new DynamoKV({ client: clients.dynamodb, tableName: "kv", now: () => now + 90 * 60 * 1000 });
  assert.equal(await later.get("exp/ttl"), null);
  assert.deepEqual(await later.getWithMetadata("exp/ttl"), { value: null, metadata: null, cacheStatus: null });
  assert.equal(await later.get("exp/abs"), "later");
  assert.deepEqual(
    (await later.list({ prefix: "exp/" })).keys.map((k) => k.name),
    ["exp/abs", "exp/none"],
  );
  assert.notEqual(await rawItem("kv", "exp/ttl"), null, "the item is still stored");

  // An expiration in the past hides the key at once, now.
  await kv.put("exp/past", "gone", { expiration: Math.floor(now / 1000) - 10 });
  assert.equal(await kv.get("exp/past"), null);
  assert.equal((await rawItem("kv", "exp/past"))?.v[1], b64("gone"), "stored, hidden by the read");
  assert.ok(!(await kv.list({ prefix: "exp/" })).keys.some((k) => k.name === "exp/past"));
});

test("delete removes the item", async () => {
  await kv.put("to-delete", "x");
  await kv.delete("to-delete");
  assert.equal(await kv.get("to-delete"), null);
  assert.equal(await rawItem("kv", "to-delete"), null);
  await kv.delete("never-existed");
});

/** @param {string[]} names */
function utf8Sorted(names) {
  return [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

test("list pages: every key with the prefix exactly once, in UTF-8 byte order, expired ones hidden", async () => {
  // Written through boto3, not through DynamoKV. "ｚ" (U+FF5A) sorts before "😀" in UTF-8 but
  // after it in UTF-16; "p/" keys around the prefix make sure the prefix bounds hold.
  const nowSeconds = Math.floor(Date.now() / 1000);
  const live = [];
  for (let i = 0; i < 30; i++) live.push(`p/${String(i).padStart(2, "0")}`);
  live.push("p/ｚ", "p/😀", "p/é", "p/Z", "p/ z", "p/+");
  const expired = ["p/05x", "p/17x", "p/ｚx"];
  const outside = ["o/1", "p", "q/1", "P/1"];
  await moto.boto(
    `
for name in data["live"] + data["outside"]:
    ddb.put_item(TableName="pages", Item={"pk": {"S": name}, "ls": {"S": "k"}, "v": {"B": b"x"}})
for name in data["expired"]:
    ddb.put_item(TableName="pages", Item={"pk": {"S": name}, "ls": {"S": "k"}, "v": {"B": b"x"}, "exp": {"N": str(data["now"] - 5)}})
`,
    { live, expired, outside, now: nowSeconds },
  );
  const pagesKv = new DynamoKV({ client: clients.dynamodb, tableName: "pages" });
  /** @type {string[]} */
  const seen = [];
  let cursor;
  let pages = 0;
  for (;;) {
    const page = await pagesKv.list({ prefix: "p/", limit: 7, cursor });
    pages++;
    seen.push(...page.keys.map((k) => k.name));
    if (page.list_complete) {
      assert.equal(page.cursor, undefined);
      break;
    }
    assert.equal(page.keys.length, 7, "a page that is not the last is full");
    assert.equal(typeof page.cursor, "string");
    cursor = page.cursor;
    assert.ok(pages < 20, "list terminates");
  }
  assert.deepEqual(seen, utf8Sorted(live));
  assert.equal(pages, Math.ceil(live.length / 7));

  const all = await pagesKv.list();
  assert.equal(all.list_complete, true);
  assert.deepEqual(
    all.keys.map((k) => k.name),
    utf8Sorted([...live, ...outside]),
  );
});

test("a cursor still works after its key is deleted; a bad cursor is a TypeError", async () => {
  await kv.put("dir/sub/zzz", "later key");
  const first = await kv.list({ prefix: "dir/", limit: 1 });
  assert.equal(first.keys[0].name, "dir/sub/file.txt");
  assert.equal(first.list_complete, false);
  await kv.delete("dir/sub/file.txt");
  const second = await kv.list({ prefix: "dir/", limit: 1, cursor: first.cursor });
  assert.deepEqual(second.keys, [{ name: "dir/sub/zzz" }]);
  assert.equal(second.list_complete, true);
  await assert.rejects(kv.list({ cursor: "not*a*cursor" }), TypeError);
});

test("a missing table fails with the operation, the table and AWS's error", async () => {
  const missing = new DynamoKV({ client: clients.dynamodb, tableName: "no-such-table" });
  await assert.rejects(missing.get("k"), {
    name: "AwsError",
    code: "ResourceNotFoundException",
    message: /^DynamoDB GetItem on table no-such-table failed: ResourceNotFoundException: /,
  });
  await assert.rejects(missing.put("k", "v"), /DynamoDB PutItem on table no-such-table failed/);
  await assert.rejects(missing.list(), /DynamoDB Query on table no-such-table failed/);
});
