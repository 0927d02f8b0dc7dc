// The guestbook's moderator (one module for every platform: docs/runtime.md).
//
// queue `moderation`: each message names a pending entry ({ book, id }); an entry with a word of
//   BLOCKED_WORDS (comma-separated, any case) is rejected (kept a week), any other is published.
//   A message whose entry is gone (deleted meanwhile) is done. A message that fails (it names no
//   entry, a store call fails) is retried alone; after two retries it goes to moderation-dlq.
// schedule "0 4 * * *": every book's published entries, newest first, written to the bucket
//   `exports` as <book>/<day>.json and <book>/latest.json.
import { pendingKey, entryKey, rejectedKey, exportKey } from "./lib/keys.js";

const WEEK = 7 * 86_400;

export default {
  async queue(batch, env) {
    const blocked = (env.BLOCKED_WORDS ?? "").split(",").map((w) => w.trim().toLowerCase()).filter(Boolean);
    for (const message of batch.messages) {
      try {
        await moderate(env, message.body, blocked);
      } catch (error) {
        // Only this message comes back (the others of the batch are acknowledged).
        console.error(`message ${message.id} not moderated (attempt ${message.attempts}): ${error.message}`);
        message.retry();
      }
    }
  },

  async scheduled(controller, env) {
    const day = new Date(controller.scheduledTime).toISOString().slice(0, 10);
    const books = new Map();
    let cursor;
    do {
      const page = await env.ENTRIES.list({ prefix: "entry:", cursor });
      for (const { name } of page.keys) {
        const book = name.slice("entry:".length, name.indexOf("/"));
        if (!books.has(book)) books.set(book, []);
        books.get(book).push(name);
      }
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
    for (const [book, keys] of books) {
      const entries = (await Promise.all(keys.map((k) => env.ENTRIES.get(k, "json")))).filter(Boolean);
      const body = JSON.stringify({ book, day, entries }, null, 2);
      const options = { httpMetadata: { contentType: "application/json" }, customMetadata: { exported: new Date(controller.scheduledTime).toISOString(), entries: String(entries.length) } };
      await env.EXPORTS.put(exportKey(book, day), body, options);
      await env.EXPORTS.put(exportKey(book, "latest"), body, options);
    }
    console.log(`exported ${books.size} books for ${day}`);
  },
};

/** Publishes or rejects the pending entry a message names. */
async function moderate(env, body, blocked) {
  const { book, id } = body ?? {};
  if (typeof book !== "string" || typeof id !== "string") throw new Error("the message names no entry");
  const entry = await env.ENTRIES.get(pendingKey(book, id), "json");
  if (!entry) {
    console.log(`entry ${book}/${id} is no longer pending`);
    return;
  }
  const words = `${entry.name} ${entry.message}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const hit = blocked.find((word) => words.includes(word));
  if (hit) await env.ENTRIES.put(rejectedKey(book, id), JSON.stringify({ ...entry, reason: `blocked word ${hit}` }), { expirationTtl: WEEK });
  else await env.ENTRIES.put(entryKey(book, id), JSON.stringify(entry), { metadata: { name: entry.name } });
  await env.ENTRIES.delete(pendingKey(book, id));
  console.log(`entry ${book}/${id} ${hit ? "rejected" : "published"}`);
}
