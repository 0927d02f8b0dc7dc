// @ts-check
/**
 * kv (Cloudflare KV's API) on files: one record file per key under the namespace's folder, named by
 * the SHA-256 of the key; its header holds the key, the metadata and the expiration, the rest is the
 * value's bytes. An index of the headers is kept in memory (read from the folder at start) for `list`.
 * Writes are atomic and durable (files.js). No access or limit checks here: the core does those.
 */
import { join } from "node:path";
import { byteOrder, hashName, listFiles, readRecord, recordChunks, removeFile, writeFileAtomic, ensureDir } from "./files.js";
import { bytesToValue, cursorOf, keyOfCursor } from "./values.js";

/**
 * @typedef {{key: string, metadata?: unknown, expiration?: number}} KVHeader
 */

export class FileKV {
  /**
   * @param {{dir: string, now?: () => number}} options `now` in ms (tests)
   */
  constructor({ dir, now }) {
    this.dir = dir;
    this.now = now ?? Date.now;
    ensureDir(dir);
    /** @type {Map<string, KVHeader>} */
    this.index = new Map();
    for (const name of listFiles(dir)) {
      const record = readRecord(join(dir, name));
      if (record && typeof record.header?.key === "string") this.index.set(record.header.key, record.header);
    }
  }

  /** @param {string} key */
  #file(key) {
    return join(this.dir, `${hashName(key)}.kv`);
  }

  /** The live header of `key`, after removing the key if it has expired. @param {string} key */
  #live(key) {
    const header = this.index.get(key);
    if (!header) return undefined;
    if (header.expiration !== undefined && header.expiration * 1000 <= this.now()) {
      this.index.delete(key);
      removeFile(this.#file(key));
      return undefined;
    }
    return header;
  }

  /** @param {string} key */
  #read(key) {
    if (!this.#live(key)) return null;
    const record = readRecord(this.#file(key), { body: true });
    return record ? { header: /** @type {KVHeader} */ (record.header), body: /** @type {Uint8Array} */ (record.body) } : null;
  }

  /** @param {string} key @param {string | {type?: string}} [type] */
  async get(key, type) {
    const found = this.#read(key);
    return found ? bytesToValue(found.body, typeName(type)) : null;
  }

  /** @param {string} key @param {string | {type?: string}} [type] */
  async getWithMetadata(key, type) {
    const found = this.#read(key);
    if (!found) return { value: null, metadata: null, cacheStatus: null };
    return { value: bytesToValue(found.body, typeName(type)), metadata: found.header.metadata ?? null, cacheStatus: null };
  }

  /**
   * A put replaces the value, the metadata and the expiration together. `expiration` (epoch seconds)
   * wins over `expirationTtl`. The core has already read a stream into bytes.
   * @param {string} key @param {string | ArrayBuffer | ArrayBufferView} value
   * @param {{expiration?: number, expirationTtl?: number, metadata?: unknown}} [options]
   */
  async put(key, value, options = {}) {
    const body = typeof value === "string" ? new TextEncoder().encode(value) : toBytes(value);
    /** @type {KVHeader} */
    const header = { key };
    if (options?.metadata !== undefined && options.metadata !== null) header.metadata = JSON.parse(JSON.stringify(options.metadata));
    if (options?.expiration !== undefined && options.expiration !== null) header.expiration = Math.floor(options.expiration);
    else if (options?.expirationTtl !== undefined && options.expirationTtl !== null) {
      header.expiration = Math.floor(this.now() / 1000) + Math.floor(options.expirationTtl);
    }
    writeFileAtomic(this.#file(key), recordChunks(header, body));
    this.index.set(key, header);
  }

  /** @param {string} key */
  async delete(key) {
    removeFile(this.#file(key));
    this.index.delete(key);
  }

  /**
   * Keys with the prefix in UTF-8 byte order, `limit` (default 1,000) a page; the cursor is the last
   * key returned, so every key comes once across pages even when keys change between pages.
   * @param {{prefix?: string | null, limit?: number, cursor?: string | null}} [options]
   */
  async list(options = {}) {
    const prefix = options?.prefix ?? "";
    const limit = options?.limit ?? 1000;
    const after = options?.cursor ? keyOfCursor(options.cursor, "kv list") : undefined;
    const names = [...this.index.keys()]
      .filter((name) => name.startsWith(prefix) && (after === undefined || byteOrder(name, after) > 0))
      .sort(byteOrder)
      .filter((name) => this.#live(name));
    const page = names.slice(0, limit);
    const keys = page.map((name) => {
      const header = /** @type {KVHeader} */ (this.index.get(name));
      return {
        name,
        ...(header.expiration !== undefined ? { expiration: header.expiration } : {}),
        ...(header.metadata !== undefined ? { metadata: header.metadata } : {}),
      };
    });
    if (names.length > limit) return { keys, list_complete: false, cursor: cursorOf(page[page.length - 1]), cacheStatus: null };
    return { keys, list_complete: true, cacheStatus: null };
  }
}

/** @param {string | {type?: string} | undefined} type */
function typeName(type) {
  const name = (typeof type === "object" && type !== null ? type.type : type) ?? "text";
  if (!["text", "json", "arrayBuffer", "stream"].includes(name)) {
    throw new TypeError(`kv get: unknown type ${JSON.stringify(name)} (use "text", "json", "arrayBuffer" or "stream")`);
  }
  return name;
}

/** @param {ArrayBuffer | ArrayBufferView} value */
function toBytes(value) {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}
