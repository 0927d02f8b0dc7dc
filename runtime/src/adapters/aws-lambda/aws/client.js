// @ts-check
/**
 * Configuration from the Lambda environment and one signed client per AWS service the runtime
 * uses: DynamoDB (JSON 1.0), SQS (JSON protocol, 1.0), Secrets Manager (JSON 1.1), S3 (REST).
 * Retries throttling, 5xx and network failures with jittered exponential backoff (bounded);
 * every other failure becomes an AwsError naming the service, the operation, the resource, and
 * AWS's error code and message.
 */
import { signRequest, sha256Hex, uriEncode } from "./sigv4.js";
import { parseXml, findElement } from "./xml.js";
import { httpFetch } from "./http.js";

/** @typedef {"dynamodb" | "s3" | "sqs" | "secretsmanager"} ServiceName */
/** @typedef {import("./sigv4.js").Credentials} Credentials */
/**
 * @typedef {object} AwsConfig
 * @property {string} region
 * @property {Credentials} credentials
 * @property {(service: ServiceName) => string} endpoint base URL without a trailing slash
 * @property {(service: ServiceName) => boolean} hasEndpointOverride true when AWS_ENDPOINT_URL(_<SERVICE>) set it
 */
/**
 * @typedef {object} ClientOptions
 * @property {(url: string, init: { method: string, headers: Record<string, string>, body?: Uint8Array, timeoutMs?: number }) => Promise<Response>} [fetch]
 *   how requests are sent (default: httpFetch, node:http(s) sending paths byte for byte)
 * @property {number} [timeoutMs] idle time allowed before a response's headers arrive (default 30000)
 * @property {number} [maxAttempts] attempts per request, first included (default 3)
 * @property {number} [baseDelayMs] backoff base; attempt n waits up to base * 2^(n-1) ms (default 50)
 * @property {number} [maxDelayMs] backoff cap (default 1000)
 */

/** Per service: the signing name, the AWS_ENDPOINT_URL_<SUFFIX> suffix and the default host prefix. */
const SERVICES = /** @type {const} */ ({
  dynamodb: { label: "DynamoDB", envSuffix: "DYNAMODB", host: "dynamodb" },
  s3: { label: "S3", envSuffix: "S3", host: "s3" },
  sqs: { label: "SQS", envSuffix: "SQS", host: "sqs" },
  secretsmanager: { label: "Secrets Manager", envSuffix: "SECRETS_MANAGER", host: "secretsmanager" },
});

const THROTTLING_CODES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottledException",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "TransactionInProgressException",
  "RequestLimitExceeded",
  "BandwidthLimitExceeded",
  "LimitExceededException",
  "RequestThrottled",
  "SlowDown",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
  "RequestTimeout",
  "RequestTimeoutException",
]);

/** An AWS call that failed: `code` is AWS's error code (e.g. "ResourceNotFoundException"). */
export class AwsError extends Error {
  /**
   * @param {string} message
   * @param {{ service: string, operation: string, code: string, status: number, requestId?: string, retryable: boolean, cause?: unknown }} details
   */
  constructor(message, details) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "AwsError";
    this.service = details.service;
    this.operation = details.operation;
    this.code = details.code;
    this.status = details.status;
    this.requestId = details.requestId;
    this.retryable = details.retryable;
  }
}

/**
 * Region, credentials and endpoints from the environment (Lambda sets AWS_REGION and the
 * credential variables; tests set AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_<SERVICE>).
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true switches the overrides off, as in the AWS SDKs.
 * @param {Record<string, string | undefined>} [env]
 * @returns {AwsConfig}
 */
export function awsConfig(env = process.env) {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || "";
  const ignoreOverrides = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? "").toLowerCase() === "true";
  /** @param {ServiceName} service */
  const override = (service) => {
    const info = SERVICES[service];
    if (!info) throw new TypeError(`unknown AWS service ${JSON.stringify(service)}`);
    if (ignoreOverrides) return undefined;
    return env[`AWS_ENDPOINT_URL_${info.envSuffix}`] || env.AWS_ENDPOINT_URL || undefined;
  };
  return {
    region,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID ?? "",
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "",
      sessionToken: env.AWS_SESSION_TOKEN || undefined,
    },
    endpoint(service) {
      const url = override(service);
      if (url) return url.replace(/\/+$/, "");
      if (!region) throw new Error(`no AWS region for ${SERVICES[service].label}: set AWS_REGION`);
      const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
      return `https://${SERVICES[service].host}.${region}.${suffix}`;
    },
    hasEndpointOverride(service) {
      return override(service) !== undefined;
    },
  };
}

/**
 * @typedef {object} JsonClient
 * @property {(operation: string, input: Record<string, unknown>) => Promise<any>} call
 *   one JSON-protocol operation; resolves to the parsed response body
 */
/**
 * @typedef {object} S3Request
 * @property {string} operation for messages (e.g. "PutObject")
 * @property {string} method
 * @property {string} bucket
 * @property {string} [key] object key, raw (encoded here)
 * @property {Array<[string, string]>} [query] raw names and values (encoded here)
 * @property {Record<string, string>} [headers]
 * @property {Uint8Array | string} [body]
 */
/**
 * @typedef {object} S3Client
 * @property {(request: S3Request) => Promise<Response>} request
 *   resolves to the 2xx Response (body unread); rejects with an AwsError otherwise
 * @property {(bucket: string, key?: string, query?: Array<[string, string]>) => string} url
 */
/** @typedef {{ dynamodb: JsonClient, s3: S3Client, sqs: JsonClient, secrets: JsonClient }} AwsClients */

/**
 * @param {AwsConfig} config
 * @param {ClientOptions} [options]
 * @returns {AwsClients}
 */
export function createClients(config, options = {}) {
  const transport = createTransport(config, options);
  return {
    dynamodb: jsonClient(transport, {
      service: "dynamodb",
      contentType: "application/x-amz-json-1.0",
      target: (op) => `DynamoDB_20120810.${op}`,
      subject: (input) => (input.TableName ? `table ${input.TableName}` : ""),
    }),
    sqs: jsonClient(transport, {
      service: "sqs",
      contentType: "application/x-amz-json-1.0",
      target: (op) => `AmazonSQS.${op}`,
      subject: (input) => (input.QueueUrl ? `queue ${input.QueueUrl}` : ""),
    }),
    secrets: jsonClient(transport, {
      service: "secretsmanager",
      contentType: "application/x-amz-json-1.1",
      target: (op) => `secretsmanager.${op}`,
      subject: (input) => (input.SecretId ? `secret ${input.SecretId}` : ""),
    }),
    s3: s3Client(config, transport),
  };
}

/**
 * @typedef {object} Transport
 * @property {AwsConfig} config
 * @property {(service: ServiceName, operation: string, subject: string,
 *   build: () => { method: string, url: string, headers: Record<string, string>, body?: Uint8Array }) => Promise<Response>} send
 */

/**
 * Signs, sends and retries; resolves to a 2xx Response, rejects with an AwsError.
 * @param {AwsConfig} config
 * @param {ClientOptions} options
 * @returns {Transport}
 */
function createTransport(config, options) {
  const doFetch = options.fetch ?? httpFetch;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const baseDelayMs = options.baseDelayMs ?? 50;
  const maxDelayMs = options.maxDelayMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30000;
  return {
    config,
    async send(service, operation, subject, build) {
      const label = SERVICES[service].label;
      const prefix = `${label} ${operation}${subject ? ` on ${subject}` : ""} failed`;
      for (let attempt = 1; ; attempt++) {
        const { method, url, headers, body } = build();
        /** @type {Record<string, string>} */
        let signed;
        try {
          signed = signRequest({
            method,
            url,
            headers,
            payloadHash: sha256Hex(body ?? ""),
            service,
            region: config.region,
            credentials: config.credentials,
          });
        } catch (error) {
          throw new Error(`${prefix}: ${describe(error)}`, { cause: error });
        }
        /** @type {AwsError} */
        let failure;
        try {
          const response = await doFetch(url, { method, headers: signed, body, timeoutMs });
          if (response.status >= 200 && response.status < 300) return response;
          failure = await errorFromResponse(response, prefix, label, operation, config.region);
        } catch (error) {
          failure = new AwsError(`${prefix}: network error: ${describe(error)}`, {
            service: label,
            operation,
            code: "NetworkError",
            status: 0,
            retryable: true,
            cause: error,
          });
        }
        if (!failure.retryable || attempt >= maxAttempts) {
          throw failure;
        }
        const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
      }
    },
  };
}

/** @param {unknown} error */
function describe(error) {
  if (error instanceof Error) {
    const cause = /** @type {{ cause?: unknown }} */ (error).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

/**
 * Reads AWS's error out of a non-2xx response: JSON `__type`/`message`, the x-amzn-ErrorType
 * header, or an XML `<Code>`/`<Message>`; failing those, the HTTP status.
 * @param {Response} response
 * @param {string} prefix
 * @param {string} label
 * @param {string} operation
 * @param {string} region
 */
async function errorFromResponse(response, prefix, label, operation, region) {
  const text = await response.text().catch(() => "");
  let code = "";
  let message = "";
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      const body = JSON.parse(trimmed);
      code = String(body.__type ?? body.code ?? body.Code ?? "");
      message = String(body.message ?? body.Message ?? body.errorMessage ?? "");
    } catch {
      /* not JSON after all */
    }
  } else if (trimmed.startsWith("<")) {
    try {
      const root = parseXml(trimmed);
      code = findElement(root, "Code")?.text ?? "";
      message = findElement(root, "Message")?.text ?? "";
    } catch {
      /* not XML after all */
    }
  }
  code = code || (response.headers.get("x-amzn-errortype") ?? "").split(":")[0];
  code = code.slice(code.lastIndexOf("#") + 1);
  const status = response.status;
  if (!code) code = STATUS_CODES[status] ?? `HTTP${status}`;
  if (!message && !trimmed.startsWith("<") && !trimmed.startsWith("{")) message = trimmed.slice(0, 200);
  const bucketRegion = response.headers.get("x-amz-bucket-region");
  if (bucketRegion && bucketRegion !== region) {
    message += `${message ? " " : ""}(the bucket is in ${bucketRegion}, the function runs in ${region})`;
  }
  const retryable = status >= 500 || status === 429 || THROTTLING_CODES.has(code);
  return new AwsError(`${prefix}: ${code}${message ? `: ${message}` : ""}`, {
    service: label,
    operation,
    code,
    status,
    requestId: response.headers.get("x-amzn-requestid") ?? response.headers.get("x-amz-request-id") ?? undefined,
    retryable,
  });
}

/** Codes for bodiless failures (S3 HEAD). */
const STATUS_CODES = /** @type {Record<number, string>} */ ({
  301: "PermanentRedirect",
  307: "TemporaryRedirect",
  400: "BadRequest",
  403: "Forbidden",
  404: "NotFound",
  412: "PreconditionFailed",
  503: "ServiceUnavailable",
});

/**
 * @param {Transport} transport
 * @param {{ service: ServiceName, contentType: string, target: (op: string) => string, subject: (input: Record<string, any>) => string }} spec
 * @returns {JsonClient}
 */
function jsonClient(transport, spec) {
  return {
    async call(operation, input) {
      const body = new TextEncoder().encode(JSON.stringify(input ?? {}));
      const response = await transport.send(spec.service, operation, spec.subject(input ?? {}), () => ({
        method: "POST",
        url: `${transport.config.endpoint(spec.service)}/`,
        headers: { "content-type": spec.contentType, "x-amz-target": spec.target(operation) },
        body,
      }));
      const text = await response.text();
      return text ? JSON.parse(text) : {};
    },
  };
}

/**
 * S3 over REST: path-style addressing when an endpoint override is set (or the bucket name does
 * not fit in a host name label), virtual-hosted otherwise. Keys are encoded per segment
 * (RFC 3986, `/` kept), which is also the canonical URI S3 signs.
 * @param {AwsConfig} config
 * @param {Transport} transport
 * @returns {S3Client}
 */
function s3Client(config, transport) {
  /** @type {S3Client["url"]} */
  const url = (bucket, key, query = []) => {
    const path = key === undefined ? "" : `/${encodeKey(key)}`;
    const search = query.length
      ? "?" + query.map(([n, v]) => (v === "" ? uriEncode(n) : `${uriEncode(n)}=${uriEncode(v)}`)).join("&")
      : "";
    const virtualHost = !config.hasEndpointOverride("s3") && /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket);
    if (virtualHost) {
      const base = new URL(config.endpoint("s3"));
      return `${base.protocol}//${bucket}.${base.host}${path || "/"}${search}`;
    }
    return `${config.endpoint("s3")}/${uriEncode(bucket)}${path}${search}`;
  };
  return {
    url,
    request(r) {
      const subject = `bucket ${r.bucket}${r.key === undefined ? "" : ` key ${JSON.stringify(r.key)}`}`;
      const body = typeof r.body === "string" ? new TextEncoder().encode(r.body) : r.body;
      return transport.send("s3", r.operation, subject, () => ({
        method: r.method,
        url: url(r.bucket, r.key, r.query),
        headers: r.headers ?? {},
        body,
      }));
    },
  };
}

/**
 * An S3 key as a URL path: each `/`-separated segment RFC 3986-encoded (`.` and `..` segments
 * stay as they are: httpFetch sends them untouched and S3 does not resolve them).
 * @param {string} key
 */
export function encodeKey(key) {
  return uriEncode(key, true);
}
