// @ts-check
/**
 * A durable queue on files: one message file per message in the queue's folder, written atomically
 * (files.js) before `send` resolves, so an acknowledged send survives a crash. A message file holds
 * `{id, body, timestamp, attempts, visibleAt}`: `body` is the JSON text the producer sent, `attempts`
 * how many deliveries it has had, `visibleAt` (ms) when it may be delivered again (a send's or a
 * retry's delay). Acked messages are removed; dead-lettered ones move to the dead-letter queue's folder.
 * The files sort by the time they were sent, which is the delivery order.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { ensureDir, listFiles, removeFile, writeFileAtomic } from "./files.js";
import { readFileSync } from "node:fs";
import { decodeQueueBody } from "../../core/encoding.js";

/**
 * @typedef {{id: string, body: string, timestamp: number, attempts: number, visibleAt: number}} StoredMessage
 * @typedef {StoredMessage & {file: string}} QueuedMessage
 */

export class FileQueue {
  /** @param {{name: string, dir: string, now?: () => number}} options */
  constructor({ name, dir, now }) {
    this.name = name;
    this.dir = dir;
    this.now = now ?? Date.now;
    ensureDir(dir);
    /** @type {Map<string, QueuedMessage>} by file name, in sending order */
    this.messages = new Map();
    for (const file of listFiles(dir)) {
      if (!file.endsWith(".msg")) continue;
      const stored = JSON.parse(readFileSync(join(dir, file), "utf8"));
      this.messages.set(file, { ...stored, file });
    }
    /** @type {Set<string>} files being delivered now */
    this.inFlight = new Set();
    this.sequence = 0;
  }

  /**
   * Adds a message (durably) and returns it.
   * @param {string} bodyText the body as JSON text @param {{delaySeconds?: number, id?: string, attempts?: number, timestamp?: number}} [options]
   */
  enqueue(bodyText, options = {}) {
    const now = this.now();
    const id = options.id ?? randomUUID().replace(/-/g, "");
    const timestamp = options.timestamp ?? now;
    const file = `${String(now).padStart(15, "0")}-${String(++this.sequence).padStart(9, "0")}-${id}.msg`;
    /** @type {StoredMessage} */
    const stored = { id, body: bodyText, timestamp, attempts: options.attempts ?? 0, visibleAt: now + (options.delaySeconds ?? 0) * 1000 };
    this.#write(file, stored);
    const message = { ...stored, file };
    this.messages.set(file, message);
    return message;
  }

  /** @param {string} file @param {StoredMessage} stored */
  #write(file, stored) {
    const { id, body, timestamp, attempts, visibleAt } = stored;
    writeFileAtomic(join(this.dir, file), [JSON.stringify({ id, body, timestamp, attempts, visibleAt })]);
  }

  /**
   * Up to `limit` messages that may be delivered now (not delayed, not in flight), oldest first,
   * marked in flight.
   * @param {number} limit
   */
  take(limit) {
    const now = this.now();
    /** @type {QueuedMessage[]} */
    const taken = [];
    for (const message of this.messages.values()) {
      if (taken.length >= limit) break;
      if (message.visibleAt <= now && !this.inFlight.has(message.file)) taken.push(message);
    }
    for (const message of taken) this.inFlight.add(message.file);
    return taken;
  }

  /** How many messages could be delivered now. */
  readyCount() {
    const now = this.now();
    let count = 0;
    for (const message of this.messages.values()) if (message.visibleAt <= now && !this.inFlight.has(message.file)) count++;
    return count;
  }

  /** When the next delayed message becomes deliverable (ms), or undefined. */
  nextVisibleAt() {
    let next;
    for (const message of this.messages.values()) {
      if (this.inFlight.has(message.file)) continue;
      if (next === undefined || message.visibleAt < next) next = message.visibleAt;
    }
    return next;
  }

  /** Removes a delivered message. @param {QueuedMessage} message */
  ack(message) {
    removeFile(join(this.dir, message.file));
    this.messages.delete(message.file);
    this.inFlight.delete(message.file);
  }

  /**
   * Puts a delivered message back with one more attempt counted, visible after `delaySeconds`.
   * @param {QueuedMessage} message @param {number} [delaySeconds]
   */
  retry(message, delaySeconds = 0) {
    const updated = { ...message, attempts: message.attempts + 1, visibleAt: this.now() + delaySeconds * 1000 };
    this.#write(message.file, updated);
    this.messages.set(message.file, updated);
    this.inFlight.delete(message.file);
  }

  /**
   * Moves a delivered message to another queue (the dead-letter queue), keeping its id, sending time
   * and attempts. The copy is written before the original is removed (a crash in between keeps both).
   * @param {QueuedMessage} message @param {FileQueue} other
   */
  moveTo(message, other) {
    other.enqueue(message.body, { id: message.id, timestamp: message.timestamp, attempts: message.attempts + 1 });
    this.ack(message);
  }

  /** Returns messages taken but not decided (the consumer could not run) without counting an attempt. @param {QueuedMessage[]} messages */
  release(messages) {
    for (const message of messages) this.inFlight.delete(message.file);
  }

  /** What is in the queue, for `GET /__distlang/queues/<name>`. */
  snapshot() {
    const now = this.now();
    return [...this.messages.values()].map((m) => ({
      id: m.id,
      timestamp: new Date(m.timestamp).toISOString(),
      attempts: m.attempts,
      state: this.inFlight.has(m.file) ? "delivering" : m.visibleAt > now ? "delayed" : "ready",
      ...(m.visibleAt > now ? { visibleAt: new Date(m.visibleAt).toISOString() } : {}),
      body: decodeQueueBody(m.body),
    }));
  }
}
