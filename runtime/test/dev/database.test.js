// database (D1's API) on node:sqlite: migrations, statements, batches, D1's value conversions, and
// access limiting through the core. Needs Node.js 22.13 or later (node:sqlite); on an older Node the
// tests check the error the host gives instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/adapters/dev/database.js";
import { limitHandle } from "../../src/core/access.js";

const hasSqlite = await import("node:sqlite").then(() => true, () => false);
const temporary = () => mkdtempSync(join(tmpdir(), "distlang-dev-db-"));

/** A migrations folder with these files. */
function migrations(files) {
  const dir = join(temporary(), "migrations");
  mkdirSync(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

test("without node:sqlite, opening a database says which Node.js is needed", { skip: hasSqlite && "this Node.js has node:sqlite" }, async () => {
  await assert.rejects(openDatabase({ resource: "catalog", file: join(temporary(), "c.sqlite") }), /database catalog: .*node:sqlite.*Node\.js 22\.13 or later/);
});

test("migrations run once, in name order, recorded in d1_migrations; a new one is applied on the next start", { skip: !hasSqlite && "needs node:sqlite" }, async () => {
  const folder = migrations({
    "0002_more.sql": "ALTER TABLE books ADD COLUMN year INTEGER;",
    "0001_books.sql": "CREATE TABLE books (isbn TEXT PRIMARY KEY, title TEXT NOT NULL);",
    "notes.txt": "not a migration",
  });
  const file = join(temporary(), "catalog.sqlite");
  const logged = [];
  let db = await openDatabase({ resource: "catalog", file, migrations: folder, log: (l) => logged.push(l) });
  assert.deepEqual(logged, ["database catalog: applied migration 0001_books.sql", "database catalog: applied migration 0002_more.sql"]);
  await db.prepare("INSERT INTO books (isbn, title, year) VALUES (?1, ?2, ?3)").bind("1", "Dune", 1965).run();
  db.close();
  writeFileSync(join(folder, "0003_index.sql"), "CREATE INDEX books_year ON books (year);");
  logged.length = 0;
  db = await openDatabase({ resource: "catalog", file, migrations: folder, log: (l) => logged.push(l) });
  assert.deepEqual(logged, ["database catalog: applied migration 0003_index.sql"]);
  assert.deepEqual(await db.prepare("SELECT name FROM d1_migrations ORDER BY id").raw(), [["0001_books.sql"], ["0002_more.sql"], ["0003_index.sql"]]);
  assert.equal(await db.prepare("SELECT title FROM books").first("title"), "Dune", "the data survived the restart");
  db.close();
});

test("a failing migration applies nothing of itself and names its file", { skip: !hasSqlite && "needs node:sqlite" }, async () => {
  const folder = migrations({ "0001_ok.sql": "CREATE TABLE a (x);", "0002_bad.sql": "CREATE TABLE b (y); INSERT INTO nowhere VALUES (1);" });
  const file = join(temporary(), "db.sqlite");
  await assert.rejects(openDatabase({ resource: "db", file, migrations: folder }), /database db: migration .*0002_bad\.sql failed: .*no such table: nowhere/);
  writeFileSync(join(folder, "0002_bad.sql"), "SELECT 1;");
  const db = await openDatabase({ resource: "db", file, migrations: folder });
  assert.deepEqual(await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b') ORDER BY name").raw(), [["a"]]);
  db.close();
});

test("statements: all, first, run with D1's meta, raw with column names, and D1's value conversions", { skip: !hasSqlite && "needs node:sqlite" }, async () => {
  const db = await openDatabase({ resource: "db", file: join(temporary(), "db.sqlite") });
  await db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, ok INTEGER, data BLOB, score REAL);\nCREATE TABLE u (x);");
  const insert = db.prepare("INSERT INTO t (name, ok, data, score) VALUES (?, ?, ?, ?)");
  const result = await insert.bind("ann", true, new Uint8Array([1, 2]), 1.5).run();
  assert.equal(result.success, true);
  assert.equal(result.meta.changes, 1);
  assert.equal(result.meta.last_row_id, 1);
  assert.equal(result.meta.changed_db, true);
  await insert.bind("bob", false, [3, 4], null).run();
  const all = await db.prepare("SELECT * FROM t ORDER BY id").all();
  assert.deepEqual(all.results, [
    { id: 1, name: "ann", ok: 1, data: [1, 2], score: 1.5 },
    { id: 2, name: "bob", ok: 0, data: [3, 4], score: null },
  ]);
  assert.equal(all.meta.changes, 0, "a read changes nothing");
  assert.deepEqual(await db.prepare("SELECT name FROM t WHERE id = ?1").bind(2).first(), { name: "bob" });
  assert.equal(await db.prepare("SELECT name FROM t WHERE id = ?").bind(3).first(), null);
  await assert.rejects(db.prepare("SELECT name FROM t").first("nope"), /D1_COLUMN_NOTFOUND/);
  assert.deepEqual(await db.prepare("SELECT id, name AS id FROM t ORDER BY 1").raw({ columnNames: true }), [["id", "id"], [1, "ann"], [2, "bob"]]);
  assert.deepEqual((await db.prepare("UPDATE t SET ok = 1 RETURNING id").all()).meta.changes, 2);
  assert.throws(() => db.prepare("SELECT ?").bind(undefined), /D1_TYPE_ERROR: Type 'undefined' not supported/);
  await assert.rejects(db.prepare("SELECT * FROM missing").all(), /D1_ERROR: no such table: missing/);
  assert.equal((await db.exec("INSERT INTO u VALUES (1); INSERT INTO u VALUES (2)")).count, 2);
  db.close();
});

test("batch runs in one transaction: a failing statement undoes the ones before it", { skip: !hasSqlite && "needs node:sqlite" }, async () => {
  const db = await openDatabase({ resource: "db", file: join(temporary(), "db.sqlite") });
  await db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
  const put = db.prepare("INSERT INTO t (v) VALUES (?)");
  const results = await db.batch([put.bind("a"), put.bind("b"), db.prepare("SELECT count(*) AS n FROM t")]);
  assert.deepEqual(results.map((r) => r.results), [[], [], [{ n: 2 }]]);
  await assert.rejects(db.batch([put.bind("c"), put.bind(null)]), /NOT NULL/);
  assert.equal(await db.prepare("SELECT count(*) AS n FROM t").first("n"), 2);
  db.close();
});

test("through the core, read access allows only reading statements, as deployed", { skip: !hasSqlite && "needs node:sqlite" }, async () => {
  const db = await openDatabase({ resource: "catalog", file: join(temporary(), "db.sqlite") });
  await db.exec("CREATE TABLE t (v TEXT)");
  const readOnly = limitHandle("database", "read", db, { binding: "CATALOG", resource: "catalog", function: "api" });
  assert.deepEqual((await readOnly.prepare("SELECT count(*) AS n FROM t").all()).results, [{ n: 0 }]);
  assert.throws(() => readOnly.prepare("INSERT INTO t VALUES ('x')"), /env\.CATALOG\.prepare: function api has read access to database catalog/);
  db.close();
});
