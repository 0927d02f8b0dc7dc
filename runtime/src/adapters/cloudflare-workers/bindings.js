// @ts-check
/**
 * The user's env on Workers, from the Worker's own env: vars and secrets are already strings there;
 * KV, R2 and D1 bindings are passed through (limited by access, no copying of bodies); a Queue
 * producer sends every body with contentType "json", so it arrives as the same JSON value.
 */
import { buildEnv } from "../../core/app.js";

/**
 * @param {import("../../core/app.js").EnvironmentSpec} spec @param {string} functionName
 * @param {Record<string, any>} nativeEnv the Worker's env
 */
export function workerEnv(spec, functionName, nativeEnv) {
  return buildEnv(spec, functionName, {
    var: (name) => nativeEnv[name],
    secret: (secret) => nativeEnv[secret.name],
    handle: (binding) => {
      const native = nativeEnv[binding.name];
      if (native === undefined || native === null) return native;
      switch (binding.kind) {
        case "queue":
          return queueProducer(native);
        case "kv":
          return kvNamespace(native);
        default:
          return native;
      }
    },
  });
}

/**
 * A KV namespace whose put gets an ArrayBuffer for any binary value (KV documents string,
 * ReadableStream and ArrayBuffer); a view covering its whole buffer is passed without a copy.
 * @param {any} native
 */
function kvNamespace(native) {
  return {
    get: (/** @type {unknown[]} */ ...args) => native.get(...args),
    getWithMetadata: (/** @type {unknown[]} */ ...args) => native.getWithMetadata(...args),
    /** @param {string} key @param {unknown} value @param {unknown[]} rest */
    put: (key, value, ...rest) => native.put(key, asArrayBuffer(value), ...rest),
    delete: (/** @type {unknown[]} */ ...args) => native.delete(...args),
    list: (/** @type {unknown[]} */ ...args) => native.list(...args),
  };
}

/** @param {unknown} value */
function asArrayBuffer(value) {
  if (!ArrayBuffer.isView(value)) return value;
  const { buffer, byteOffset, byteLength } = value;
  return byteOffset === 0 && byteLength === buffer.byteLength ? buffer : buffer.slice(byteOffset, byteOffset + byteLength);
}

/**
 * A Queue producer that sends JSON bodies and resolves to undefined, as on every platform.
 * @param {any} native
 */
function queueProducer(native) {
  return {
    /** @param {unknown} body @param {{delaySeconds?: number}} [options] */
    async send(body, options) {
      await native.send(body, withDelay({ contentType: "json" }, options?.delaySeconds));
    },
    /** @param {{body: unknown, delaySeconds?: number}[]} messages @param {{delaySeconds?: number}} [options] */
    async sendBatch(messages, options) {
      const requests = messages.map((m) => withDelay({ body: m.body, contentType: "json" }, m.delaySeconds));
      await native.sendBatch(requests, withDelay({}, options?.delaySeconds));
    },
  };
}

/** @template {object} T @param {T} object @param {number | undefined} delaySeconds */
function withDelay(object, delaySeconds) {
  return delaySeconds === undefined ? object : { ...object, delaySeconds };
}
