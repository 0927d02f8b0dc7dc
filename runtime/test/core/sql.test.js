import { test } from "node:test";
import assert from "node:assert/strict";
import { isReadOnlySql, hasNoPureRead, splitStatements } from "../../src/core/sql.js";

test("reads: SELECT, VALUES, WITH ... SELECT, EXPLAIN, replace() the function", () => {
  for (const sql of [
    "SELECT * FROM users WHERE id = ?",
    "  -- a comment\n select 1; ",
    "VALUES (1), (2)",
    "WITH t AS (SELECT 1 AS x) SELECT x FROM t",
    "EXPLAIN QUERY PLAN SELECT * FROM users",
    "SELECT replace(name, 'a', 'b') FROM users",
    "SELECT 'DELETE FROM users' AS text, \"update\" FROM t /* INSERT */",
    "SELECT 1; SELECT 2",
  ]) assert.equal(isReadOnlySql(sql), true, sql);
});

test("not reads: writes, schema changes, pragmas, transactions, writes hidden after a read", () => {
  for (const sql of [
    "INSERT INTO users (name) VALUES ('x')",
    "UPDATE users SET name = 'x'",
    "DELETE FROM users",
    "REPLACE INTO users VALUES (1)",
    "WITH t AS (SELECT 1) DELETE FROM users WHERE id IN t",
    "CREATE TABLE t (x)",
    "DROP TABLE users",
    "PRAGMA foreign_keys = ON",
    "BEGIN",
    "SELECT 1; DELETE FROM users",
    "",
    "-- only a comment",
  ]) assert.equal(isReadOnlySql(sql), false, sql);
});

test("write access takes statements that change something", () => {
  assert.equal(hasNoPureRead("INSERT INTO t VALUES (1) RETURNING id"), true);
  assert.equal(hasNoPureRead("UPDATE t SET x = 1 WHERE y = 2; DELETE FROM t"), true);
  assert.equal(hasNoPureRead("SELECT * FROM t"), false);
  assert.equal(hasNoPureRead("DELETE FROM t; SELECT 1"), false);
});

test("semicolons inside strings and quoted names do not split", () => {
  assert.equal(splitStatements("SELECT ';' AS a, \"b;c\" FROM t; SELECT 2").length, 2);
  assert.equal(splitStatements("SELECT 'it''s; fine'").length, 1);
});
