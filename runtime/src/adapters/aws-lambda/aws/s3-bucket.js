// @ts-check
/**
 * bucket (Cloudflare R2's binding API) on one S3 bucket over REST.
 * - Objects are R2Object-shaped: key, size, etag (unquoted), httpEtag (quoted), uploaded (Date),
 *   httpMetadata, customMetadata, version (when S3 versions the bucket), storageClass,
 *   writeHttpMetadata(headers); `get` adds body, bodyUsed, text(), json(), arrayBuffer(), blob().
 * - customMetadata travels as x-amz-meta-* headers: S3 lower-cases the names; values outside
 *   printable ASCII are sent RFC 2047-encoded (=?UTF-8?B?...?=) and decoded on the way back.
 * - Bodies are read whole before a put (PutObject needs a length).
 * - delete(keys[]) uses DeleteObjects (Quiet, with Content-MD5), 1,000 keys a request; keys
 *   that XML 1.0 cannot carry are deleted one by one. A key that fails is an error naming it.
 * - list is ListObjectsV2 with encoding-type=url; listed objects carry no metadata (R2's
 *   `include` is not supported: S3 does not list metadata).
 * No access or limit checks here: the core does those.
 */
import { createHash } from "node:crypto";
import { listLimit } from "./paging.js";
import { bytesOf } from "./bytes.js";
import { parseXml, childrenNamed, childText, escapeXml } from "./xml.js";
import { AwsError } from "./client.js";

/**
 * @typedef {object} HttpMetadata
 * @property {string} [contentType]
 * @property {string} [contentLanguage]
 * @property {string} [contentDisposition]
 * @property {string} [contentEncoding]
 * @property {string} [cacheControl]
 * @property {Date} [cacheExpiry]
 */

/**
 * @typedef {object} BucketObject R2Object-shaped
 * @property {string} key
 * @property {number} size
 * @property {string} etag
 * @property {string} httpEtag
 * @property {Date} uploaded
 * @property {HttpMetadata} httpMetadata
 * @property {Record<string, string>} customMetadata
 * @property {string} storageClass
 * @property {string} [version]
 * @property {(headers: Headers) => void} writeHttpMetadata
 */
/**
 * @typedef {BucketObject & { body: ReadableStream<Uint8Array>, readonly bodyUsed: boolean,
 *   text(): Promise<string>, json(): Promise<any>, arrayBuffer(): Promise<ArrayBuffer>, blob(): Promise<Blob> }} BucketObjectBody
 */

/** R2 httpMetadata field <-> HTTP header. */
const HTTP_FIELDS = /** @type {const} */ ([
  ["contentType", "content-type"],
  ["contentLanguage", "content-language"],
  ["contentDisposition", "content-disposition"],
  ["contentEncoding", "content-encoding"],
  ["cacheControl", "cache-control"],
  ["cacheExpiry", "expires"],
]);
const META_PREFIX = "x-amz-meta-";
const MAX_DELETE_BATCH = 1000;

export class S3Bucket {
  /**
   * @param {{ client: import("./client.js").S3Client, bucketName: string }} options
   *   `client` is createClients(...).s3
   */
  constructor({ client, bucketName }) {
    this.client = client;
    this.bucketName = bucketName;
  }

  /**
   * @param {string} key
   * @returns {Promise<BucketObject | null>}
   */
  async head(key) {
    const response = await this.#request({ operation: "HeadObject", method: "HEAD", key }).catch(nullWhenMissing);
    return response ? objectFrom(key, response.headers) : null;
  }

  /**
   * @param {string} key
   * @returns {Promise<BucketObjectBody | null>}
   */
  async get(key) {
    const response = await this.#request({ operation: "GetObject", method: "GET", key }).catch(nullWhenMissing);
    if (!response) return null;
    return withBody(objectFrom(key, response.headers), response);
  }

  /**
   * @param {string} key
   * @param {string | ArrayBuffer | ArrayBufferView | ReadableStream | Blob | null} value
   * @param {{ httpMetadata?: HttpMetadata | Headers, customMetadata?: Record<string, string> }} [options]
   * @returns {Promise<BucketObject>}
   */
  async put(key, value, options = {}) {
    const body = await bytesOf(value, "bucket object body");
    /** @type {Record<string, string>} */
    const headers = { ...httpHeaders(options.httpMetadata), ...metaHeaders(options.customMetadata) };
    const response = await this.#request({ operation: "PutObject", method: "PUT", key, headers, body });
    await response.arrayBuffer();
    const etag = unquote(response.headers.get("etag") ?? "");
    const date = response.headers.get("date");
    return makeObject({
      key,
      size: body.byteLength,
      etag,
      uploaded: date ? new Date(date) : new Date(),
      httpMetadata: httpMetadataOf(new Headers(headers)),
      customMetadata: { ...(options.customMetadata ?? {}) },
      version: response.headers.get("x-amz-version-id") ?? undefined,
    });
  }

  /** @param {string | string[]} keys */
  async delete(keys) {
    if (!Array.isArray(keys)) {
      const response = await this.#request({ operation: "DeleteObject", method: "DELETE", key: keys });
      await response.arrayBuffer();
      return;
    }
    const xmlSafe = keys.filter(isXmlSafe);
    const oneByOne = keys.filter((k) => !isXmlSafe(k));
    /** @type {string[]} */
    const failures = [];
    for (let i = 0; i < xmlSafe.length; i += MAX_DELETE_BATCH) {
      failures.push(...(await this.#deleteBatch(xmlSafe.slice(i, i + MAX_DELETE_BATCH))));
    }
    for (const key of oneByOne) await this.delete(key);
    if (failures.length) {
      throw new Error(`S3 DeleteObjects on bucket ${this.bucketName} failed for ${failures.length} key(s): ${failures.join("; ")}`);
    }
  }

  /**
   * @param {{ prefix?: string, delimiter?: string, limit?: number, cursor?: string, startAfter?: string }} [options]
   * @returns {Promise<{ objects: BucketObject[], delimitedPrefixes: string[], truncated: boolean, cursor?: string }>}
   */
  async list(options = {}) {
    const limit = listLimit(options.limit);
    /** @type {Array<[string, string]>} */
    const query = [
      ["list-type", "2"],
      ["encoding-type", "url"],
      ["max-keys", String(limit)],
    ];
    if (options.prefix) query.push(["prefix", options.prefix]);
    if (options.delimiter) query.push(["delimiter", options.delimiter]);
    if (options.cursor) query.push(["continuation-token", options.cursor]);
    if (options.startAfter) query.push(["start-after", options.startAfter]);
    const response = await this.#request({ operation: "ListObjectsV2", method: "GET", query });
    const root = parseXml(await response.text());
    const objects = childrenNamed(root, "Contents").map((c) =>
      makeObject({
        key: urlDecode(childText(c, "Key") ?? ""),
        size: Number(childText(c, "Size") ?? 0),
        etag: unquote(childText(c, "ETag") ?? ""),
        uploaded: new Date(childText(c, "LastModified") ?? 0),
        httpMetadata: {},
        customMetadata: {},
        storageClass: childText(c, "StorageClass"),
      }),
    );
    const delimitedPrefixes = childrenNamed(root, "CommonPrefixes").map((p) => urlDecode(childText(p, "Prefix") ?? ""));
    const truncated = childText(root, "IsTruncated") === "true";
    const cursor = truncated ? childText(root, "NextContinuationToken") : undefined;
    return truncated && cursor !== undefined
      ? { objects, delimitedPrefixes, truncated: true, cursor }
      : { objects, delimitedPrefixes, truncated: false };
  }

  /**
   * @param {string[]} keys
   * @returns {Promise<string[]>} "key: Code: Message" per failed key
   */
  async #deleteBatch(keys) {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>true</Quiet>` +
      keys.map((k) => `<Object><Key>${escapeXml(k)}</Key></Object>`).join("") +
      `</Delete>`;
    const body = new TextEncoder().encode(xml);
    const response = await this.#request({
      operation: "DeleteObjects",
      method: "POST",
      query: [["delete", ""]],
      headers: { "content-type": "application/xml", "content-md5": createHash("md5").update(body).digest("base64") },
      body,
    });
    const root = parseXml(await response.text());
    return childrenNamed(root, "Error").map(
      (e) => `${JSON.stringify(childText(e, "Key") ?? "")}: ${childText(e, "Code") ?? "Error"}: ${childText(e, "Message") ?? ""}`,
    );
  }

  /** @param {Omit<import("./client.js").S3Request, "bucket">} request */
  #request(request) {
    return this.client.request({ ...request, bucket: this.bucketName });
  }
}

/** @param {unknown} error -> null for a missing object, rethrown otherwise */
function nullWhenMissing(error) {
  if (error instanceof AwsError && (error.code === "NoSuchKey" || (error.code === "NotFound" && error.status === 404))) {
    return null;
  }
  throw error;
}

/**
 * @param {string} key
 * @param {Headers} headers a HEAD or GET response's
 */
function objectFrom(key, headers) {
  /** @type {Record<string, string>} */
  const customMetadata = {};
  headers.forEach((value, name) => {
    if (name.startsWith(META_PREFIX)) customMetadata[name.slice(META_PREFIX.length)] = decodeMetaValue(value);
  });
  const lastModified = headers.get("last-modified");
  return makeObject({
    key,
    size: Number(headers.get("content-length") ?? 0),
    etag: unquote(headers.get("etag") ?? ""),
    uploaded: lastModified ? new Date(lastModified) : new Date(0),
    httpMetadata: httpMetadataOf(headers),
    customMetadata,
    version: headers.get("x-amz-version-id") ?? undefined,
    storageClass: headers.get("x-amz-storage-class") ?? undefined,
  });
}

/**
 * @param {{ key: string, size: number, etag: string, uploaded: Date, httpMetadata: HttpMetadata,
 *   customMetadata: Record<string, string>, version?: string, storageClass?: string }} fields
 */
function makeObject(fields) {
  const object = {
    key: fields.key,
    size: fields.size,
    etag: fields.etag,
    httpEtag: `"${fields.etag}"`,
    uploaded: fields.uploaded,
    httpMetadata: fields.httpMetadata,
    customMetadata: fields.customMetadata,
    storageClass: fields.storageClass ?? "STANDARD",
    /** Sets the object's HTTP metadata (and its etag) on response headers, as R2's does. */
    writeHttpMetadata(/** @type {Headers} */ target) {
      for (const [name, value] of Object.entries(httpHeaders(fields.httpMetadata))) target.set(name, value);
    },
  };
  if (fields.version !== undefined && fields.version !== "null") {
    return Object.assign(object, { version: fields.version });
  }
  return object;
}

/**
 * @param {BucketObject} object
 * @param {Response} response
 * @returns {BucketObjectBody}
 */
function withBody(object, response) {
  const body = response.body ?? new ReadableStream({ start: (c) => c.close() });
  let used = false;
  const read = () => {
    used = true;
    return new Response(body);
  };
  return /** @type {BucketObjectBody} */ Object.defineProperties(object, {
    body: { value: body, enumerable: true },
    // True once a reader method ran or the body stream was taken (locked).
    bodyUsed: { get: () => used || body.locked, enumerable: true },
    text: { value: () => read().text() },
    json: { value: () => read().json() },
    arrayBuffer: { value: () => read().arrayBuffer() },
    blob: { value: () => read().blob() },
  });
}

/**
 * @param {HttpMetadata | Headers | undefined} metadata
 * @returns {Record<string, string>}
 */
function httpHeaders(metadata) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (!metadata) return headers;
  if (metadata instanceof Headers) {
    for (const [, name] of HTTP_FIELDS) {
      const value = metadata.get(name);
      if (value !== null) headers[name] = value;
    }
    return headers;
  }
  for (const [field, name] of HTTP_FIELDS) {
    const value = metadata[field];
    if (value === undefined || value === null) continue;
    const text = value instanceof Date ? value.toUTCString() : String(value);
    if (!/^[\t\x20-\x7e]*$/.test(text)) {
      throw new TypeError(
        `bucket httpMetadata.${field} ${JSON.stringify(text)} has characters an HTTP header cannot carry (encode it, e.g. filename*=UTF-8''...)`,
      );
    }
    headers[name] = text;
  }
  return headers;
}

/**
 * @param {Headers} headers
 * @returns {HttpMetadata}
 */
function httpMetadataOf(headers) {
  /** @type {Record<string, any>} */
  const metadata = {};
  for (const [field, name] of HTTP_FIELDS) {
    const value = headers.get(name);
    if (value === null) continue;
    metadata[field] = field === "cacheExpiry" ? new Date(value) : value;
  }
  return metadata;
}

/**
 * @param {Record<string, string> | undefined} custom
 * @returns {Record<string, string>}
 */
function metaHeaders(custom) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(custom ?? {})) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
      throw new TypeError(
        `bucket customMetadata name ${JSON.stringify(name)} cannot be an HTTP header name on S3 (use letters, digits and - _ .)`,
      );
    }
    headers[META_PREFIX + name.toLowerCase()] = encodeMetaValue(String(value));
  }
  return headers;
}

/** @param {string} value -> itself if printable ASCII without leading/trailing space, else RFC 2047 */
function encodeMetaValue(value) {
  if (/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value) && !/^=\?.*\?=$/.test(value)) return value;
  if (value === "") return value;
  return `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

/** @param {string} value */
function decodeMetaValue(value) {
  const m = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=$/i.exec(value);
  return m ? Buffer.from(m[1], "base64").toString("utf8") : value;
}

/** @param {string} etag */
function unquote(etag) {
  return etag.replace(/^W\//, "").replace(/^"(.*)"$/, "$1");
}

/** @param {string} text encoding-type=url form (S3 may write a space as +) */
function urlDecode(text) {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

/** @param {string} key whether XML 1.0 can carry it */
function isXmlSafe(key) {
  return !/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(key);
}
