import { test } from "node:test";
import assert from "node:assert/strict";
import { limitHandle, allowedMethods } from "../../src/core/access.js";
import { AccessError, LimitError } from "../../src/core/errors.js";

const names = { binding: "SESSIONS", resource: "sessions", function: "api" };

/** A kv-shaped recorder: what reached the platform. */
function recorder() {
  const calls = [];
  const handle = {};
  for (const m of ["get", "getWithMetadata", "put", "delete", "list", "head", "send", "sendBatch"]) {
    handle[m] = async (...args) => (calls.push([m, ...args]), `${m} result`);
  }
  return { handle, calls };
}

test("read kv: only get, getWithMetadata and list exist", async () => {
  const { handle, calls } = recorder();
  const kv = limitHandle("kv", "read", handle, names);
  assert.deepEqual(Object.keys(kv).sort(), ["get", "getWithMetadata", "list"]);
  assert.equal("put" in kv, false);
  assert.equal("delete" in kv, false);
  assert.equal(await kv.get("k"), "get result");
  assert.deepEqual(calls, [["get", "k", undefined]]);
});

test("a disallowed method throws a TypeError naming binding, resource, access and function", () => {
  const kv = limitHandle("kv", "read", recorder().handle, names);
  assert.throws(() => kv.put("k", "v"), (error) => {
    assert.ok(error instanceof TypeError && error instanceof AccessError);
    assert.equal(error.message, "env.SESSIONS.put: function api has read access to kv sessions; put needs write (declare sessions: readwrite in uses)");
    return true;
  });
  const writeOnly = limitHandle("kv", "write", recorder().handle, names);
  assert.throws(() => writeOnly.get("k"), /has write access to kv sessions; get needs read/);
});

test("bucket and queue accesses", () => {
  const h = recorder().handle;
  assert.deepEqual(Object.keys(limitHandle("bucket", "write", h, names)).sort(), ["delete", "put"]);
  assert.deepEqual(Object.keys(limitHandle("bucket", "readwrite", h, names)).sort(), ["delete", "get", "head", "list", "put"]);
  assert.deepEqual(Object.keys(limitHandle("queue", "send", h, names)).sort(), ["send", "sendBatch"]);
  assert.throws(() => allowedMethods("queue", "read"), /not valid for a queue/);
  assert.throws(() => allowedMethods("blob", "read"), /unknown resource kind/);
});

test("unknown properties are undefined and the handle cannot be changed", () => {
  const kv = limitHandle("kv", "readwrite", recorder().handle, names);
  assert.equal(kv.somethingElse, undefined);
  assert.throws(() => { "use strict"; kv.get = () => 1; }, TypeError);
});

test("limits are checked before the platform is called", async () => {
  const { handle, calls } = recorder();
  const kv = limitHandle("kv", "readwrite", handle, names);
  await assert.rejects(kv.put("k".repeat(513), "v"), LimitError);
  await assert.rejects(kv.get(""), /cannot be empty/);
  assert.deepEqual(calls, []);
});

test("database read access: read statements pass, writes throw naming the statement", async () => {
  const prepared = [];
  const db = {
    prepare: (sql) => (prepared.push(sql), { sql }),
    batch: async (s) => s.map((x) => x.sql),
    exec: async (sql) => ({ count: 1, sql }),
  };
  const read = limitHandle("database", "read", db, { binding: "CATALOG", resource: "catalog", function: "api" });
  assert.deepEqual(read.prepare("SELECT * FROM products"), { sql: "SELECT * FROM products" });
  assert.throws(() => read.prepare("DELETE FROM products"), (e) => e instanceof TypeError && /env\.CATALOG\.prepare: function api has read access to database catalog; "DELETE FROM products" is not a read-only statement/.test(e.message));
  await assert.rejects(read.exec("SELECT 1; DROP TABLE products"), AccessError);
  assert.deepEqual(await read.batch([read.prepare("SELECT 1")]), ["SELECT 1"]);
  const write = limitHandle("database", "write", db, { binding: "CATALOG", resource: "catalog", function: "api" });
  assert.throws(() => write.prepare("SELECT 1"), /only reads/);
  write.prepare("INSERT INTO products VALUES (1)");
  assert.deepEqual(prepared, ["SELECT * FROM products", "SELECT 1", "INSERT INTO products VALUES (1)"]);
});
