// @ts-check
/**
 * A fetch-shaped HTTP client on node:http/node:https for the AWS clients. Two things of the
 * global fetch are wrong for S3: it resolves "." and ".." path segments (even encoded as %2E),
 * so such keys would reach other objects; and it decompresses bodies stored with a
 * Content-Encoding, so an object's bytes would change on the way. This sends the path exactly
 * as given and hands the body over untouched.
 */
import * as http from "node:http";
import * as https from "node:https";
import { Readable } from "node:stream";

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * @param {string} url absolute http(s) URL; the path and query are sent byte for byte
 * @param {{ method?: string, headers?: Record<string, string>, body?: Uint8Array | null, timeoutMs?: number }} [init]
 *   `timeoutMs`: how long the socket may stay idle before the response headers arrive (default 30 s);
 *   the body, once there, is the caller's to read at its own pace
 * @returns {Promise<Response>}
 */
export function httpFetch(url, init = {}) {
  const m = /^(https?):\/\/([^/?#:]+|\[[^\]]+\])(?::(\d+))?([^#]*)$/i.exec(url);
  if (!m) return Promise.reject(new TypeError(`not an absolute http(s) URL: ${url}`));
  const secure = m[1].toLowerCase() === "https";
  const method = (init.method ?? "GET").toUpperCase();
  const headers = { ...(init.headers ?? {}) };
  const body = init.body ?? null;
  if (body || method === "POST" || method === "PUT") headers["content-length"] = String(body ? body.byteLength : 0);
  const path = m[4] && m[4].startsWith("/") ? m[4] : `/${m[4] ?? ""}`;
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      {
        method,
        hostname: m[2].replace(/^\[|\]$/g, ""),
        port: m[3] ? Number(m[3]) : undefined,
        path,
        headers,
      },
      (response) => {
        request.setTimeout(0);
        const responseHeaders = new Headers();
        const raw = response.rawHeaders;
        for (let i = 0; i + 1 < raw.length; i += 2) responseHeaders.append(raw[i], raw[i + 1]);
        const status = response.statusCode ?? 0;
        const noBody = method === "HEAD" || NULL_BODY_STATUSES.has(status);
        if (noBody) response.resume();
        resolve(
          new Response(noBody ? null : /** @type {ReadableStream} */ (Readable.toWeb(response)), {
            status,
            statusText: response.statusMessage,
            headers: responseHeaders,
          }),
        );
      },
    );
    const timeoutMs = init.timeoutMs ?? 30000;
    request.setTimeout(timeoutMs, () => {
      request.destroy(new Error(`no response within ${timeoutMs} ms of inactivity`));
    });
    request.on("error", reject);
    request.end(body ?? undefined);
  });
}
