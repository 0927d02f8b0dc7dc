// @ts-check
/**
 * One processor per Lambda event shape, chosen by type guards: API Gateway HTTP API payload 2.0
 * (Request in, Response out), SQS (the portable batch, a partial batch response out) and EventBridge
 * scheduled events (the controller). Pure functions: no AWS calls here.
 */
import { EventError } from "../../core/errors.js";
import { base64ToBytes, bytesToBase64, bytesToText, decodeQueueBody, isTextContentType } from "../../core/encoding.js";

/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Which processor an event needs: "http", "sqs", "scheduled", or undefined for anything else.
 * @param {unknown} event
 * @returns {"http" | "sqs" | "scheduled" | undefined}
 */
export function eventKind(event) {
  if (!isObject(event)) return undefined;
  if (isObject(event.requestContext) && (event.version === "2.0" || "http" in event.requestContext)) return "http";
  if (Array.isArray(event.Records) && event.Records.length > 0 && event.Records.every((r) => isObject(r) && r.eventSource === "aws:sqs")) return "sqs";
  if (event["detail-type"] === "Scheduled Event" && event.source === "aws.events") return "scheduled";
  return undefined;
}

/**
 * Characters that may stand as they are in a URL path; anything else (space, "?", "#", non-ASCII,
 * a "%" not starting an escape) is percent-encoded. HTTP APIs give rawPath decoded, REST APIs and
 * function URLs encoded: either way the result is a valid encoded path with the same meaning.
 * @param {string} path
 */
export function encodePath(path) {
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (/[A-Za-z0-9\-._~!$&'()*+,;=:@/]/.test(c)) out += c;
    else if (c === "%" && /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) out += c;
    else {
      const code = path.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(code);
      if (char.length === 2) i++;
      out += encodeURIComponent(char.isWellFormed?.() === false ? "\uFFFD" : char);
    }
  }
  return out;
}

/**
 * The Request an HTTP API payload 2.0 event stands for. Throws EventError when the event is malformed.
 * @param {import("./types.js").HttpApiEvent} event
 * @returns {Request}
 */
export function requestFromHttpEvent(event) {
  const http = event.requestContext?.http;
  if (!isObject(http) || typeof http.method !== "string" || !/^[A-Za-z]+$/.test(http.method)) {
    throw new EventError("the HTTP event has no requestContext.http.method");
  }
  const rawPath = typeof event.rawPath === "string" ? event.rawPath : http.path;
  if (typeof rawPath !== "string" || !rawPath.startsWith("/")) throw new EventError("the HTTP event has no rawPath starting with /");
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(isObject(event.headers) ? event.headers : {})) {
      if (value !== undefined && value !== null) headers.set(name, String(value));
    }
    if (Array.isArray(event.cookies) && event.cookies.length > 0) headers.set("cookie", event.cookies.join("; "));
  } catch (error) {
    throw new EventError(`the HTTP event has a header that is not valid: ${error instanceof Error ? error.message : error}`);
  }
  const host = headers.get("host") ?? event.requestContext.domainName ?? "localhost";
  const scheme = (headers.get("x-forwarded-proto") ?? "https").split(",")[0].trim() === "http" ? "http" : "https";
  const query = typeof event.rawQueryString === "string" && event.rawQueryString !== "" ? `?${event.rawQueryString}` : "";
  /** @type {URL} */
  let url;
  try {
    url = new URL(`${scheme}://${host}${encodePath(rawPath)}${query}`);
  } catch {
    throw new EventError(`the HTTP event's host ${JSON.stringify(host)} and path do not make a URL`);
  }
  const method = http.method.toUpperCase();
  /** @type {Uint8Array | string | undefined} */
  let body;
  if (typeof event.body === "string" && method !== "GET" && method !== "HEAD") {
    if (event.isBase64Encoded) {
      try {
        body = base64ToBytes(event.body);
      } catch {
        throw new EventError("the HTTP event's body is marked base64 but is not base64");
      }
    } else body = event.body;
  }
  try {
    return new Request(url, { method, headers, body });
  } catch (error) {
    throw new EventError(`the HTTP event does not make a request: ${error instanceof Error ? error.message : error}`);
  }
}

/**
 * The payload 2.0 result for a Response: text bodies as they are, others base64 (by content type,
 * and only when the bytes are UTF-8); Set-Cookie values in `cookies`, other repeated headers
 * comma-joined (as Headers joins them).
 * @param {Response} response @param {{head?: boolean}} [options]
 * @returns {Promise<import("./types.js").HttpApiResult>}
 */
export async function resultFromResponse(response, options = {}) {
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") headers[name] = value;
  const cookies = response.headers.getSetCookie();
  const bytes = options.head || response.body === null ? new Uint8Array(0) : new Uint8Array(await response.arrayBuffer());
  const textual = isTextContentType(response.headers.get("content-type")) && !response.headers.has("content-encoding");
  let body = "";
  let isBase64Encoded = false;
  if (bytes.length > 0) {
    const text = textual ? decodeStrict(bytes) : undefined;
    if (text === undefined) {
      body = bytesToBase64(bytes);
      isBase64Encoded = true;
    } else body = text;
  }
  return { statusCode: response.status, headers, ...(cookies.length > 0 ? { cookies } : {}), body, isBase64Encoded };
}

/** @param {Uint8Array} bytes */
function decodeStrict(bytes) {
  try {
    return bytesToText(bytes, { fatal: true });
  } catch {
    return undefined;
  }
}

/**
 * A plain-text result, for answers the adapter gives itself (400, 500).
 * @param {number} statusCode @param {string} text
 * @returns {import("./types.js").HttpApiResult}
 */
export function textResult(statusCode, text) {
  return { statusCode, headers: { "content-type": "text/plain; charset=utf-8" }, body: text, isBase64Encoded: false };
}

/**
 * The messages of an SQS event for the portable batch: `attempts` is ApproximateReceiveCount
 * (1-based), `timestamp` SentTimestamp, `body` the JSON value the producer sent.
 * @param {import("./types.js").SqsEvent} event
 * @returns {import("../../core/batch.js").IncomingMessage[]}
 */
export function messagesFromSqsEvent(event) {
  return event.Records.map((record, index) => {
    if (typeof record.messageId !== "string" || typeof record.body !== "string") {
      throw new EventError(`SQS record ${index} has no messageId or body`);
    }
    const sent = Number(record.attributes?.SentTimestamp);
    const attempts = Number(record.attributes?.ApproximateReceiveCount);
    return {
      id: record.messageId,
      timestamp: new Date(Number.isFinite(sent) ? sent : Date.now()),
      attempts: Number.isInteger(attempts) && attempts > 0 ? attempts : 1,
      body: decodeQueueBody(record.body),
    };
  });
}

/**
 * The queue URL of an SQS ARN (arn:aws:sqs:<region>:<account>:<name>) at an SQS endpoint.
 * @param {string} arn @param {string} endpoint e.g. "https://sqs.eu-west-1.amazonaws.com"
 */
export function queueUrlFromArn(arn, endpoint) {
  const parts = arn.split(":");
  if (parts.length !== 6 || parts[2] !== "sqs") throw new EventError(`${JSON.stringify(arn)} is not an SQS queue ARN`);
  return `${endpoint}/${parts[4]}/${parts[5]}`;
}

/**
 * What the schedule table needs from an EventBridge scheduled event: the rule's name (the last part
 * of its ARN in `resources`) and the scheduled time in ms.
 * @param {import("./types.js").ScheduledEvent} event
 * @returns {{trigger: string, scheduledTime: number}}
 */
export function scheduleFromEvent(event) {
  const arn = Array.isArray(event.resources) ? event.resources.find((r) => typeof r === "string" && r.includes(":rule/")) : undefined;
  const trigger = arn ? arn.slice(arn.lastIndexOf("/") + 1) : "";
  const time = Date.parse(event.time);
  return { trigger, scheduledTime: Number.isFinite(time) ? time : Date.now() };
}
