// Where the guestbook keeps things (shared by web.js and moderator.js).
//
// kv `entries`:  pending:<book>/<id>   an entry waiting for moderation (JSON)
//                entry:<book>/<id>     a published entry (JSON; metadata { name })
//                rejected:<book>/<id>  a rejected entry, kept a week (JSON)
// bucket `exports`: <book>/latest.json and <book>/<YYYY-MM-DD>.json, written nightly
//
// Ids sort newest first: 13 digits of (10^13 - the time in ms), a hyphen, 6 random hex digits.

export const BOOK = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const ID = /^\d{13}-[0-9a-f]{6}$/;

export const pendingKey = (book, id) => `pending:${book}/${id}`;
export const entryKey = (book, id) => `entry:${book}/${id}`;
export const rejectedKey = (book, id) => `rejected:${book}/${id}`;
export const exportKey = (book, name) => `${book}/${name}.json`;

export function newId(now = Date.now()) {
  const random = crypto.getRandomValues(new Uint8Array(3));
  return `${String(1e13 - now).padStart(13, "0")}-${[...random].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}
