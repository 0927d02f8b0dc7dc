// @ts-check
/** node:http requests in as WHATWG Requests, Responses out, unchanged (as a Worker sees them). */

/** Connection-level headers: node:http handles them; they are not the request's. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"]);

/**
 * @param {import("node:http").IncomingMessage} incoming @param {URL} url
 * @returns {Promise<Request>}
 */
export async function toRequest(incoming, url) {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i].toLowerCase())) headers.append(raw[i], raw[i + 1]);
  }
  const method = (incoming.method ?? "GET").toUpperCase();
  /** @type {Uint8Array | undefined} */
  let body;
  if (method !== "GET" && method !== "HEAD") {
    const chunks = [];
    for await (const chunk of incoming) chunks.push(chunk);
    body = Buffer.concat(chunks);
  }
  return new Request(url, { method, headers, body });
}

/**
 * Writes a Response to node:http: status, headers (each Set-Cookie on its own), the body streamed
 * (none for HEAD).
 * @param {import("node:http").ServerResponse} outgoing @param {Response} response @param {boolean} head
 */
export async function writeResponse(outgoing, response, head) {
  outgoing.statusCode = response.status;
  if (response.statusText) outgoing.statusMessage = response.statusText;
  for (const [name, value] of response.headers) if (name !== "set-cookie") outgoing.setHeader(name, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader("set-cookie", cookies);
  if (head || response.body === null) {
    outgoing.end();
    return;
  }
  try {
    for await (const chunk of /** @type {AsyncIterable<Uint8Array>} */ (/** @type {unknown} */ (response.body))) {
      if (!outgoing.write(chunk)) await new Promise((resolve) => outgoing.once("drain", resolve));
    }
  } finally {
    outgoing.end();
  }
}

/**
 * A JSON answer of the host's own endpoints.
 * @param {import("node:http").ServerResponse} outgoing @param {number} status @param {unknown} value
 */
export function writeJson(outgoing, status, value) {
  outgoing.statusCode = status;
  outgoing.setHeader("content-type", "application/json; charset=utf-8");
  outgoing.end(`${JSON.stringify(value, null, 2)}\n`);
}
