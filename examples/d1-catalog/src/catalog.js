// The book catalogue on Cloudflare D1 (env.CATALOG, the database `catalog`; its tables are made by
// migrations/catalog) with cover images in R2 (env.COVERS, read access: covers/<isbn>.jpg).
//
//   GET  /books?author=&q=&limit=&offset=   a page of books by title, with the number that match
//   GET  /books/{isbn}                      one book (ISBN-13, hyphens allowed)
//   GET  /books/{isbn}/cover                its cover image
//   POST /books                             one book, or a list of up to 100 added all or none
const MAX_IMPORT = 100;

const json = (value, status = 200, headers = {}) => Response.json(value, { status, headers });
const failure = (status, error, more = {}) => json({ error, ...more }, status);

export default {
  async fetch(request, env, ctx) {
    const { key, params } = ctx.route;
    switch (key) {
      case "GET /books":
        return listBooks(new URL(request.url), env);
      case "GET /books/{isbn}": {
        const isbn = normalIsbn(params.isbn);
        const book = isbn && (await env.CATALOG.prepare("SELECT isbn, title, author FROM books WHERE isbn = ?").bind(isbn).first());
        if (!book) return failure(404, `no book ${params.isbn}`);
        const cover = await env.COVERS.head(`covers/${isbn}.jpg`);
        return json({ ...book, cover: cover ? `/books/${isbn}/cover` : null });
      }
      case "GET /books/{isbn}/cover": {
        const cover = await env.COVERS.get(`covers/${normalIsbn(params.isbn) ?? params.isbn}.jpg`);
        if (!cover) return failure(404, `no cover for ${params.isbn}`);
        return new Response(cover.body, { headers: { "content-type": cover.httpMetadata.contentType ?? "image/jpeg", etag: cover.httpEtag } });
      }
      case "POST /books":
        return addBooks(request, env);
    }
    return failure(500, `no handler for ${key}`);
  },
};

async function listBooks(url, env) {
  const limit = Number(url.searchParams.get("limit") ?? "20");
  const offset = Number(url.searchParams.get("offset") ?? "0");
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return failure(400, "limit must be a whole number from 1 to 100");
  if (!Number.isInteger(offset) || offset < 0) return failure(400, "offset must be a whole number from 0");
  const author = url.searchParams.get("author");
  const q = url.searchParams.get("q");
  const pattern = q === null ? null : `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = "WHERE (?1 IS NULL OR author = ?1) AND (?2 IS NULL OR title LIKE ?2 ESCAPE '\\')";
  const [page, count] = await env.CATALOG.batch([
    env.CATALOG.prepare(`SELECT isbn, title, author FROM books ${where} ORDER BY title, isbn LIMIT ?3 OFFSET ?4`).bind(author, pattern, limit, offset),
    env.CATALOG.prepare(`SELECT count(*) AS n FROM books ${where}`).bind(author, pattern),
  ]);
  return json({ books: page.results, total: count.results[0].n, limit, offset });
}

/** The 13 digits of an ISBN-13 (hyphens and spaces allowed) whose check digit is right, else null. */
function normalIsbn(text) {
  const digits = String(text).replace(/[-\s]/g, "");
  if (!/^97[89]\d{10}$/.test(digits)) return null;
  const sum = [...digits.slice(0, 12)].reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === Number(digits[12]) ? digits : null;
}

/** A book of a POST, checked: `{ book }` or `{ problems }`. */
function checkBook(input, where) {
  const problems = [];
  const isbn = normalIsbn(input?.isbn ?? "");
  if (!isbn) problems.push(`${where}isbn must be an ISBN-13 with a correct check digit`);
  for (const [field, max] of [["title", 300], ["author", 200]]) {
    const value = input?.[field];
    if (typeof value !== "string" || value.trim() === "" || value.length > max) problems.push(`${where}${field} must be text of 1 to ${max} characters`);
  }
  return problems.length > 0 ? { problems } : { book: { isbn, title: input.title.trim(), author: input.author.trim() } };
}

async function addBooks(request, env) {
  let input;
  try {
    input = await request.json();
  } catch {
    return failure(400, "the body is not JSON");
  }
  const many = Array.isArray(input);
  const items = many ? input : [input];
  if (items.length < 1 || items.length > MAX_IMPORT) return failure(400, `a list of 1 to ${MAX_IMPORT} books`);
  const checked = items.map((item, i) => checkBook(item, many ? `[${i}].` : ""));
  const problems = checked.flatMap((c) => c.problems ?? []);
  if (problems.length > 0) return failure(400, "invalid book", { problems });
  const books = checked.map((c) => c.book);
  const insert = (b) => env.CATALOG.prepare("INSERT INTO books (isbn, title, author) VALUES (?, ?, ?)").bind(b.isbn, b.title, b.author);
  try {
    // One statement is run(); several go in one batch, a transaction: all are added or none.
    if (many) await env.CATALOG.batch(books.map(insert));
    else await insert(books[0]).run();
  } catch (error) {
    if (/UNIQUE constraint failed/.test(error.message)) return failure(409, many ? "a book of the list is already in the catalogue; none was added" : `book ${books[0].isbn} is already in the catalogue`);
    throw error;
  }
  return many ? json({ added: books.length }, 201) : json(books[0], 201, { location: `/books/${books[0].isbn}` });
}
