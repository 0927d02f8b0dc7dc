// examples/http-api: the notes API, one handler file, on AWS (moto) and Cloudflare (bindings in
// memory), with the same requests and the same checks of the responses and of the stores.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onBothPlatforms } from "./support/platform.js";

const JSON_HEADERS = { "content-type": "application/json" };

onBothPlatforms("http-api", {}, (app) => {
  /** @param {string} method @param {string} target @param {unknown} [body] */
  const call = (method, target, body) =>
    app().fetch("api", method, target, body === undefined ? {} : { headers: JSON_HEADERS, body: typeof body === "string" ? body : JSON.stringify(body) });

  test("notes: create, read, update and delete, with the note in the kv store", async () => {
    const created = await call("POST", "/notes", { title: "  Groceries ", body: "eggs, milk" });
    assert.equal(created.status, 201);
    const note = await created.json();
    assert.match(note.id, /^[0-9a-f-]{36}$/);
    assert.equal(created.headers.get("location"), `/notes/${note.id}`);
    assert.deepEqual({ title: note.title, body: note.body }, { title: "Groceries", body: "eggs, milk" });
    assert.deepEqual(JSON.parse(await app().kv("notes").get(note.id)), note, "the kv store holds the note as JSON under its id");

    const read = await call("GET", `/notes/${note.id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(await read.json(), { ...note, attachments: [] });

    const updated = await call("PUT", `/notes/${note.id}`, { title: "Groceries (Saturday)", body: "eggs, milk, bread" });
    assert.equal(updated.status, 200);
    const after = await updated.json();
    assert.deepEqual([after.id, after.created, after.title, after.body], [note.id, note.created, "Groceries (Saturday)", "eggs, milk, bread"]);
    assert.ok(after.updated >= note.updated);

    assert.equal((await call("DELETE", `/notes/${note.id}`)).status, 204);
    assert.equal(await app().kv("notes").get(note.id), null);
    const gone = await call("GET", `/notes/${note.id}`);
    assert.equal(gone.status, 404);
    assert.deepEqual(await gone.json(), { error: `no note ${note.id}` });
    assert.equal((await call("DELETE", `/notes/${note.id}`)).status, 404);
    assert.equal((await call("PUT", `/notes/${note.id}`, { title: "x" })).status, 404);
    assert.match(app().logs("api"), new RegExp(`"message":"note created","id":"${note.id}"`));
  });

  test("notes: bad bodies are 400s that say what is wrong; nothing is stored", async () => {
    const before = await app().kv("notes").keys();
    const notJson = await call("POST", "/notes", "{title:");
    assert.equal(notJson.status, 400);
    assert.deepEqual(await notJson.json(), { error: "the body is not JSON" });
    const invalid = await call("POST", "/notes", { title: "", body: 7 });
    assert.equal(invalid.status, 400);
    assert.deepEqual(await invalid.json(), { error: "invalid note", problems: ["title must be a non-empty string", "body must be a string"] });
    const long = await call("POST", "/notes", { title: "é".repeat(201) });
    assert.deepEqual((await long.json()).problems, ["title must be at most 200 characters"]);
    assert.deepEqual(await app().kv("notes").keys(), before);
  });

  test("notes: the list pages through every note exactly once, titles from the keys' metadata", async () => {
    const ids = [];
    for (const title of ["one", "two", "three"]) ids.push((await (await call("POST", "/notes", { title })).json()).id);
    const seen = [];
    let target = "/notes?limit=2";
    for (let pages = 0; target; pages++) {
      assert.ok(pages < 5, "the list ends");
      const page = await (await call("GET", target)).json();
      assert.ok(page.notes.length <= 2);
      seen.push(...page.notes);
      target = page.cursor ? `/notes?limit=2&cursor=${encodeURIComponent(page.cursor)}` : "";
    }
    const stored = await app().kv("notes").keys();
    assert.deepEqual(seen.map((n) => n.id), stored, "every key once, in the store's order");
    for (const id of ids) assert.equal(seen.find((n) => n.id === id)?.title, ["one", "two", "three"][ids.indexOf(id)]);
    assert.equal((await call("GET", "/notes?limit=0")).status, 400);
    for (const id of ids) assert.equal((await call("DELETE", `/notes/${id}`)).status, 204);
  });

  test("attachments: binary upload and download under /attachments/*, listed with the note, deleted with it", async () => {
    const note = await (await call("POST", "/notes", { title: "trip" })).json();
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    const name = "photos/day 1+ü.png";
    const target = `/attachments/${note.id}/${name.split("/").map(encodeURIComponent).join("/")}`;
    const put = await app().fetch("api", "PUT", target, { headers: { "content-type": "image/png" }, body: bytes });
    assert.equal(put.status, 201);
    const stored = await put.json();
    assert.deepEqual([stored.key, stored.size], [`${note.id}/${name}`, 256]);
    assert.equal(put.headers.get("location"), target);

    const object = await app().bucket("attachments").get(`${note.id}/${name}`);
    assert.ok(object, "the object is in the bucket under the decoded key");
    assert.deepEqual([...object.bytes], [...bytes]);
    assert.equal(object.contentType, "image/png");
    assert.equal(object.customMetadata.note, note.id);

    const got = await app().fetch("api", "GET", target);
    assert.equal(got.status, 200);
    assert.equal(got.headers.get("content-type"), "image/png");
    assert.equal(got.headers.get("etag"), `"${stored.etag}"`);
    assert.deepEqual([...new Uint8Array(await got.arrayBuffer())], [...bytes]);

    const withFiles = await (await call("GET", `/notes/${note.id}`)).json();
    assert.deepEqual(withFiles.attachments, [{ key: `${note.id}/${name}`, name, size: 256, url: target }]);

    const orphan = await app().fetch("api", "PUT", "/attachments/no-such-note/a.txt", { body: "x" });
    assert.equal(orphan.status, 404);
    assert.deepEqual(await orphan.json(), { error: "no note no-such-note" });
    assert.equal((await app().fetch("api", "PUT", `/attachments/${note.id}`, { body: "x" })).status, 400);
    assert.equal((await app().fetch("api", "GET", `/attachments/${note.id}/missing.txt`)).status, 404);

    assert.equal((await call("DELETE", `/notes/${note.id}`)).status, 204);
    assert.deepEqual(await app().bucket("attachments").keys(`${note.id}/`), []);
  });

  test("routing: an undeclared path is 404, another method on a declared path 405 with Allow", async () => {
    const missing = await call("GET", "/nowhere");
    assert.equal(missing.status, 404);
    assert.equal(await missing.text(), "Not Found");
    const wrong = await call("PATCH", "/notes/abc");
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get("allow"), "DELETE, GET, HEAD, PUT");
  });
});
