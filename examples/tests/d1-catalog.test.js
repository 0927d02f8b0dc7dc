// examples/d1-catalog: D1 is Cloudflare only (the AWS target refuses a database), so this example
// runs on Cloudflare alone: the Worker's bundle with its wrangler.toml's bindings, D1 on a real
// SQLite with the example's migrations applied (support/sqlite-d1.js) and R2 in memory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onBothPlatforms } from "./support/platform.js";

const BOOKS = [
  { isbn: "978-0-262-03384-8", title: "Introduction to Algorithms", author: "Cormen" },
  { isbn: "9780131103627", title: "The C Programming Language", author: "Kernighan" },
  { isbn: "9780201633610", title: "Design Patterns", author: "Gamma" },
];

onBothPlatforms("d1-catalog", { platforms: ["cloudflare"] }, (app) => {
  const call = (method, target, body) =>
    app().fetch("catalog-api", method, target, body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const rows = () => app().database("catalog").query("SELECT isbn, title, author FROM books ORDER BY isbn");

  test("POST /books adds one book with run(); GET /books/{isbn} reads it with first()", async () => {
    const added = await call("POST", "/books", BOOKS[0]);
    assert.equal(added.status, 201);
    assert.equal(added.headers.get("location"), "/books/9780262033848");
    assert.deepEqual(await added.json(), { isbn: "9780262033848", title: "Introduction to Algorithms", author: "Cormen" });
    assert.deepEqual(await rows(), [{ isbn: "9780262033848", title: "Introduction to Algorithms", author: "Cormen" }]);
    const read = await call("GET", "/books/978-0262033848");
    assert.deepEqual(await read.json(), { isbn: "9780262033848", title: "Introduction to Algorithms", author: "Cormen", cover: null });
    const again = await call("POST", "/books", BOOKS[0]);
    assert.equal(again.status, 409);
    assert.deepEqual(await again.json(), { error: "book 9780262033848 is already in the catalogue" });
    assert.equal((await call("GET", "/books/9780306406157")).status, 404);
    assert.equal((await call("GET", "/books/not-an-isbn")).status, 404);
  });

  test("POST /books with a list is one batch: all added, or none when one exists", async () => {
    const clash = await call("POST", "/books", [BOOKS[1], BOOKS[0]]);
    assert.equal(clash.status, 409);
    assert.equal((await rows()).length, 1, "the batch rolled back: the first book is not there either");
    const added = await call("POST", "/books", [BOOKS[1], BOOKS[2]]);
    assert.deepEqual([added.status, await added.json()], [201, { added: 2 }]);
    assert.deepEqual((await rows()).map((b) => b.isbn), ["9780131103627", "9780201633610", "9780262033848"]);
    const invalid = await call("POST", "/books", [{ isbn: "9780306406158", title: "", author: "x" }]);
    assert.deepEqual(await invalid.json(), { error: "invalid book", problems: ["[0].isbn must be an ISBN-13 with a correct check digit", "[0].title must be text of 1 to 300 characters"] });
  });

  test("GET /books filters with bound parameters, pages by title, counts the matches", async () => {
    const all = await (await call("GET", "/books?limit=2")).json();
    assert.deepEqual(all.books.map((b) => b.title), ["Design Patterns", "Introduction to Algorithms"]);
    assert.deepEqual([all.total, all.limit, all.offset], [3, 2, 0]);
    const next = await (await call("GET", "/books?limit=2&offset=2")).json();
    assert.deepEqual(next.books.map((b) => b.title), ["The C Programming Language"]);
    const byAuthor = await (await call("GET", "/books?author=Gamma")).json();
    assert.deepEqual([byAuthor.total, byAuthor.books[0].isbn], [1, "9780201633610"]);
    const search = await (await call("GET", `/books?q=${encodeURIComponent("%")}`)).json();
    assert.equal(search.total, 0, "a % in the search is a literal character");
    const title = await (await call("GET", "/books?q=Programming")).json();
    assert.deepEqual(title.books.map((b) => b.author), ["Kernighan"]);
    assert.equal((await call("GET", "/books?limit=500")).status, 400);
  });

  test("covers come from R2", async () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 0x43, 0xff, 0xd9]);
    await app().bucket("covers").put("covers/9780131103627.jpg", jpeg, { contentType: "image/jpeg" });
    const book = await (await call("GET", "/books/9780131103627")).json();
    assert.equal(book.cover, "/books/9780131103627/cover");
    const cover = await call("GET", book.cover);
    assert.equal(cover.headers.get("content-type"), "image/jpeg");
    assert.deepEqual([...new Uint8Array(await cover.arrayBuffer())], [...jpeg]);
    assert.equal((await call("GET", "/books/9780201633610/cover")).status, 404);
  });

  test("the migrations ran in order: the table and the author index exist", async () => {
    const indexes = await app().database("catalog").query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'books' AND name NOT LIKE 'sqlite_%'");
    assert.deepEqual(indexes, [{ name: "books_by_author" }]);
  });
});
