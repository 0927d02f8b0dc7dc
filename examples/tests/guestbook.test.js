// The acceptance app (examples/guestbook, written for this check, not by the runtime's authors):
// kv, a bucket, a queue sent to and consumed, a secret, a schedule and path parameters. One scripted
// session runs through both generated entries (the Lambda code roots on moto, the Workers' bundles
// with Cloudflare's documented bindings), each step's response and the stores' contents are
// recorded, and the two records must be identical (ids and times aside, which are random or
// the clock's: they are replaced by placeholders in order of appearance). Each record is also
// checked on its own, so that two platforms broken the same way still fail.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onBothPlatforms } from "./support/platform.js";

const TOKEN = "mod-token-4c1f";
const EXPORT_TIME = Date.parse("2026-03-10T04:00:00Z");
/** @type {Record<string, any[]>} */
const transcripts = {};

/**
 * Placeholders for what differs between runs by design: entry ids (random) and times (the clock).
 * @param {unknown} value @param {Map<string, string>} ids
 */
function normalise(value, ids) {
  const text = JSON.stringify(value).replace(/\d{13}-[0-9a-f]{6}/g, (id) => {
    if (!ids.has(id)) ids.set(id, `<id ${ids.size + 1}>`);
    return /** @type {string} */ (ids.get(id));
  });
  return JSON.parse(text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/g, (t) => (Date.parse(t) === EXPORT_TIME ? t : "<time>")));
}

/** The session: every request a visitor and the moderator make, the queue and the schedule. */
async function session(app) {
  const steps = [];
  const record = async (label, response) => {
    const type = response.headers.get("content-type") ?? "";
    const body = response.status === 204 ? null : type.includes("json") ? await response.json() : await response.text();
    const headers = Object.fromEntries(["allow", "location", "www-authenticate", "x-exported"].filter((h) => response.headers.has(h)).map((h) => [h, response.headers.get(h)]));
    steps.push({ step: label, status: response.status, headers, body });
    return body;
  };
  const req = (method, target, init = {}) => app.fetch("web", method, target, init);
  // Ids order entries by the millisecond they were written: a pause keeps two posts apart.
  const post = async (book, entry) => {
    await new Promise((resolve) => setTimeout(resolve, 3));
    return req("POST", `/books/${book}/entries`, { headers: { "content-type": "application/json" }, body: JSON.stringify(entry) });
  };

  const ana = await record("sign the home book", await post("home", { name: "Ana", message: "Lovely site! ✨" }));
  await record("sign it again", await post("home", { name: "Bo", message: "Greetings from Zürich" }));
  const spam = await record("spam it", await post("home", { name: "Win", message: "Best CASINO bonus" }));
  await record("sign another book", await post("about-us", { name: "Cy", message: "hi" }));
  await record("an empty entry", await post("home", { name: " ", message: "" }));
  await record("a bad book name", await post("Home!", { name: "x", message: "y" }));
  await record("pending before moderation", await req("GET", `/books/home/entries/${ana.id}`));
  await record("nothing published yet", await req("GET", "/books/home/entries"));

  const moderated = await app.deliver("moderation");
  steps.push({ step: "moderation batch", received: moderated.received.length, acked: moderated.acked.length, retried: moderated.retried.length, threw: moderated.threw });
  await record("published, newest first", await req("GET", "/books/home/entries"));
  await record("one entry", await req("GET", `/books/home/entries/${ana.id}`));
  await record("the rejected one", await req("GET", `/books/home/entries/${spam.id}`));
  await record("an unknown id", await req("GET", "/books/home/entries/0000000000000-000000"));

  await app.send("moderation", { note: "names no entry" });
  const poison = [];
  for (let round = 0; round < 4; round++) {
    const d = await app.deliver("moderation");
    poison.push({ received: d.received.map((m) => [m.body, m.attempts]), retried: d.retried.length });
  }
  steps.push({ step: "a message that names no entry", rounds: poison, deadLetters: await app.deadLetters("moderation") });

  await record("delete without the token", await req("DELETE", `/books/home/entries/${ana.id}`));
  await record("delete with a wrong token", await req("DELETE", `/books/home/entries/${ana.id}`, { headers: { authorization: "Bearer guess" } }));
  await record("no export before the night", await req("GET", "/books/home/export"));
  const exported = await app.schedule("moderator", "0 4 * * *", EXPORT_TIME);
  steps.push({ step: "nightly export", ...exported });
  await record("the export", await req("GET", "/books/home/export"));
  await record("delete with the token", await req("DELETE", `/books/home/entries/${ana.id}`, { headers: { authorization: `Bearer ${TOKEN}` } }));
  await record("deleted", await req("GET", `/books/home/entries/${ana.id}`));
  await record("another method", await req("PUT", "/books/home/entries"));
  await record("an undeclared path", await req("GET", "/books"));

  const kvKeys = await app.kv("entries").keys();
  const stored = Object.fromEntries(await Promise.all(kvKeys.map(async (k) => [k, JSON.parse(await app.kv("entries").get(k))])));
  const files = await app.bucket("exports").keys();
  const objects = Object.fromEntries(await Promise.all(files.map(async (k) => [k, JSON.parse((await app.bucket("exports").get(k)).text)])));
  steps.push({ step: "the stores at the end", kv: stored, bucket: objects });
  return steps;
}

onBothPlatforms("guestbook", { secrets: { MODERATOR_TOKEN: TOKEN } }, (app) => {
  test("a visitor's and the moderator's session", async () => {
    const steps = normalise(await session(app()), new Map());
    transcripts[app().platform] = steps;
    const step = (label) => steps.find((s) => s.step === label);
    assert.deepEqual(step("sign the home book"), { step: "sign the home book", status: 202, headers: { location: "/books/home/entries/<id 1>" }, body: { id: "<id 1>", status: "pending" } });
    assert.deepEqual(step("an empty entry").body, { error: "invalid entry", problems: ["name must be 1 to 60 characters", "message must be 1 to 1000 characters"] });
    assert.equal(step("a bad book name").status, 400);
    assert.deepEqual(step("pending before moderation").body, { id: "<id 1>", status: "pending" });
    assert.deepEqual(step("nothing published yet").body, { entries: [] });
    assert.deepEqual(step("moderation batch"), { step: "moderation batch", received: 4, acked: 4, retried: 0, threw: false });
    assert.deepEqual(step("published, newest first").body.entries.map((e) => [e.name, e.message]), [["Bo", "Greetings from Zürich"], ["Ana", "Lovely site! ✨"]]);
    assert.deepEqual([step("the rejected one").status, step("the rejected one").body.status], [410, "rejected"]);
    assert.equal(step("an unknown id").status, 404);
    assert.deepEqual(step("a message that names no entry"), {
      step: "a message that names no entry",
      rounds: [1, 2, 3].map((attempts) => ({ received: [[{ note: "names no entry" }, attempts]], retried: 1 })).concat([{ received: [], retried: 0 }]),
      deadLetters: [{ note: "names no entry" }],
    });
    assert.deepEqual([step("delete without the token").status, step("delete without the token").headers], [401, { "www-authenticate": "Bearer" }]);
    assert.equal(step("delete with a wrong token").status, 401);
    assert.equal(step("no export before the night").status, 404);
    assert.deepEqual(step("nightly export"), { step: "nightly export", failed: false });
    assert.deepEqual(step("the export").headers, { "x-exported": "2026-03-10T04:00:00.000Z" });
    assert.deepEqual(step("the export").body.entries.map((e) => e.name), ["Bo", "Ana"]);
    assert.equal(step("delete with the token").status, 204);
    assert.equal(step("deleted").status, 404);
    assert.deepEqual([step("another method").status, step("another method").headers], [405, { allow: "GET, HEAD, POST" }]);
    assert.equal(step("an undeclared path").status, 404);
    const { kv, bucket } = step("the stores at the end");
    assert.deepEqual(Object.keys(kv).sort(), ["entry:about-us/<id 4>", "entry:home/<id 2>", "rejected:home/<id 3>"]);
    assert.equal(kv["rejected:home/<id 3>"].reason, "blocked word casino");
    assert.deepEqual(Object.keys(bucket).sort(), ["about-us/2026-03-10.json", "about-us/latest.json", "home/2026-03-10.json", "home/latest.json"]);
    assert.deepEqual(bucket["home/latest.json"], bucket["home/2026-03-10.json"]);
  });
});

test("the guestbook behaves identically through both generated entries", () => {
  assert.ok(transcripts.aws && transcripts.cloudflare, "both platforms ran the session");
  assert.deepEqual(transcripts.aws, transcripts.cloudflare);
});
