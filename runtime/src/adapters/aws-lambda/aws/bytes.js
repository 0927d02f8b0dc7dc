// @ts-check
/** Bytes for request bodies and item values (Node's Buffer: these files run only on Lambda). */

/**
 * Everything a kv value or an object body may be, as one Uint8Array. Streams are read to the end
 * (S3 PutObject needs a length; DynamoDB an item).
 * @param {unknown} value string | ArrayBuffer | ArrayBufferView | ReadableStream | Blob | null
 * @param {string} what for the error message, e.g. "kv value"
 * @returns {Promise<Uint8Array>}
 */
export async function bytesOf(value, what) {
  if (typeof value === "string") return new TextEncoder().encode(value);
  if (value === null || value === undefined) return new Uint8Array(0);
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value instanceof ReadableStream) return new Uint8Array(await new Response(value).arrayBuffer());
  if (typeof Blob !== "undefined" && value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
  throw new TypeError(
    `${what} must be a string, ArrayBuffer, ArrayBufferView, ReadableStream or Blob, not ${describeType(value)}`,
  );
}

/** @param {unknown} value */
function describeType(value) {
  if (typeof value !== "object") return typeof value;
  return value?.constructor?.name ?? "object";
}

/** @param {Uint8Array} bytes */
export function toBase64(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** @param {string} text standard base64 (padding optional) */
export function fromBase64(text) {
  const buffer = Buffer.from(text, "base64");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
