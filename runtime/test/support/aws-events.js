// @ts-check
/**
 * Real-shaped Lambda events, from AWS's documented examples: API Gateway HTTP API payload 2.0,
 * SQS (as Lambda's event source mapping delivers them) and EventBridge's Scheduled Event.
 */

/**
 * @param {{method?: string, rawPath?: string, rawQueryString?: string, cookies?: string[],
 *   headers?: Record<string, string>, body?: string, isBase64Encoded?: boolean}} [overrides]
 */
export function httpEvent(overrides = {}) {
  const method = overrides.method ?? "GET";
  const rawPath = overrides.rawPath ?? "/";
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath,
    rawQueryString: overrides.rawQueryString ?? "",
    ...(overrides.cookies ? { cookies: overrides.cookies } : {}),
    headers: {
      host: "abc123.execute-api.us-east-1.amazonaws.com",
      "x-forwarded-proto": "https",
      "x-forwarded-for": "192.0.2.1",
      "user-agent": "curl/8.5.0",
      ...overrides.headers,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.us-east-1.amazonaws.com",
      domainPrefix: "abc123",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "curl/8.5.0" },
      requestId: "JKJaXmPLvHcESHA=",
      routeKey: "$default",
      stage: "$default",
      time: "10/Mar/2026:00:00:00 +0000",
      timeEpoch: 1773100800000,
    },
    ...(overrides.body !== undefined ? { body: overrides.body } : {}),
    isBase64Encoded: overrides.isBase64Encoded ?? false,
  };
}

/**
 * An HTTP API event for a request as a client would send it: API Gateway decodes the path into
 * rawPath, keeps the query string encoded, moves Cookie into `cookies`, and base64-encodes bodies
 * that are not text.
 * @param {string} method @param {string} target path and query, percent-encoded
 * @param {{headers?: Record<string, string>, body?: string | Uint8Array}} [init]
 */
export function httpEventFor(method, target, init = {}) {
  const [path, query = ""] = target.split(/\?(.*)/s);
  const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const cookies = headers.cookie ? headers.cookie.split(/;\s*/) : undefined;
  delete headers.cookie;
  const body = init.body;
  const binary = body instanceof Uint8Array;
  return httpEvent({
    method,
    rawPath: decodeURIComponent(path),
    rawQueryString: query,
    cookies,
    headers,
    body: body === undefined ? undefined : binary ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: binary,
  });
}

/**
 * The SQS event Lambda's event source mapping makes of received messages (ReceiveMessage output).
 * @param {{MessageId: string, ReceiptHandle: string, Body: string, MD5OfBody?: string, Attributes?: Record<string, string>}[]} received
 * @param {string} queueArn @param {string} region
 */
export function sqsEvent(received, queueArn, region) {
  return {
    Records: received.map((m) => ({
      messageId: m.MessageId,
      receiptHandle: m.ReceiptHandle,
      body: m.Body,
      attributes: {
        ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? "1",
        SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
        SenderId: m.Attributes?.SenderId ?? "AIDAIENQZJOLO23YVJ4VO",
        ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: m.MD5OfBody ?? "",
      eventSource: "aws:sqs",
      eventSourceARN: queueArn,
      awsRegion: region,
    })),
  };
}

/**
 * EventBridge's Scheduled Event for a rule.
 * @param {string} ruleName @param {number} scheduledTime ms @param {string} [region]
 */
export function scheduledEvent(ruleName, scheduledTime, region = "us-east-1") {
  return {
    version: "0",
    id: "89d1a02d-5ec7-412e-82f5-13505f849b41",
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: "123456789012",
    time: new Date(scheduledTime).toISOString().replace(/\.\d{3}Z$/, "Z"),
    region,
    resources: [`arn:aws:events:${region}:123456789012:rule/${ruleName}`],
    detail: {},
  };
}
