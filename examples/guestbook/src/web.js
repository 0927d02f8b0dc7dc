// The guestbook's HTTP side (one module for every platform: docs/runtime.md).
//
//   POST   /books/{book}/entries        { name, message } -> 202: pending until the moderator has seen it
//   GET    /books/{book}/entries        published entries, newest first, PAGE_SIZE a page (?cursor=)
//   GET    /books/{book}/entries/{id}   one entry (or its status: pending, rejected)
//   DELETE /books/{book}/entries/{id}   removes an entry; needs `Authorization: Bearer <MODERATOR_TOKEN>`
//   GET    /books/{book}/export         the latest nightly export of the book (from the bucket)
import { BOOK, ID, pendingKey, entryKey, rejectedKey, exportKey, newId } from "./lib/keys.js";

const json = (value, status = 200, headers = {}) => Response.json(value, { status, headers });
const failure = (status, error, more = {}) => json({ error, ...more }, status);

export default {
  async fetch(request, env, ctx) {
    const { key, params } = ctx.route;
    if (!BOOK.test(params.book)) return failure(400, "a book name is 1 to 40 lowercase letters, digits or hyphens");
    if (params.id !== undefined && !ID.test(params.id)) return failure(404, `no entry ${params.id}`);
    switch (key) {
      case "POST /books/{book}/entries":
        return addEntry(request, env, params.book);
      case "GET /books/{book}/entries":
        return listEntries(new URL(request.url), env, params.book);
      case "GET /books/{book}/entries/{id}": {
        const entry = await env.ENTRIES.get(entryKey(params.book, params.id), "json");
        if (entry) return json(entry);
        if ((await env.ENTRIES.get(pendingKey(params.book, params.id))) !== null) return json({ id: params.id, status: "pending" });
        if ((await env.ENTRIES.get(rejectedKey(params.book, params.id))) !== null) return failure(410, "the moderator rejected this entry", { id: params.id, status: "rejected" });
        return failure(404, `no entry ${params.id}`);
      }
      case "DELETE /books/{book}/entries/{id}": {
        if (!(await isModerator(request, env))) return json({ error: "only the moderator may delete entries" }, 401, { "www-authenticate": "Bearer" });
        const where = entryKey(params.book, params.id);
        if ((await env.ENTRIES.get(where)) === null) return failure(404, `no entry ${params.id}`);
        await env.ENTRIES.delete(where);
        return new Response(null, { status: 204 });
      }
      case "GET /books/{book}/export": {
        const file = await env.EXPORTS.get(exportKey(params.book, "latest"));
        if (!file) return failure(404, `book ${params.book} has not been exported yet`);
        return new Response(file.body, { headers: { "content-type": "application/json", "x-exported": file.customMetadata.exported ?? "" } });
      }
    }
    return failure(500, `no handler for ${key}`);
  },
};

async function addEntry(request, env, book) {
  let input;
  try {
    input = await request.json();
  } catch {
    return failure(400, "the body is not JSON");
  }
  const problems = [];
  const name = typeof input?.name === "string" ? input.name.trim() : "";
  const message = typeof input?.message === "string" ? input.message.trim() : "";
  if (name === "" || [...name].length > 60) problems.push("name must be 1 to 60 characters");
  if (message === "" || [...message].length > 1000) problems.push("message must be 1 to 1000 characters");
  if (problems.length > 0) return failure(400, "invalid entry", { problems });
  const id = newId();
  const entry = { id, book, name, message, at: new Date().toISOString() };
  await env.ENTRIES.put(pendingKey(book, id), JSON.stringify(entry));
  await env.MODERATION.send({ book, id });
  return json({ id, status: "pending" }, 202, { location: `/books/${book}/entries/${id}` });
}

async function listEntries(url, env, book) {
  const limit = Number(env.PAGE_SIZE);
  const page = await env.ENTRIES.list({ prefix: entryKey(book, ""), limit, cursor: url.searchParams.get("cursor") ?? undefined });
  const entries = await Promise.all(page.keys.map((k) => env.ENTRIES.get(k.name, "json")));
  const body = { entries: entries.filter(Boolean) };
  return json(page.list_complete ? body : { ...body, cursor: page.cursor });
}

/** Whether the request carries the moderator's token (compared in constant time). */
async function isModerator(request, env) {
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const digest = async (text) => new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  const [a, b] = await Promise.all([digest(given), digest(env.MODERATOR_TOKEN)]);
  return a.reduce((diff, byte, i) => diff | (byte ^ b[i]), 0) === 0;
}
