// @ts-check
/**
 * The limits every platform enforces the same way. Each is the smaller of Cloudflare's and AWS's
 * documented limits (sources in docs/runtime.md, "Limits"), checked before the platform is called, so
 * a function that breaks one fails with the same LimitError on every platform instead of working on
 * one and failing on the other.
 */
import { LimitError } from "./errors.js";
import { encodeQueueBody, describeType, isBinary, utf8Length } from "./encoding.js";

export const LIMITS = Object.freeze({
  /** Cloudflare KV: 512 bytes (DynamoDB allows 2,048 for a partition key). */
  kvKeyBytes: 512,
  /**
   * 384 KiB. Cloudflare KV allows 25 MiB, but a kv entry is one DynamoDB item, at most 400 KB with its
   * attribute names; the other attributes take at most 1,566 bytes (key 512 + metadata 1,024 + expiration
   * + names), so 384 KiB fits even if "400 KB" means 400,000 bytes, with room for future attributes.
   */
  kvValueBytes: 384 * 1024,
  /** Cloudflare KV: metadata is at most 1,024 bytes, serialized as JSON. */
  kvMetadataBytes: 1024,
  /** Cloudflare KV list: limit 1..1,000 (the default is 1,000). */
  kvListMax: 1000,
  /** Cloudflare KV: an expiration at least 60 seconds away. */
  kvMinTtlSeconds: 60,
  /** Cloudflare Queues: 128 KB (1 KB = 1,000 bytes) including about 100 bytes of metadata; SQS: 256 KiB. */
  queueMessageBytes: 128_000 - 100,
  /** Cloudflare Queues sendBatch: at most 100 messages. SQS sends ten per request: the client splits. */
  queueBatchMessages: 100,
  /** Cloudflare Queues sendBatch: 256 KB in total, each message counting its ~100 bytes of metadata. */
  queueBatchBytes: 256_000,
  /** Per-message metadata Cloudflare counts against the message and batch sizes. */
  queueMessageOverheadBytes: 100,
  /** SQS DelaySeconds: 0..900 (Cloudflare allows 43,200). */
  queueSendDelayMax: 900,
  /** retry({delaySeconds}): Cloudflare 43,200; SQS ChangeMessageVisibility: 12 hours = 43,200. */
  queueRetryDelayMax: 43_200,
  /** R2 and S3: object keys are at most 1,024 bytes of UTF-8. */
  bucketKeyBytes: 1024,
  /** S3: user-defined metadata at most 2 KB, the UTF-8 bytes of every key and value (R2 allows more). */
  bucketCustomMetadataBytes: 2048,
  /** R2 list and S3 ListObjectsV2: limit 1..1,000. */
  bucketListMax: 1000,
  /** R2 delete(keys[]) and S3 DeleteObjects: at most 1,000 keys per call. */
  bucketDeleteKeys: 1000,
});

/**
 * Checks one call against the limits and returns the arguments to pass on (a kv stream value is read
 * into bytes, so its size can be checked before anything is written). Throws LimitError or TypeError.
 * @param {string} kind @param {string} method @param {unknown[]} args @param {string} label e.g. "env.SESSIONS.put"
 * @returns {Promise<unknown[]>}
 */
export async function checkCall(kind, method, args, label) {
  const check = CHECKS[kind]?.[method];
  return check ? await check(args, label) : args;
}

/** @type {Record<string, Record<string, (args: any[], label: string) => unknown[] | Promise<unknown[]>>>} */
const CHECKS = {
  kv: {
    get: ([key, type, ...rest], label) => {
      checkKvKey(key, label);
      checkKvGetType(type, label);
      return [key, type, ...rest];
    },
    getWithMetadata: ([key, type, ...rest], label) => {
      checkKvKey(key, label);
      checkKvGetType(type, label);
      return [key, type, ...rest];
    },
    put: async ([key, value, options, ...rest], label) => {
      checkKvKey(key, label);
      const bytes = await checkKvValue(value, label);
      checkKvPutOptions(options, label);
      return [key, bytes, options, ...rest];
    },
    delete: ([key, ...rest], label) => {
      checkKvKey(key, label);
      return [key, ...rest];
    },
    list: ([options, ...rest], label) => {
      checkKvListOptions(options, label);
      return [options, ...rest];
    },
  },
  bucket: {
    head: (args, label) => (checkBucketKey(args[0], label), args),
    get: (args, label) => (checkBucketKey(args[0], label), args),
    put: (args, label) => {
      checkBucketKey(args[0], label);
      checkBucketPutOptions(args[2], label);
      return args;
    },
    delete: (args, label) => {
      const keys = Array.isArray(args[0]) ? args[0] : [args[0]];
      if (keys.length > LIMITS.bucketDeleteKeys) {
        throw limit(`${label}: ${keys.length} keys in one call; delete takes at most ${LIMITS.bucketDeleteKeys}`, "bucketDeleteKeys", LIMITS.bucketDeleteKeys, keys.length);
      }
      for (const key of keys) checkBucketKey(key, label);
      return args;
    },
    list: (args, label) => (checkBucketListOptions(args[0], label), args),
  },
  queue: {
    send: ([body, options], label) => {
      encodeQueueMessage(body, label);
      checkDelay(options?.delaySeconds, LIMITS.queueSendDelayMax, label);
      return [body, options];
    },
    sendBatch: ([messages, options], label) => {
      checkQueueBatch(messages, label);
      checkDelay(options?.delaySeconds, LIMITS.queueSendDelayMax, label);
      return [messages, options];
    },
  },
};

/** @param {string} message @param {string} name @param {number} max @param {number} actual */
function limit(message, name, max, actual) {
  return new LimitError(message, { limit: name, max, actual });
}

/** @param {unknown} key @param {string} label */
export function checkKvKey(key, label) {
  if (typeof key !== "string") throw new TypeError(`${label}: the key must be a string, got ${describeType(key)}`);
  if (key === "" || key === "." || key === "..") {
    throw new TypeError(`${label}: the key ${JSON.stringify(key)} is not allowed (kv keys cannot be empty, "." or "..")`);
  }
  const bytes = utf8Length(key);
  if (bytes > LIMITS.kvKeyBytes) {
    throw limit(`${label}: the key is ${bytes} bytes of UTF-8; kv keys are at most ${LIMITS.kvKeyBytes} bytes`, "kvKeyBytes", LIMITS.kvKeyBytes, bytes);
  }
}

const KV_TYPES = ["text", "json", "arrayBuffer"];

/** @param {unknown} type @param {string} label */
function checkKvGetType(type, label) {
  const name = type !== null && typeof type === "object" ? /** @type {{type?: unknown}} */ (type).type : type;
  if (name === undefined || KV_TYPES.includes(/** @type {string} */ (name))) return;
  throw new TypeError(`${label}: type ${JSON.stringify(name)} is not portable; use "text", "json" or "arrayBuffer"`);
}

/**
 * The value as a string or bytes within the size limit. A ReadableStream is read (stopping past the limit).
 * @param {unknown} value @param {string} label
 * @returns {Promise<string | ArrayBuffer | ArrayBufferView>}
 */
async function checkKvValue(value, label) {
  const max = LIMITS.kvValueBytes;
  /** @param {number} bytes */
  const tooBig = (bytes) =>
    limit(`${label}: the value is ${bytes > max ? `${bytes} bytes` : "too large"}; kv values are at most ${max} bytes (384 KiB) on every platform`, "kvValueBytes", max, bytes);
  if (typeof value === "string") {
    // A UTF-16 string of n units has at most 3n UTF-8 bytes and at least n: only count when it matters.
    if (value.length * 3 > max) {
      const bytes = utf8Length(value);
      if (bytes > max) throw tooBig(bytes);
    }
    return value;
  }
  if (isBinary(value)) {
    const view = /** @type {ArrayBuffer | ArrayBufferView} */ (value);
    if (view.byteLength > max) throw tooBig(view.byteLength);
    return view;
  }
  if (value instanceof ReadableStream) return await readLimited(value, max, tooBig);
  throw new TypeError(`${label}: the value must be a string, ArrayBuffer, ArrayBufferView or ReadableStream, got ${describeType(value)}`);
}

/**
 * @param {ReadableStream} stream @param {number} max @param {(bytes: number) => Error} tooBig
 */
async function readLimited(stream, max, tooBig) {
  const reader = stream.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const chunk = typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(value.buffer ?? value, value.byteOffset ?? 0, value.byteLength);
    total += chunk.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooBig(total);
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** @param {any} options @param {string} label */
function checkKvPutOptions(options, label) {
  if (options === undefined || options === null) return;
  if (typeof options !== "object") throw new TypeError(`${label}: options must be an object`);
  const min = LIMITS.kvMinTtlSeconds;
  if (options.expirationTtl !== undefined) {
    if (typeof options.expirationTtl !== "number" || !Number.isFinite(options.expirationTtl)) {
      throw new TypeError(`${label}: expirationTtl must be a number of seconds`);
    }
    if (options.expirationTtl < min) {
      throw limit(`${label}: expirationTtl is ${options.expirationTtl}; it must be at least ${min} seconds`, "kvMinTtlSeconds", min, options.expirationTtl);
    }
  }
  if (options.expiration !== undefined) {
    if (typeof options.expiration !== "number" || !Number.isFinite(options.expiration)) {
      throw new TypeError(`${label}: expiration must be a number (seconds since the epoch)`);
    }
    const ahead = options.expiration - Date.now() / 1000;
    if (ahead < min) {
      throw limit(`${label}: expiration is ${Math.round(ahead)} seconds from now; it must be at least ${min} seconds in the future`, "kvMinTtlSeconds", min, Math.round(ahead));
    }
  }
  if (options.metadata !== undefined && options.metadata !== null) {
    /** @type {string} */
    let text;
    try {
      text = encodeQueueBody(options.metadata, label);
    } catch {
      throw new TypeError(`${label}: metadata must be a JSON value (plain objects, arrays, strings, finite numbers, booleans, null)`);
    }
    const bytes = utf8Length(text);
    if (bytes > LIMITS.kvMetadataBytes) {
      throw limit(`${label}: metadata is ${bytes} bytes as JSON; kv metadata is at most ${LIMITS.kvMetadataBytes} bytes`, "kvMetadataBytes", LIMITS.kvMetadataBytes, bytes);
    }
  }
}

/** @param {any} options @param {string} label */
function checkKvListOptions(options, label) {
  if (options === undefined || options === null) return;
  if (typeof options !== "object") throw new TypeError(`${label}: options must be an object`);
  if (options.prefix !== undefined && options.prefix !== null) {
    if (typeof options.prefix !== "string") throw new TypeError(`${label}: prefix must be a string`);
    const bytes = utf8Length(options.prefix);
    if (bytes > LIMITS.kvKeyBytes) {
      throw limit(`${label}: the prefix is ${bytes} bytes; it can be at most ${LIMITS.kvKeyBytes} (the longest key)`, "kvKeyBytes", LIMITS.kvKeyBytes, bytes);
    }
  }
  checkListLimit(options.limit, LIMITS.kvListMax, "kvListMax", label);
  if (options.cursor !== undefined && options.cursor !== null && typeof options.cursor !== "string") {
    throw new TypeError(`${label}: cursor must be the string a previous list returned`);
  }
}

/** @param {unknown} value @param {number} max @param {string} name @param {string} label */
function checkListLimit(value, max, name, label) {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max) {
    throw limit(`${label}: limit is ${String(value)}; it must be a whole number from 1 to ${max}`, name, max, Number(value));
  }
}

/** @param {unknown} key @param {string} label */
export function checkBucketKey(key, label) {
  if (typeof key !== "string") throw new TypeError(`${label}: the key must be a string, got ${describeType(key)}`);
  if (key === "") throw new TypeError(`${label}: the key cannot be empty`);
  const bytes = utf8Length(key);
  if (bytes > LIMITS.bucketKeyBytes) {
    throw limit(`${label}: the key is ${bytes} bytes of UTF-8; object keys are at most ${LIMITS.bucketKeyBytes} bytes`, "bucketKeyBytes", LIMITS.bucketKeyBytes, bytes);
  }
}

/** @param {any} options @param {string} label */
function checkBucketPutOptions(options, label) {
  const metadata = options?.customMetadata;
  if (metadata === undefined || metadata === null) return;
  if (typeof metadata !== "object") throw new TypeError(`${label}: customMetadata must be an object of strings`);
  let bytes = 0;
  for (const [name, value] of Object.entries(metadata)) {
    if (typeof value !== "string") throw new TypeError(`${label}: customMetadata.${name} must be a string`);
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
      // S3 carries them as x-amz-meta-<name> headers and lower-cases the names; R2 keeps them as given.
      throw new TypeError(`${label}: customMetadata name ${JSON.stringify(name)} must be lowercase letters, digits or -._~!#$%&'*+^\`| (S3 sends it as a header and lower-cases it)`);
    }
    bytes += utf8Length(name) + utf8Length(value);
  }
  if (bytes > LIMITS.bucketCustomMetadataBytes) {
    throw limit(`${label}: customMetadata is ${bytes} bytes (keys and values); it can be at most ${LIMITS.bucketCustomMetadataBytes}`, "bucketCustomMetadataBytes", LIMITS.bucketCustomMetadataBytes, bytes);
  }
}

/** @param {any} options @param {string} label */
function checkBucketListOptions(options, label) {
  if (options === undefined || options === null) return;
  if (typeof options !== "object") throw new TypeError(`${label}: options must be an object`);
  for (const name of ["prefix", "delimiter", "cursor", "startAfter"]) {
    if (options[name] !== undefined && typeof options[name] !== "string") throw new TypeError(`${label}: ${name} must be a string`);
  }
  checkListLimit(options.limit, LIMITS.bucketListMax, "bucketListMax", label);
}

/**
 * The JSON text of a message body, checked against the message size. Exported for the adapters.
 * @param {unknown} body @param {string} label
 */
export function encodeQueueMessage(body, label) {
  const text = encodeQueueBody(body, label);
  const bytes = utf8Length(text);
  if (bytes > LIMITS.queueMessageBytes) {
    throw limit(`${label}: the message is ${bytes} bytes as JSON; queue messages are at most ${LIMITS.queueMessageBytes} bytes`, "queueMessageBytes", LIMITS.queueMessageBytes, bytes);
  }
  return text;
}

/** @param {unknown} messages @param {string} label */
function checkQueueBatch(messages, label) {
  if (!Array.isArray(messages)) throw new TypeError(`${label}: expected an array of {body, delaySeconds?}`);
  if (messages.length > LIMITS.queueBatchMessages) {
    throw limit(`${label}: ${messages.length} messages; sendBatch takes at most ${LIMITS.queueBatchMessages}`, "queueBatchMessages", LIMITS.queueBatchMessages, messages.length);
  }
  let total = 0;
  messages.forEach((message, index) => {
    const where = `${label}[${index}]`;
    if (message === null || typeof message !== "object") throw new TypeError(`${where}: expected {body, delaySeconds?}`);
    total += utf8Length(encodeQueueMessage(message.body, where)) + LIMITS.queueMessageOverheadBytes;
    checkDelay(message.delaySeconds, LIMITS.queueSendDelayMax, where);
  });
  if (total > LIMITS.queueBatchBytes) {
    throw limit(`${label}: the batch is ${total} bytes (bodies as JSON plus ${LIMITS.queueMessageOverheadBytes} per message); a batch is at most ${LIMITS.queueBatchBytes} bytes`, "queueBatchBytes", LIMITS.queueBatchBytes, total);
  }
}

/**
 * @param {unknown} delaySeconds @param {number} max @param {string} label
 */
export function checkDelay(delaySeconds, max, label) {
  if (delaySeconds === undefined) return;
  if (typeof delaySeconds !== "number" || !Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > max) {
    throw limit(`${label}: delaySeconds is ${String(delaySeconds)}; it must be a whole number from 0 to ${max}`, max === LIMITS.queueSendDelayMax ? "queueSendDelayMax" : "queueRetryDelayMax", max, Number(delaySeconds));
  }
}
