// @ts-check
/**
 * Bytes, text and JSON: the conversions every adapter shares. Web APIs only (TextEncoder, atob/btoa),
 * so the same code runs on Workers and Node.
 */

const encoder = new TextEncoder();

/** UTF-8 length of a string without encoding it (lone surrogates count as U+FFFD, 3 bytes). @param {string} text */
export function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** @param {string} text */
export function textToBytes(text) {
  return encoder.encode(text);
}

/**
 * Text from UTF-8 bytes. With `fatal`, malformed input throws instead of becoming U+FFFD.
 * @param {Uint8Array} bytes @param {{fatal?: boolean}} [options]
 */
export function bytesToText(bytes, options = {}) {
  return new TextDecoder("utf-8", { fatal: options.fatal === true, ignoreBOM: true }).decode(bytes);
}

/** True for ArrayBuffer and every view on one (typed arrays, DataView). @param {unknown} value */
export function isBinary(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/**
 * A Uint8Array over the same memory as an ArrayBuffer or view (no copy), or the UTF-8 of a string.
 * @param {string | ArrayBuffer | ArrayBufferView} value
 */
export function toBytes(value) {
  if (typeof value === "string") return textToBytes(value);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError(`expected a string, ArrayBuffer or ArrayBufferView, got ${describeType(value)}`);
}

const CHUNK = 0x8000;

/** Standard base64 (RFC 4648 §4, with padding). @param {Uint8Array} bytes */
export function bytesToBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, /** @type {any} */ (bytes.subarray(i, i + CHUNK)));
  }
  return btoa(binary);
}

/** Bytes of standard or URL-safe base64; whitespace is ignored, anything else throws. @param {string} text */
export function base64ToBytes(text) {
  const normalized = text.replace(/[\t\n\r ]/g, "").replace(/-/g, "+").replace(/_/g, "/");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) throw new TypeError("invalid base64");
  const binary = atob(normalized);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A short name for a value's type in messages. @param {unknown} value */
export function describeType(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value !== "object") return typeof value;
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return name && name !== "Object" ? `a ${name}` : "an object";
}

/**
 * The JSON text of a queue body. Bodies are JSON values (null, booleans, finite numbers, strings, arrays,
 * plain objects) so they arrive equal on every platform; anything JSON would silently change (a Date,
 * a Map, bytes, undefined in an array, NaN) is refused with a TypeError naming where it is.
 * Object properties whose value is undefined are dropped, as JSON.stringify does.
 * @param {unknown} body @param {string} label who is sending, for the message
 */
export function encodeQueueBody(body, label) {
  if (body === undefined) throw new TypeError(`${label}: the message body is undefined; send a JSON value`);
  /** @type {string | undefined} */
  let problem;
  const text = JSON.stringify(body, function check(key, value) {
    if (problem !== undefined) return value;
    const original = key === "" ? body : this[key];
    const where = key === "" ? "the body" : `the body's ${JSON.stringify(key)}`;
    const why = nonJsonReason(original, Array.isArray(this));
    if (why) problem = `${where} is ${why}`;
    return value;
  });
  if (problem !== undefined) {
    throw new TypeError(`${label}: ${problem}; queue bodies are JSON values (encode bytes as base64 text)`);
  }
  return /** @type {string} */ (text);
}

/** @param {unknown} value @param {boolean} inArray */
function nonJsonReason(value, inArray) {
  switch (typeof value) {
    case "string":
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : `${value} (not a finite number)`;
    case "undefined":
      return inArray ? "undefined (in an array)" : undefined;
    case "object": {
      if (value === null || Array.isArray(value)) return undefined;
      const proto = Object.getPrototypeOf(value);
      return proto === Object.prototype || proto === null ? undefined : `${describeType(value)}`;
    }
    default:
      return `${describeType(value)}`;
  }
}

/**
 * A queue body from its JSON text. Text that is not JSON (a message another producer sent as plain
 * text) arrives as that string.
 * @param {string} text
 */
export function decodeQueueBody(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const TEXT_TYPES = new Set([
  "application/json",
  "application/javascript",
  "application/ecmascript",
  "application/xml",
  "application/x-www-form-urlencoded",
  "application/graphql",
  "application/x-ndjson",
]);

/**
 * Whether a body of this content type is text (sent as-is) rather than bytes (sent as base64):
 * `text/*`, JSON, XML, JavaScript, forms and every `+json`/`+xml` type.
 * @param {string | null | undefined} contentType
 */
export function isTextContentType(contentType) {
  if (!contentType) return false;
  const type = contentType.split(";")[0].trim().toLowerCase();
  return type.startsWith("text/") || TEXT_TYPES.has(type) || type.endsWith("+json") || type.endsWith("+xml");
}
