// @ts-check
/** Values and cursors the dev host's kv and bucket stores share. */

/**
 * A stored value as the type a kv `get` asked for.
 * @param {Uint8Array} bytes @param {string} type "text" | "json" | "arrayBuffer" | "stream"
 */
export function bytesToValue(bytes, type) {
  switch (type) {
    case "arrayBuffer":
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    case "stream":
      return new Response(bytes.slice()).body;
    case "json":
      return JSON.parse(new TextDecoder().decode(bytes));
    default:
      return new TextDecoder().decode(bytes);
  }
}

/**
 * Everything a bucket body may be, as bytes: string, ArrayBuffer, a view, ReadableStream, Blob, null.
 * @param {unknown} value
 * @returns {Promise<Uint8Array>}
 */
export async function bodyBytes(value) {
  if (value === null || value === undefined) return new Uint8Array(0);
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength));
  if (value instanceof ReadableStream || value instanceof Blob) return new Uint8Array(await new Response(value).arrayBuffer());
  throw new TypeError("a bucket value must be a string, ArrayBuffer, ArrayBufferView, ReadableStream, Blob or null");
}

/** The opaque cursor after `key`: its UTF-8 in base64url. @param {string} key */
export function cursorOf(key) {
  return Buffer.from(key, "utf8").toString("base64url");
}

/**
 * The key a cursor stands for; a cursor no list returned is a TypeError.
 * @param {string} cursor @param {string} label
 */
export function keyOfCursor(cursor, label) {
  const key = Buffer.from(cursor, "base64url").toString("utf8");
  if (cursorOf(key) !== cursor) throw new TypeError(`${label}: invalid cursor ${JSON.stringify(cursor)} (pass the cursor of the previous page)`);
  return key;
}
