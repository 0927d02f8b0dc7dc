// @ts-check
/**
 * AWS Signature Version 4 (header form), written from AWS's documentation
 * ("Create a signed AWS API request", "Authenticating Requests (AWS Signature Version 4)" for S3).
 *
 * The caller builds the URL with its path and query already URI-encoded exactly as sent; the
 * signer derives the canonical request from that text:
 * - canonical URI: S3 uses the sent path as is (encoded once, no normalisation); every other
 *   service gets the path normalised (no `.`/`..` segments) and each segment encoded again.
 * - canonical query: each name and value decoded, re-encoded strictly, pairs sorted.
 * - signed headers: every header passed in, plus `host`, `x-amz-date`, `x-amz-security-token`
 *   (with a session token) and, for S3, `x-amz-content-sha256`.
 */
import { createHash, createHmac } from "node:crypto";

/** @typedef {{ accessKeyId: string, secretAccessKey: string, sessionToken?: string }} Credentials */

/**
 * @typedef {object} SignInput
 * @property {string} method HTTP method
 * @property {string} url absolute URL; path and query encoded as they will be sent
 * @property {Record<string, string>} [headers] headers to send and sign (any case)
 * @property {string} [payloadHash] hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"; default: hash of ""
 * @property {string} service signing name: "dynamodb", "s3", "sqs", "secretsmanager", ...
 * @property {string} region
 * @property {Credentials} credentials
 * @property {Date} [date] signing time (default now)
 */

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const ALGORITHM = "AWS4-HMAC-SHA256";

/**
 * RFC 3986 encoding as SigV4 wants it: unreserved characters (A-Z a-z 0-9 - . _ ~) stay,
 * every other UTF-8 byte becomes %XX (upper-case hex); `/` stays only when `keepSlash`.
 * @param {string} text
 * @param {boolean} [keepSlash]
 */
export function uriEncode(text, keepSlash = false) {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === "/")) out += c;
    else out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

/** @param {string | Uint8Array} data */
export function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * @param {string | Uint8Array | Buffer} key
 * @param {string} data
 */
function hmac(key, data) {
  return createHmac("sha256", key).update(data, "utf8").digest();
}

/**
 * kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")
 * @param {string} secretAccessKey
 * @param {string} day YYYYMMDD
 * @param {string} region
 * @param {string} service
 */
export function signingKey(secretAccessKey, day, region, service) {
  const kDate = hmac("AWS4" + secretAccessKey, day);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, "aws4_request");
}

/** @param {Date} date -> "20150830T123600Z" */
export function amzDate(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * Splits an absolute URL without WHATWG normalisation (which would rewrite the path).
 * @param {string} url
 */
export function splitUrl(url) {
  const m = /^(https?):\/\/([^/?#]+)([^?#]*)(?:\?([^#]*))?$/i.exec(url);
  if (!m) throw new TypeError(`cannot sign a request to ${JSON.stringify(url)}: not an absolute http(s) URL`);
  const scheme = m[1].toLowerCase();
  let host = m[2].toLowerCase();
  if ((scheme === "https" && host.endsWith(":443")) || (scheme === "http" && host.endsWith(":80"))) {
    host = host.slice(0, host.lastIndexOf(":"));
  }
  return { scheme, host, path: m[3] || "/", query: m[4] ?? "" };
}

/** @param {string} text percent-decoded, never throwing on a stray `%` */
function percentDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * @param {string} path as sent
 * @param {string} service
 */
export function canonicalUri(path, service) {
  if (service === "s3") return path || "/";
  /** @type {string[]} */
  const segments = [];
  const parts = path.split("/");
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (part === ".") {
      if (i === parts.length - 1) segments.push("");
    } else if (part === "..") {
      segments.pop();
      if (i === parts.length - 1) segments.push("");
    } else segments.push(part);
  }
  return "/" + segments.map((s) => uriEncode(s)).join("/");
}

/** @param {string} query as sent (without `?`) */
export function canonicalQuery(query) {
  if (!query) return "";
  const pairs = query
    .split("&")
    .filter((p) => p !== "")
    .map((p) => {
      const eq = p.indexOf("=");
      const name = eq < 0 ? p : p.slice(0, eq);
      const value = eq < 0 ? "" : p.slice(eq + 1);
      return [uriEncode(percentDecode(name)), uriEncode(percentDecode(value))];
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join("&");
}

/** @param {string} value header value trimmed, inner runs of spaces made one */
function canonicalHeaderValue(value) {
  return String(value).trim().replace(/\s+/g, " ");
}

/**
 * The canonical request and the list of signed headers for a request whose headers already
 * include host and x-amz-* headers (all names lower-case).
 * @param {{ method: string, path: string, query: string, headers: Record<string, string>, payloadHash: string, service: string }} r
 */
export function canonicalRequest(r) {
  const names = Object.keys(r.headers).sort();
  const headerLines = names.map((n) => `${n}:${canonicalHeaderValue(r.headers[n])}\n`).join("");
  const signedHeaders = names.join(";");
  const text = [
    r.method.toUpperCase(),
    canonicalUri(r.path, r.service),
    canonicalQuery(r.query),
    headerLines,
    signedHeaders,
    r.payloadHash,
  ].join("\n");
  return { text, signedHeaders };
}

/**
 * Signs a request. Returns the headers to send: the caller's (names lower-cased) plus
 * `x-amz-date`, `authorization`, `x-amz-security-token` when a session token is set, and
 * `x-amz-content-sha256` for S3. `host` is signed but not returned (fetch sets it from the URL).
 * @param {SignInput} input
 * @returns {Record<string, string>}
 */
export function signRequest(input) {
  const { service, region, credentials } = input;
  if (!credentials || !credentials.accessKeyId || !credentials.secretAccessKey) {
    throw new Error(
      `cannot sign a ${service} request: no AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)`,
    );
  }
  if (!region) throw new Error(`cannot sign a ${service} request: no AWS region (set AWS_REGION)`);
  const { host, path, query } = splitUrl(input.url);
  const date = amzDate(input.date ?? new Date());
  const day = date.slice(0, 8);
  const payloadHash = input.payloadHash ?? EMPTY_SHA256;

  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    headers[name.toLowerCase()] = String(value);
  }
  delete headers["authorization"];
  headers["x-amz-date"] = date;
  if (service === "s3") headers["x-amz-content-sha256"] = payloadHash;
  if (credentials.sessionToken) headers["x-amz-security-token"] = credentials.sessionToken;

  const signed = { ...headers, host: headers["host"] ?? host };
  const canonical = canonicalRequest({ method: input.method, path, query, headers: signed, payloadHash, service });
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, date, scope, sha256Hex(canonical.text)].join("\n");
  const signature = createHmac("sha256", signingKey(credentials.secretAccessKey, day, region, service))
    .update(stringToSign, "utf8")
    .digest("hex");

  delete headers["host"];
  headers["authorization"] =
    `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, ` +
    `SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`;
  return headers;
}
