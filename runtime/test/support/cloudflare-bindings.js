// @ts-check
/**
 * In-memory stand-ins for the Workers runtime's bindings, written from Cloudflare's documented
 * JavaScript APIs (there is no workerd on this machine): KV namespaces (get/getWithMetadata/put/
 * delete/list with expiration, metadata and cursors), R2 buckets (head/get/put/delete/list with
 * httpMetadata, customMetadata, delimiters and cursors), Queue producers (send/sendBatch with
 * contentType), the consumer's MessageBatch, the ScheduledController, the ExecutionContext, and a
 * D1 database whose statements are answered by a function the test gives (no SQL engine here).
 * Each also checks the limits Cloudflare documents, so a runtime that skipped its own checks would
 * still see Cloudflare's failure.
 */
import { createHash, randomUUID } from "node:crypto";

const encoder = new TextEncoder();

/** @param {unknown} value @returns {Promise<Uint8Array>} */
async function bytesOf(value) {
  if (value === null || value === undefined) return new Uint8Array(0);
  if (typeof value === "string") return encoder.encode(value);
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  if (value instanceof ReadableStream || value instanceof Blob) return new Uint8Array(await new Response(value).arrayBuffer());
  throw new TypeError(`unsupported value type ${Object.prototype.toString.call(value)}`);
}

/** Compares strings by their UTF-8 bytes, the order KV and R2 list in. @param {string} a @param {string} b */
function byteOrder(a, b) {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * Cloudflare KV (developers.cloudflare.com/kv/api/): keys up to 512 bytes, values up to 25 MiB,
 * metadata up to 1,024 bytes, expirations at least 60 s ahead, list pages of at most 1,000 keys
 * in lexicographic (UTF-8) order with an opaque cursor.
 */
export class MemoryKV {
  /** @param {{now?: () => number}} [options] `now` in ms, for expiration tests */
  constructor(options = {}) {
    /** @type {Map<string, {bytes: Uint8Array, metadata: unknown, expiration?: number}>} */
    this.entries = new Map();
    this.now = options.now ?? Date.now;
  }

  /** @param {string} key */
  #live(key) {
    if (typeof key !== "string" || key === "" || key === "." || key === "..") throw new TypeError("KV GET failed: 400 Invalid key");
    if (encoder.encode(key).length > 512) throw new Error("KV GET failed: 414 UTF-8 encoded length exceeds key length limit of 512.");
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiration !== undefined && entry.expiration * 1000 <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** @param {Uint8Array} bytes @param {string} type */
  static #decode(bytes, type) {
    switch (type) {
      case "text":
        return new TextDecoder().decode(bytes);
      case "json":
        return JSON.parse(new TextDecoder().decode(bytes));
      case "arrayBuffer":
        return bytes.slice().buffer;
      case "stream":
        return new Response(bytes.slice()).body;
      default:
        throw new TypeError(`Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".`);
    }
  }

  /** @param {string} key @param {string | {type?: string, cacheTtl?: number}} [type] */
  async get(key, type) {
    const entry = this.#live(key);
    const name = (typeof type === "object" ? type?.type : type) ?? "text";
    return entry ? MemoryKV.#decode(entry.bytes, name) : null;
  }

  /** @param {string} key @param {string | {type?: string}} [type] */
  async getWithMetadata(key, type) {
    const entry = this.#live(key);
    const name = (typeof type === "object" ? type?.type : type) ?? "text";
    if (!entry) return { value: null, metadata: null, cacheStatus: null };
    return { value: MemoryKV.#decode(entry.bytes, name), metadata: entry.metadata ?? null, cacheStatus: null };
  }

  /**
   * @param {string} key @param {string | ArrayBuffer | ReadableStream} value
   * @param {{expiration?: number, expirationTtl?: number, metadata?: unknown}} [options]
   */
  async put(key, value, options = {}) {
    this.#live(key);
    if (ArrayBuffer.isView(value)) throw new TypeError("KV put() accepts a string, ArrayBuffer or ReadableStream");
    const bytes = await bytesOf(value);
    if (bytes.length > 25 * 1024 * 1024) throw new Error("KV PUT failed: 413 Value length exceeds limit");
    const nowSeconds = this.now() / 1000;
    let expiration;
    if (options.expirationTtl !== undefined) {
      if (options.expirationTtl < 60) throw new Error("KV PUT failed: 400 Invalid expiration_ttl of " + options.expirationTtl + ". Expiration TTL must be at least 60.");
      expiration = Math.floor(nowSeconds + options.expirationTtl);
    }
    if (options.expiration !== undefined) {
      if (options.expiration < nowSeconds + 60) throw new Error("KV PUT failed: 400 Invalid expiration. Expiration times must be at least 60 seconds in the future.");
      expiration = Math.floor(options.expiration);
    }
    const metadata = options.metadata === undefined ? undefined : JSON.parse(JSON.stringify(options.metadata));
    if (metadata !== undefined && encoder.encode(JSON.stringify(metadata)).length > 1024) throw new Error("KV PUT failed: 413 Metadata length exceeds limit of 1024 bytes");
    this.entries.set(key, { bytes, metadata, expiration });
  }

  /** @param {string} key */
  async delete(key) {
    this.#live(key);
    this.entries.delete(key);
  }

  /** @param {{prefix?: string | null, limit?: number, cursor?: string | null}} [options] */
  async list(options = {}) {
    const limit = options.limit ?? 1000;
    if (limit < 1 || limit > 1000) throw new Error("KV LIST failed: 400 Invalid key_count_limit");
    const prefix = options.prefix ?? "";
    const after = options.cursor ? Buffer.from(options.cursor, "base64url").toString("utf8") : undefined;
    const names = [...this.entries.keys()]
      .filter((name) => name.startsWith(prefix) && this.#live(name))
      .sort(byteOrder)
      .filter((name) => after === undefined || byteOrder(name, after) > 0);
    const page = names.slice(0, limit);
    const keys = page.map((name) => {
      const entry = /** @type {any} */ (this.entries.get(name));
      return { name, ...(entry.expiration !== undefined ? { expiration: entry.expiration } : {}), ...(entry.metadata !== undefined ? { metadata: entry.metadata } : {}) };
    });
    const complete = names.length <= limit;
    return complete
      ? { keys, list_complete: true, cacheStatus: null }
      : { keys, list_complete: false, cursor: Buffer.from(page[page.length - 1], "utf8").toString("base64url"), cacheStatus: null };
  }
}

const HTTP_FIELDS = ["contentType", "contentLanguage", "contentDisposition", "contentEncoding", "cacheControl", "cacheExpiry"];

/**
 * Cloudflare R2 (developers.cloudflare.com/r2/api/workers/workers-api-reference/): keys up to
 * 1,024 bytes; head/get give R2Object / R2ObjectBody or null; list pages of up to 1,000 in key
 * order with `delimitedPrefixes` for a delimiter.
 */
export class MemoryR2 {
  constructor() {
    /** @type {Map<string, {bytes: Uint8Array, etag: string, uploaded: Date, version: string, httpMetadata: Record<string, any>, customMetadata: Record<string, string>}>} */
    this.objects = new Map();
  }

  /** @param {string} key */
  static #checkKey(key) {
    if (typeof key !== "string" || encoder.encode(key).length > 1024) throw new Error("put: The specified object name is not valid. (10020)");
  }

  /** @param {string} key @param {any} stored */
  static #object(key, stored) {
    const httpMetadata = { ...stored.httpMetadata };
    return {
      key,
      version: stored.version,
      size: stored.bytes.length,
      etag: stored.etag,
      httpEtag: `"${stored.etag}"`,
      uploaded: stored.uploaded,
      httpMetadata,
      customMetadata: { ...stored.customMetadata },
      checksums: { md5: Buffer.from(stored.etag, "hex").buffer },
      storageClass: "Standard",
      /** @param {Headers} headers */
      writeHttpMetadata(headers) {
        const names = { contentType: "content-type", contentLanguage: "content-language", contentDisposition: "content-disposition", contentEncoding: "content-encoding", cacheControl: "cache-control" };
        for (const [field, header] of Object.entries(names)) if (httpMetadata[field]) headers.set(header, httpMetadata[field]);
      },
    };
  }

  /** @param {string} key */
  async head(key) {
    MemoryR2.#checkKey(key);
    const stored = this.objects.get(key);
    return stored ? MemoryR2.#object(key, stored) : null;
  }

  /** @param {string} key */
  async get(key) {
    MemoryR2.#checkKey(key);
    const stored = this.objects.get(key);
    if (!stored) return null;
    const response = new Response(stored.bytes.slice());
    return Object.assign(MemoryR2.#object(key, stored), {
      body: response.body,
      get bodyUsed() {
        return response.bodyUsed;
      },
      arrayBuffer: () => response.arrayBuffer(),
      text: () => response.text(),
      json: () => response.json(),
      blob: () => response.blob(),
    });
  }

  /**
   * @param {string} key @param {any} value
   * @param {{httpMetadata?: Headers | Record<string, any>, customMetadata?: Record<string, string>}} [options]
   */
  async put(key, value, options = {}) {
    MemoryR2.#checkKey(key);
    const bytes = await bytesOf(value);
    /** @type {Record<string, any>} */
    let httpMetadata = {};
    if (options.httpMetadata instanceof Headers) {
      const h = options.httpMetadata;
      httpMetadata = Object.fromEntries([["contentType", h.get("content-type")], ["contentLanguage", h.get("content-language")], ["contentDisposition", h.get("content-disposition")], ["contentEncoding", h.get("content-encoding")], ["cacheControl", h.get("cache-control")]].filter(([, v]) => v));
    } else if (options.httpMetadata) {
      httpMetadata = Object.fromEntries(Object.entries(options.httpMetadata).filter(([k, v]) => HTTP_FIELDS.includes(k) && v !== undefined));
    }
    const stored = {
      bytes,
      etag: createHash("md5").update(bytes).digest("hex"),
      uploaded: new Date(),
      version: randomUUID().replace(/-/g, ""),
      httpMetadata,
      customMetadata: { ...(options.customMetadata ?? {}) },
    };
    this.objects.set(key, stored);
    return MemoryR2.#object(key, stored);
  }

  /** @param {string | string[]} keys */
  async delete(keys) {
    const list = Array.isArray(keys) ? keys : [keys];
    if (list.length > 1000) throw new Error("delete: too many keys (1000 at most)");
    for (const key of list) this.objects.delete(key);
  }

  /** @param {{prefix?: string, delimiter?: string, limit?: number, cursor?: string, startAfter?: string}} [options] */
  async list(options = {}) {
    const limit = options.limit ?? 1000;
    if (limit < 1 || limit > 1000) throw new Error("list: MaxKeys params must be positive integer <= 1000. (10022)");
    const prefix = options.prefix ?? "";
    const after = options.cursor ? Buffer.from(options.cursor, "base64url").toString("utf8") : options.startAfter;
    /** @type {{kind: "object" | "prefix", name: string}[]} */
    const entries = [];
    const seenPrefixes = new Set();
    for (const key of [...this.objects.keys()].sort(byteOrder)) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const cut = options.delimiter ? rest.indexOf(options.delimiter) : -1;
      if (cut >= 0) {
        const common = prefix + rest.slice(0, cut + /** @type {string} */ (options.delimiter).length);
        if (!seenPrefixes.has(common)) {
          seenPrefixes.add(common);
          entries.push({ kind: "prefix", name: common });
        }
      } else entries.push({ kind: "object", name: key });
    }
    const remaining = entries.filter((e) => after === undefined || byteOrder(e.name, after) > 0);
    const page = remaining.slice(0, limit);
    const truncated = remaining.length > limit;
    return {
      objects: page.filter((e) => e.kind === "object").map((e) => {
        const { customMetadata, httpMetadata, ...rest } = MemoryR2.#object(e.name, this.objects.get(e.name));
        return rest;
      }),
      delimitedPrefixes: page.filter((e) => e.kind === "prefix").map((e) => e.name),
      truncated,
      ...(truncated ? { cursor: Buffer.from(page[page.length - 1].name, "utf8").toString("base64url") } : {}),
    };
  }
}

/**
 * A Cloudflare Queue producer (developers.cloudflare.com/queues/configuration/javascript-apis/):
 * send(body, {contentType, delaySeconds}) and sendBatch(messages, {delaySeconds}). Messages are kept
 * serialized the way their contentType says (json: JSON text; text: a string; v8: a structured
 * clone), 128 KB each, batches of at most 100 messages and 256 KB, delays up to 12 hours.
 */
export class MemoryQueue {
  /** @param {string} name the queue's name on Cloudflare */
  constructor(name) {
    this.name = name;
    /** @type {{id: string, timestamp: Date, contentType: string, serialized: unknown, delaySeconds: number, attempts: number}[]} */
    this.sent = [];
  }

  /** @param {unknown} body @param {string} contentType */
  static #serialize(body, contentType) {
    switch (contentType) {
      case "json":
        return JSON.stringify(body);
      case "text":
        if (typeof body !== "string") throw new TypeError("Content type text requires a string body");
        return body;
      case "bytes":
        return new Uint8Array(/** @type {ArrayBuffer} */ (body)).slice();
      case "v8":
        return structuredClone(body);
      default:
        throw new TypeError(`Unknown content type ${contentType}`);
    }
  }

  /** @param {unknown} serialized */
  static #size(serialized) {
    return typeof serialized === "string" ? encoder.encode(serialized).length : serialized instanceof Uint8Array ? serialized.length : encoder.encode(JSON.stringify(serialized) ?? "").length;
  }

  /** @param {unknown} body @param {{contentType?: string, delaySeconds?: number}} [options] */
  #enqueue(body, options = {}) {
    const contentType = options.contentType ?? "v8";
    const serialized = MemoryQueue.#serialize(body, contentType);
    if (MemoryQueue.#size(serialized) + 100 > 128_000) throw new Error("Queue send failed: message too large (128 KB)");
    const delaySeconds = options.delaySeconds ?? 0;
    if (delaySeconds < 0 || delaySeconds > 43200) throw new Error("Queue send failed: delaySeconds out of range");
    return { id: randomUUID().replace(/-/g, ""), timestamp: new Date(), contentType, serialized, delaySeconds, attempts: 1 };
  }

  /** @param {unknown} body @param {{contentType?: string, delaySeconds?: number}} [options] */
  async send(body, options) {
    this.sent.push(this.#enqueue(body, options));
  }

  /** @param {{body: unknown, contentType?: string, delaySeconds?: number}[]} messages @param {{delaySeconds?: number}} [options] */
  async sendBatch(messages, options = {}) {
    if (messages.length > 100) throw new Error("Queue sendBatch failed: batch of more than 100 messages");
    const made = messages.map((m) => this.#enqueue(m.body, { contentType: m.contentType, delaySeconds: m.delaySeconds ?? options.delaySeconds }));
    const total = made.reduce((sum, m) => sum + MemoryQueue.#size(m.serialized) + 100, 0);
    if (total > 256_000) throw new Error("Queue sendBatch failed: batch larger than 256 KB");
    this.sent.push(...made);
  }

  /** The bodies a consumer would receive, deserialized by content type. */
  bodies() {
    return this.sent.map((m) => MemoryQueue.deserialize(m));
  }

  /** @param {{contentType: string, serialized: any}} message */
  static deserialize(message) {
    switch (message.contentType) {
      case "json":
        return JSON.parse(message.serialized);
      case "bytes":
        return message.serialized.slice().buffer;
      case "v8":
        return structuredClone(message.serialized);
      default:
        return message.serialized;
    }
  }
}

/**
 * The MessageBatch a consumer Worker receives, over messages taken from a MemoryQueue (or made by the
 * test), recording each message's ack()/retry() calls in order.
 * @param {string} queueName the queue's name on Cloudflare (`batch.queue`)
 * @param {{id?: string, body: unknown, attempts?: number, timestamp?: Date, contentType?: string, serialized?: unknown}[]} messages
 */
export function messageBatch(queueName, messages) {
  /** @type {Record<string, string[]>} */
  const calls = {};
  const natives = messages.map((m, index) => {
    const id = m.id ?? `msg-${index + 1}`;
    calls[id] = [];
    return {
      id,
      timestamp: m.timestamp ?? new Date(),
      attempts: m.attempts ?? 1,
      body: "serialized" in m && m.contentType ? MemoryQueue.deserialize(/** @type {any} */ (m)) : m.body,
      ack: () => void calls[id].push("ack"),
      /** @param {{delaySeconds?: number}} [options] */
      retry: (options) => void calls[id].push(options?.delaySeconds === undefined ? "retry" : `retry:${options.delaySeconds}`),
    };
  });
  const batch = {
    queue: queueName,
    messages: natives,
    ackAll: () => natives.forEach((m) => m.ack()),
    /** @param {{delaySeconds?: number}} [options] */
    retryAll: (options) => natives.forEach((m) => m.retry(options)),
  };
  return { batch, calls };
}

/** A ScheduledController (Cron Triggers). @param {string} cron @param {number} scheduledTime */
export function scheduledController(cron, scheduledTime) {
  const controller = { cron, scheduledTime, type: "scheduled", noRetryCalled: false, noRetry: () => void (controller.noRetryCalled = true) };
  return controller;
}

/** An ExecutionContext whose waitUntil promises can be awaited by the test. */
export function executionContext() {
  /** @type {Promise<unknown>[]} */
  const promises = [];
  return {
    waitUntil: (/** @type {Promise<unknown>} */ p) => void promises.push(p),
    passThroughOnException() {},
    settled: () => Promise.allSettled(promises),
    promises,
  };
}

/**
 * A D1 database (developers.cloudflare.com/d1/worker-api/) whose statements are answered by
 * `answer(sql, params)` -> rows: prepare().bind().all()/first()/run()/raw(), batch() and exec().
 * @param {(sql: string, params: unknown[]) => Record<string, unknown>[]} answer
 */
export function memoryD1(answer) {
  /** @type {{sql: string, params: unknown[]}[]} */
  const executed = [];
  const run = (sql, params) => {
    executed.push({ sql, params });
    const results = answer(sql, params);
    return { success: true, results, meta: { duration: 0, changes: 0, last_row_id: 0, rows_read: results.length, rows_written: 0 } };
  };
  /** @param {string} sql @param {unknown[]} params */
  const statement = (sql, params) => ({
    sql,
    params,
    bind: (/** @type {unknown[]} */ ...values) => statement(sql, values),
    all: async () => run(sql, params),
    run: async () => run(sql, params),
    first: async (/** @type {string | undefined} */ column) => {
      const row = run(sql, params).results[0] ?? null;
      return row && column !== undefined ? row[column] : row;
    },
    raw: async () => run(sql, params).results.map((row) => Object.values(row)),
  });
  return {
    executed,
    prepare: (/** @type {string} */ sql) => statement(sql, []),
    batch: async (/** @type {any[]} */ statements) => statements.map((s) => run(s.sql, s.params ?? [])),
    exec: async (/** @type {string} */ sql) => {
      const count = sql.split(";").filter((s) => s.trim()).length;
      for (const part of sql.split(";").filter((s) => s.trim())) run(part.trim(), []);
      return { count, duration: 0 };
    },
  };
}
