// @ts-check
/**
 * bucket (Cloudflare R2's binding API) on files: one record file per object, named by the SHA-256 of
 * its key; the header holds the key, size, etag, upload time and metadata, the rest is the body.
 * Headers are indexed in memory (read from the folder at start) for `head` and `list`. Writes are
 * atomic and durable (files.js). Objects are R2Object-shaped like the AWS adapter's: listed objects
 * carry empty metadata (S3 lists none; `head` a key to read it). No access or limit checks here.
 */
import { createHash, randomUUID } from "node:crypto";
import { join } from "node:path";
import { byteOrder, ensureDir, hashName, listFiles, readRecord, recordChunks, removeFile, writeFileAtomic } from "./files.js";
import { bodyBytes, cursorOf, keyOfCursor } from "./values.js";

/** R2 httpMetadata field <-> HTTP header. */
const HTTP_FIELDS = /** @type {const} */ ([
  ["contentType", "content-type"],
  ["contentLanguage", "content-language"],
  ["contentDisposition", "content-disposition"],
  ["contentEncoding", "content-encoding"],
  ["cacheControl", "cache-control"],
  ["cacheExpiry", "expires"],
]);

/**
 * @typedef {{key: string, size: number, etag: string, uploaded: string, version: string,
 *   httpMetadata: Record<string, string>, customMetadata: Record<string, string>}} ObjectHeader
 */

export class FileBucket {
  /** @param {{dir: string}} options */
  constructor({ dir }) {
    this.dir = dir;
    ensureDir(dir);
    /** @type {Map<string, ObjectHeader>} */
    this.index = new Map();
    for (const name of listFiles(dir)) {
      const record = readRecord(join(dir, name));
      if (record && typeof record.header?.key === "string") this.index.set(record.header.key, record.header);
    }
  }

  /** @param {string} key */
  #file(key) {
    return join(this.dir, `${hashName(key)}.obj`);
  }

  /** @param {string} key */
  async head(key) {
    const header = this.index.get(key);
    return header ? objectOf(header, true) : null;
  }

  /** @param {string} key */
  async get(key) {
    if (!this.index.has(key)) return null;
    const record = readRecord(this.#file(key), { body: true });
    if (!record) return null;
    return withBody(objectOf(record.header, true), /** @type {Uint8Array} */ (record.body));
  }

  /**
   * @param {string} key @param {unknown} value
   * @param {{httpMetadata?: Headers | Record<string, unknown>, customMetadata?: Record<string, string>}} [options]
   */
  async put(key, value, options = {}) {
    const body = await bodyBytes(value);
    /** @type {ObjectHeader} */
    const header = {
      key,
      size: body.byteLength,
      etag: createHash("md5").update(body).digest("hex"),
      uploaded: new Date().toISOString(),
      version: randomUUID().replace(/-/g, ""),
      httpMetadata: storedHttpMetadata(options?.httpMetadata),
      customMetadata: { ...(options?.customMetadata ?? {}) },
    };
    writeFileAtomic(this.#file(key), recordChunks(header, body));
    this.index.set(key, header);
    return objectOf(header, true);
  }

  /** @param {string | string[]} keys */
  async delete(keys) {
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      removeFile(this.#file(key));
      this.index.delete(key);
    }
  }

  /**
   * Keys with the prefix in UTF-8 byte order; with a delimiter, keys sharing the part up to it are
   * one entry of `delimitedPrefixes`. The cursor is the last entry of the page.
   * @param {{prefix?: string, delimiter?: string, limit?: number, cursor?: string, startAfter?: string}} [options]
   */
  async list(options = {}) {
    const limit = options?.limit ?? 1000;
    const prefix = options?.prefix ?? "";
    const delimiter = options?.delimiter || undefined;
    const after = options?.cursor ? keyOfCursor(options.cursor, "bucket list") : options?.startAfter;
    /** @type {{kind: "object" | "prefix", name: string}[]} */
    const entries = [];
    const prefixes = new Set();
    for (const key of [...this.index.keys()].sort(byteOrder)) {
      if (!key.startsWith(prefix)) continue;
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) {
        const common = key.slice(0, cut + /** @type {string} */ (delimiter).length);
        if (!prefixes.has(common)) {
          prefixes.add(common);
          entries.push({ kind: "prefix", name: common });
        }
      } else entries.push({ kind: "object", name: key });
    }
    const remaining = after === undefined ? entries : entries.filter((e) => byteOrder(e.name, after) > 0);
    const page = remaining.slice(0, limit);
    const truncated = remaining.length > limit;
    return {
      objects: page.filter((e) => e.kind === "object").map((e) => objectOf(/** @type {ObjectHeader} */ (this.index.get(e.name)), false)),
      delimitedPrefixes: page.filter((e) => e.kind === "prefix").map((e) => e.name),
      truncated,
      ...(truncated ? { cursor: cursorOf(page[page.length - 1].name) } : {}),
    };
  }
}

/**
 * httpMetadata as stored: header values as text (cacheExpiry as an HTTP date).
 * @param {Headers | Record<string, unknown> | undefined} metadata
 * @returns {Record<string, string>}
 */
function storedHttpMetadata(metadata) {
  /** @type {Record<string, string>} */
  const stored = {};
  if (!metadata) return stored;
  for (const [field, header] of HTTP_FIELDS) {
    const value = metadata instanceof Headers ? metadata.get(header) : metadata[field];
    if (value === undefined || value === null) continue;
    stored[field] = value instanceof Date ? value.toUTCString() : String(value);
  }
  return stored;
}

/**
 * The R2Object of a stored header; listed objects carry no metadata (as on S3).
 * @param {ObjectHeader} header @param {boolean} withMetadata
 */
function objectOf(header, withMetadata) {
  /** @type {Record<string, unknown>} */
  const httpMetadata = {};
  if (withMetadata) {
    for (const [field, value] of Object.entries(header.httpMetadata)) httpMetadata[field] = field === "cacheExpiry" ? new Date(value) : value;
  }
  return {
    key: header.key,
    version: header.version,
    size: header.size,
    etag: header.etag,
    httpEtag: `"${header.etag}"`,
    uploaded: new Date(header.uploaded),
    httpMetadata,
    customMetadata: withMetadata ? { ...header.customMetadata } : {},
    storageClass: "Standard",
    /** Sets the object's HTTP metadata on response headers, as R2's does. @param {Headers} headers */
    writeHttpMetadata(headers) {
      for (const [field, name] of HTTP_FIELDS) {
        const value = header.httpMetadata[field];
        if (value !== undefined) headers.set(name, value);
      }
    },
  };
}

/**
 * An R2ObjectBody: the object with its body and the readers.
 * @param {ReturnType<typeof objectOf>} object @param {Uint8Array} bytes
 */
function withBody(object, bytes) {
  const response = new Response(bytes.slice());
  const body = /** @type {ReadableStream<Uint8Array>} */ (response.body);
  return Object.defineProperties(object, {
    body: { value: body, enumerable: true },
    bodyUsed: { get: () => response.bodyUsed, enumerable: true },
    text: { value: () => response.text() },
    json: { value: () => response.json() },
    arrayBuffer: { value: () => response.arrayBuffer() },
    blob: { value: () => response.blob() },
  });
}
