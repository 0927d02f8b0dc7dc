// @ts-check
/**
 * kv (Cloudflare KV's API) on one DynamoDB table. The item layout is retained data, fixed in
 * runtime/DESIGN.md: partition key `pk` (S) = the key; `v` (B) the value bytes (absent for an
 * empty value); `m` (S) the metadata as JSON; `exp` (N) expiration in epoch seconds, the table's
 * TTL attribute; `ls` (S) always "k". The GSI `keys` (partition `ls`, sort `pk`, INCLUDE exp, m)
 * serves `list` in UTF-8 byte order of keys. Expired items are hidden on every read (DynamoDB's
 * TTL deletes them later). No access or limit checks here: the core does those.
 */
import { listLimit } from "./paging.js";
import { bytesOf, toBase64, fromBase64 } from "./bytes.js";

const LIST_SENTINEL = "k";
const INDEX = "keys";

/**
 * @typedef {object} KVListKey
 * @property {string} name
 * @property {number} [expiration] epoch seconds
 * @property {unknown} [metadata]
 */
/** @typedef {{ keys: KVListKey[], list_complete: boolean, cursor?: string, cacheStatus: null }} KVListResult */

export class DynamoKV {
  /**
   * @param {{ client: import("./client.js").JsonClient, tableName: string, now?: () => number }} options
   *   `client` is createClients(...).dynamodb; `now` (ms) is for tests
   */
  constructor({ client, tableName, now }) {
    this.client = client;
    this.tableName = tableName;
    this.now = now ?? Date.now;
  }

  /**
   * @param {string} key
   * @param {string | { type?: string }} [typeOrOptions] "text" (default) | "json" | "arrayBuffer" | "stream"
   */
  async get(key, typeOrOptions) {
    const type = valueType(typeOrOptions);
    const item = await this.#read(key, false);
    return item ? decodeValue(item, type) : null;
  }

  /**
   * @param {string} key
   * @param {string | { type?: string }} [typeOrOptions]
   * @returns {Promise<{ value: unknown, metadata: unknown, cacheStatus: null }>}
   */
  async getWithMetadata(key, typeOrOptions) {
    const type = valueType(typeOrOptions);
    const item = await this.#read(key, true);
    if (!item) return { value: null, metadata: null, cacheStatus: null };
    return { value: decodeValue(item, type), metadata: item.m ? JSON.parse(item.m.S) : null, cacheStatus: null };
  }

  /**
   * Writes the whole item: a put replaces the value, the metadata and the expiration.
   * `expiration` (absolute epoch seconds) wins over `expirationTtl` (seconds from now).
   * @param {string} key
   * @param {string | ArrayBuffer | ArrayBufferView | ReadableStream} value
   * @param {{ expiration?: number, expirationTtl?: number, metadata?: unknown }} [options]
   */
  async put(key, value, options = {}) {
    const bytes = await bytesOf(value, "kv value");
    /** @type {Record<string, any>} */
    const item = { pk: { S: key }, ls: { S: LIST_SENTINEL } };
    if (bytes.length) item.v = { B: toBase64(bytes) };
    if (options.metadata !== undefined && options.metadata !== null) {
      item.m = { S: JSON.stringify(options.metadata) };
    }
    const expiration = expirationOf(options, this.now());
    if (expiration !== undefined) item.exp = { N: String(expiration) };
    await this.client.call("PutItem", { TableName: this.tableName, Item: item });
  }

  /** @param {string} key */
  async delete(key) {
    await this.client.call("DeleteItem", { TableName: this.tableName, Key: { pk: { S: key } } });
  }

  /**
   * Keys with the prefix in UTF-8 byte order, at most `limit` (1..1000, default 1000) a page.
   * The cursor is the last key returned (opaque: base64url), so every key comes exactly once
   * across pages; `list_complete` is exact (one item is read ahead). Eventually consistent
   * (a GSI cannot be read consistently).
   * @param {{ prefix?: string, limit?: number, cursor?: string }} [options]
   * @returns {Promise<KVListResult>}
   */
  async list(options = {}) {
    const prefix = options.prefix ?? "";
    const limit = listLimit(options.limit);
    /** @type {Record<string, any> | undefined} */
    let startKey = options.cursor ? { ls: { S: LIST_SENTINEL }, pk: { S: decodeCursor(options.cursor) } } : undefined;
    const nowSeconds = this.now() / 1000;
    /** @type {KVListKey[]} */
    const keys = [];
    let more = true;
    while (keys.length < limit + 1 && more) {
      /** @type {Record<string, any>} */
      const input = {
        TableName: this.tableName,
        IndexName: INDEX,
        KeyConditionExpression: prefix ? "#ls = :ls AND begins_with(#pk, :prefix)" : "#ls = :ls",
        FilterExpression: "attribute_not_exists(#exp) OR #exp > :now",
        ExpressionAttributeNames: { "#ls": "ls", "#pk": "pk", "#exp": "exp", "#m": "m" },
        ExpressionAttributeValues: {
          ":ls": { S: LIST_SENTINEL },
          ":now": { N: String(Math.floor(nowSeconds)) },
          ...(prefix ? { ":prefix": { S: prefix } } : {}),
        },
        ProjectionExpression: "#pk, #exp, #m",
        Limit: limit + 1 - keys.length,
      };
      if (startKey) input.ExclusiveStartKey = startKey;
      const page = await this.client.call("Query", input);
      for (const item of page.Items ?? []) {
        if (isExpired(item, nowSeconds)) continue;
        keys.push(listKey(item));
      }
      startKey = page.LastEvaluatedKey;
      more = startKey !== undefined;
    }
    if (keys.length > limit) {
      keys.length = limit;
      return { keys, list_complete: false, cursor: encodeCursor(keys[limit - 1].name), cacheStatus: null };
    }
    return { keys, list_complete: true, cacheStatus: null };
  }

  /**
   * @param {string} key
   * @param {boolean} withMetadata
   * @returns {Promise<Record<string, any> | null>} the live item or null
   */
  async #read(key, withMetadata) {
    const result = await this.client.call("GetItem", {
      TableName: this.tableName,
      Key: { pk: { S: key } },
      ConsistentRead: true,
      ProjectionExpression: withMetadata ? "#pk, #v, #exp, #m" : "#pk, #v, #exp",
      ExpressionAttributeNames: { "#pk": "pk", "#v": "v", "#exp": "exp", ...(withMetadata ? { "#m": "m" } : {}) },
    });
    const item = result.Item;
    if (!item || isExpired(item, this.now() / 1000)) return null;
    return item;
  }
}

/** @param {string | { type?: string } | undefined} typeOrOptions */
function valueType(typeOrOptions) {
  const type = typeof typeOrOptions === "string" ? typeOrOptions : (typeOrOptions?.type ?? "text");
  if (!["text", "json", "arrayBuffer", "stream"].includes(type)) {
    throw new TypeError(`kv get: unknown type ${JSON.stringify(type)} (use "text", "json", "arrayBuffer" or "stream")`);
  }
  return type;
}

/**
 * @param {Record<string, any>} item
 * @param {number} nowSeconds
 */
function isExpired(item, nowSeconds) {
  return item.exp !== undefined && Number(item.exp.N) <= nowSeconds;
}

/**
 * @param {Record<string, any>} item
 * @param {string} type
 */
function decodeValue(item, type) {
  const bytes = item.v ? fromBase64(item.v.B) : new Uint8Array(0);
  switch (type) {
    case "arrayBuffer":
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    case "stream":
      return new ReadableStream({
        start(controller) {
          if (bytes.length) controller.enqueue(bytes);
          controller.close();
        },
      });
    case "json":
      return JSON.parse(new TextDecoder().decode(bytes));
    default:
      return new TextDecoder().decode(bytes);
  }
}

/** @param {Record<string, any>} item */
function listKey(item) {
  /** @type {KVListKey} */
  const key = { name: item.pk.S };
  if (item.exp !== undefined) key.expiration = Number(item.exp.N);
  if (item.m !== undefined) key.metadata = JSON.parse(item.m.S);
  return key;
}

/**
 * @param {{ expiration?: number, expirationTtl?: number }} options
 * @param {number} nowMs
 */
function expirationOf(options, nowMs) {
  if (options.expiration !== undefined && options.expiration !== null) return Math.floor(Number(options.expiration));
  if (options.expirationTtl !== undefined && options.expirationTtl !== null) {
    return Math.floor(nowMs / 1000) + Math.floor(Number(options.expirationTtl));
  }
  return undefined;
}

/** @param {string} key */
function encodeCursor(key) {
  return toBase64(new TextEncoder().encode(key)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** @param {string} cursor */
function decodeCursor(cursor) {
  const base64 = cursor.replace(/-/g, "+").replace(/_/g, "/");
  try {
    const key = new TextDecoder("utf-8", { fatal: true }).decode(fromBase64(base64));
    if (encodeCursor(key) === cursor) return key;
  } catch {
    /* fall through */
  }
  throw new TypeError(`kv list: invalid cursor ${JSON.stringify(cursor)} (pass the cursor of the previous page)`);
}
