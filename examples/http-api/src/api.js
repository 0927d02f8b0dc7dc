// The notes API, one module for every platform (docs/runtime.md). Notes live in the kv store
// `notes` (env.NOTES) as JSON under their id, with their title in the key's metadata so that a list
// needs no reads; attachments live in the bucket `attachments` (env.ATTACHMENTS) as
// `<note id>/<file name>`, served under /attachments/*.
import { json, failure, readJson, logger } from "./lib/http.js";

const MAX_TITLE = 200; // characters; the title is also the key's metadata (1 KB at most)
const MAX_BODY_BYTES = 256 * 1024; // a note is one kv value (384 KiB at most)
const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024; // under Lambda's 6 MB request payload

export default {
  async fetch(request, env, ctx) {
    const log = logger(env);
    const { key, params } = ctx.route;
    switch (key) {
      case "GET /notes":
        return listNotes(new URL(request.url), env);
      case "POST /notes": {
        const input = await noteInput(request);
        if (input.response) return input.response;
        const now = new Date().toISOString();
        const note = { id: crypto.randomUUID(), ...input.note, created: now, updated: now };
        await saveNote(env, note);
        log.info("note created", { id: note.id });
        return json(note, 201, { location: `/notes/${note.id}` });
      }
      case "GET /notes/{id}": {
        const note = await env.NOTES.get(params.id, "json");
        if (note === null) return failure(404, `no note ${params.id}`);
        return json({ ...note, attachments: await attachmentsOf(env, note.id) });
      }
      case "PUT /notes/{id}": {
        const old = await env.NOTES.get(params.id, "json");
        if (old === null) return failure(404, `no note ${params.id}`);
        const input = await noteInput(request);
        if (input.response) return input.response;
        const note = { ...old, ...input.note, updated: new Date().toISOString() };
        await saveNote(env, note);
        log.info("note updated", { id: note.id });
        return json(note);
      }
      case "DELETE /notes/{id}": {
        if ((await env.NOTES.get(params.id)) === null) return failure(404, `no note ${params.id}`);
        const files = await attachmentsOf(env, params.id);
        for (let i = 0; i < files.length; i += 1000) await env.ATTACHMENTS.delete(files.slice(i, i + 1000).map((f) => f.key));
        await env.NOTES.delete(params.id);
        log.info("note deleted", { id: params.id, attachments: files.length });
        return new Response(null, { status: 204 });
      }
      case "PUT /attachments/*":
        return putAttachment(request, env, params["*"], log);
      case "GET /attachments/*": {
        const object = await env.ATTACHMENTS.get(params["*"]);
        if (object === null) return failure(404, `no attachment ${params["*"]}`);
        return new Response(object.body, {
          headers: { "content-type": object.httpMetadata.contentType ?? "application/octet-stream", etag: object.httpEtag },
        });
      }
    }
    return failure(500, `no handler for ${key}`);
  },
};

/** GET /notes?limit=&cursor=: one page of notes in id order, from the keys' metadata. */
async function listNotes(url, env) {
  const limit = Number(url.searchParams.get("limit") ?? "100");
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return failure(400, "limit must be a whole number from 1 to 1000");
  const cursor = url.searchParams.get("cursor") ?? undefined;
  const page = await env.NOTES.list({ limit, cursor });
  const notes = page.keys.map((k) => ({ id: k.name, title: k.metadata?.title ?? "", updated: k.metadata?.updated ?? null }));
  return json(page.list_complete ? { notes } : { notes, cursor: page.cursor });
}

/** The title and body of a POST or PUT, checked; or a 400 response. */
async function noteInput(request) {
  const body = await readJson(request);
  if (body.response) return body;
  const { title, body: text = "" } = body.value ?? {};
  const problems = [];
  if (typeof title !== "string" || title.trim() === "") problems.push("title must be a non-empty string");
  else if ([...title].length > MAX_TITLE) problems.push(`title must be at most ${MAX_TITLE} characters`);
  if (typeof text !== "string") problems.push("body must be a string");
  else if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) problems.push(`body must be at most ${MAX_BODY_BYTES} bytes`);
  if (problems.length > 0) return { response: json({ error: "invalid note", problems }, 400) };
  return { note: { title: title.trim(), body: text } };
}

async function saveNote(env, note) {
  await env.NOTES.put(note.id, JSON.stringify(note), { metadata: { title: note.title, updated: note.updated } });
}

/** Every attachment of a note (all pages of the bucket's listing). */
async function attachmentsOf(env, id) {
  const files = [];
  let cursor;
  do {
    const page = await env.ATTACHMENTS.list({ prefix: `${id}/`, cursor });
    for (const object of page.objects) {
      const name = object.key.slice(id.length + 1);
      files.push({ key: object.key, name, size: object.size, url: `/attachments/${id}/${name.split("/").map(encodeURIComponent).join("/")}` });
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return files;
}

/** PUT /attachments/<note id>/<file name>: the request's bytes, stored with their content type. */
async function putAttachment(request, env, path, log) {
  const slash = path.indexOf("/");
  if (slash <= 0 || slash === path.length - 1) return failure(400, "attachments go to /attachments/<note id>/<file name>");
  const id = path.slice(0, slash);
  if ((await env.NOTES.get(id)) === null) return failure(404, `no note ${id}`);
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return failure(413, `attachments are at most ${MAX_ATTACHMENT_BYTES} bytes`);
  const object = await env.ATTACHMENTS.put(path, bytes, {
    httpMetadata: { contentType: request.headers.get("content-type") ?? "application/octet-stream" },
    customMetadata: { note: id },
  });
  log.info("attachment stored", { key: path, size: object.size });
  return json({ key: object.key, size: object.size, etag: object.etag }, 201, { location: `/attachments/${path.split("/").map(encodeURIComponent).join("/")}` });
}
