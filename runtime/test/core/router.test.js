import { test } from "node:test";
import assert from "node:assert/strict";
import { compileRoutes, matchRoute, createRouter } from "../../src/core/router.js";

const routes = compileRoutes([
  "GET /links",
  "POST /links",
  "GET /links/{code}",
  "GET /links/special",
  "DELETE /links/{code}",
  "GET /files/*",
  "ANY /any/{x}",
  "PUT /any/{x}",
  "GET /",
]);

test("a literal route matches its path and method", () => {
  assert.deepEqual(matchRoute(routes, "GET", "/links"), { kind: "match", key: "GET /links", params: {} });
  assert.deepEqual(matchRoute(routes, "POST", "/links"), { kind: "match", key: "POST /links", params: {} });
  assert.deepEqual(matchRoute(routes, "GET", "/"), { kind: "match", key: "GET /", params: {} });
});

test("parameters are decoded; a literal beats a parameter", () => {
  assert.deepEqual(matchRoute(routes, "GET", "/links/a%20b%2Bc%C3%A9"), { kind: "match", key: "GET /links/{code}", params: { code: "a b+cé" } });
  assert.deepEqual(matchRoute(routes, "GET", "/links/special"), { kind: "match", key: "GET /links/special", params: {} });
  assert.equal(matchRoute(routes, "GET", "/links/").kind, "none", "an empty segment is no parameter");
});

test("a trailing /* takes the rest of the path, possibly empty, but not the bare prefix", () => {
  assert.deepEqual(matchRoute(routes, "GET", "/files/a/b%20c.txt"), { kind: "match", key: "GET /files/*", params: { "*": "a/b c.txt" } });
  assert.deepEqual(matchRoute(routes, "GET", "/files/"), { kind: "match", key: "GET /files/*", params: { "*": "" } });
  assert.equal(matchRoute(routes, "GET", "/files").kind, "none");
});

test("another method on a known path is 405 with the allowed methods; HEAD follows GET", () => {
  assert.deepEqual(matchRoute(routes, "PATCH", "/links"), { kind: "method", allow: ["GET", "HEAD", "POST"] });
  assert.deepEqual(matchRoute(routes, "POST", "/links/x"), { kind: "method", allow: ["DELETE", "GET", "HEAD"] });
  assert.equal(matchRoute(routes, "HEAD", "/links").kind, "match");
});

test("an unknown path is none, trailing slashes included", () => {
  assert.deepEqual(matchRoute(routes, "GET", "/nope"), { kind: "none" });
  assert.deepEqual(matchRoute(routes, "GET", "/links/x/y"), { kind: "none" });
  assert.deepEqual(matchRoute(routes, "GET", "/links/"), { kind: "none" });
});

test("ANY matches every method; a named method beats ANY", () => {
  assert.equal(matchRoute(routes, "PATCH", "/any/1").key, "ANY /any/{x}");
  assert.equal(matchRoute(routes, "PUT", "/any/1").key, "PUT /any/{x}");
});

test("fallback routes turn 404 into 405 for another function's path, never into a match", () => {
  const router = createRouter(["GET /mine"], ["POST /theirs", "GET /theirs/{id}"]);
  assert.equal(router.match("GET", "/mine").kind, "match");
  assert.deepEqual(router.match("GET", "/theirs"), { kind: "method", allow: ["POST"] });
  assert.deepEqual(router.match("POST", "/theirs"), { kind: "none" });
  assert.deepEqual(router.match("GET", "/elsewhere"), { kind: "none" });
  assert.deepEqual(router.match("DELETE", "/mine"), { kind: "method", allow: ["GET", "HEAD"] });
});

test("a malformed route key is refused", () => {
  assert.throws(() => compileRoutes(["FETCH /x"]), /not "METHOD \/path"/);
  assert.throws(() => compileRoutes(["GET x"]), TypeError);
});
