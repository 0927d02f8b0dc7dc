// The AWS adapter's event processors on real-shaped events (API Gateway HTTP API payload 2.0, SQS,
// EventBridge Scheduled Event), written from AWS's documented examples.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  eventKind, requestFromHttpEvent, resultFromResponse, messagesFromSqsEvent, queueUrlFromArn, scheduleFromEvent, encodePath,
} from "../../src/adapters/aws-lambda/events.js";
import { EventError } from "../../src/core/errors.js";
import { httpEvent } from "../support/aws-events.js";

test("event kinds by shape", () => {
  assert.equal(eventKind(httpEvent()), "http");
  assert.equal(eventKind(httpEvent({ rawPath: "/links/abc" })), "http");
  assert.equal(eventKind({ Records: [{ eventSource: "aws:sqs" }] }), "sqs");
  assert.equal(eventKind({ "detail-type": "Scheduled Event", source: "aws.events" }), "scheduled");
  assert.equal(eventKind({ Records: [{ eventSource: "aws:s3" }] }), undefined);
  assert.equal(eventKind({ httpMethod: "GET" }), undefined);
  assert.equal(eventKind(null), undefined);
  assert.equal(eventKind("text"), undefined);
});

test("HTTP: path, query, headers, cookies and a base64 body make the Request", async () => {
  const event = httpEvent({
    method: "POST",
    rawPath: "/files/a b/é?#.txt",
    rawQueryString: "q=a%20b&q=c&flag",
    cookies: ["s=1", "t=2"],
    headers: { "content-type": "application/octet-stream", "x-many": "one,two" },
    body: Buffer.from([0, 255, 10]).toString("base64"),
    isBase64Encoded: true,
  });
  const request = requestFromHttpEvent(event);
  const url = new URL(request.url);
  assert.equal(request.method, "POST");
  assert.equal(url.origin, "https://abc123.execute-api.us-east-1.amazonaws.com");
  assert.equal(url.pathname, "/files/a%20b/%C3%A9%3F%23.txt");
  assert.equal(decodeURIComponent(url.pathname), "/files/a b/é?#.txt");
  assert.deepEqual(url.searchParams.getAll("q"), ["a b", "c"]);
  assert.equal(url.searchParams.has("flag"), true);
  assert.equal(request.headers.get("cookie"), "s=1; t=2");
  assert.equal(request.headers.get("x-many"), "one,two");
  assert.deepEqual([...new Uint8Array(await request.arrayBuffer())], [0, 255, 10]);
});

test("HTTP: an already-encoded path stays as it is; a text body is text; GET drops a body", async () => {
  assert.equal(encodePath("/a%20b/%E2%82%AC"), "/a%20b/%E2%82%AC");
  assert.equal(encodePath("/100%/x"), "/100%25/x");
  const put = requestFromHttpEvent(httpEvent({ method: "PUT", body: "héllo" }));
  assert.equal(await put.text(), "héllo");
  const get = requestFromHttpEvent(httpEvent({ body: "ignored" }));
  assert.equal(get.body, null);
});

test("HTTP: a malformed event is an EventError", () => {
  const noMethod = httpEvent();
  delete noMethod.requestContext.http.method;
  assert.throws(() => requestFromHttpEvent(noMethod), EventError);
  assert.throws(() => requestFromHttpEvent(httpEvent({ method: "POST", body: "%%%", isBase64Encoded: true })), /marked base64 but is not base64/);
  assert.throws(() => requestFromHttpEvent({ ...httpEvent(), rawPath: "no-slash" }), EventError);
  assert.throws(() => requestFromHttpEvent(httpEvent({ headers: { host: "bad host" } })), /do not make a URL/);
  assert.throws(() => requestFromHttpEvent(httpEvent({ headers: { "x-bad": "line\nbreak" } })), /header that is not valid/);
});

test("HTTP: Response to result: text stays text, bytes become base64, cookies separate, headers joined", async () => {
  const headers = new Headers({ "content-type": "application/json" });
  headers.append("set-cookie", "a=1");
  headers.append("set-cookie", "b=2, with comma");
  headers.append("vary", "accept");
  headers.append("vary", "origin");
  assert.deepEqual(await resultFromResponse(new Response('{"é":1}', { status: 201, headers })), {
    statusCode: 201,
    headers: { "content-type": "application/json", vary: "accept, origin" },
    cookies: ["a=1", "b=2, with comma"],
    body: '{"é":1}',
    isBase64Encoded: false,
  });
  const png = await resultFromResponse(new Response(new Uint8Array([137, 80, 78, 71]), { headers: { "content-type": "image/png" } }));
  assert.deepEqual([png.body, png.isBase64Encoded], ["iVBORw==", true]);
  const notUtf8 = await resultFromResponse(new Response(new Uint8Array([0xff, 0xfe]), { headers: { "content-type": "text/plain" } }));
  assert.equal(notUtf8.isBase64Encoded, true, "text that is not UTF-8 goes as base64");
  const gzip = await resultFromResponse(new Response("abc", { headers: { "content-type": "text/plain", "content-encoding": "gzip" } }));
  assert.equal(gzip.isBase64Encoded, true);
  const head = await resultFromResponse(new Response("body"), { head: true });
  assert.deepEqual([head.body, head.isBase64Encoded, "cookies" in head], ["", false, false]);
  const empty = await resultFromResponse(new Response(null, { status: 204 }));
  assert.deepEqual([empty.statusCode, empty.body], [204, ""]);
});

test("SQS: records become portable messages", () => {
  const event = {
    Records: [
      {
        messageId: "059f36b4-87a3-44ab-83d2-661975830a7d",
        receiptHandle: "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...",
        body: '{"tag":"x"}',
        attributes: { ApproximateReceiveCount: "3", SentTimestamp: "1545082649183", SenderId: "AIDAIENQZJOLO23YVJ4VO", ApproximateFirstReceiveTimestamp: "1545082649185" },
        messageAttributes: {},
        md5OfBody: "e4e68fb7bd0e697a0ae8f1bb342846b3",
        eventSource: "aws:sqs",
        eventSourceARN: "arn:aws:sqs:us-east-2:123456789012:my-queue",
        awsRegion: "us-east-2",
      },
      { messageId: "m2", receiptHandle: "r2", body: "plain text", attributes: { ApproximateReceiveCount: "1", SentTimestamp: "0" }, eventSource: "aws:sqs", eventSourceARN: "arn:aws:sqs:us-east-2:123456789012:my-queue" },
    ],
  };
  const messages = messagesFromSqsEvent(event);
  assert.deepEqual(messages.map((m) => [m.id, m.attempts, m.timestamp.getTime(), m.body]), [
    ["059f36b4-87a3-44ab-83d2-661975830a7d", 3, 1545082649183, { tag: "x" }],
    ["m2", 1, 0, "plain text"],
  ]);
  assert.throws(() => messagesFromSqsEvent({ Records: [{ eventSource: "aws:sqs" }] }), /record 0 has no messageId or body/);
});

test("SQS: queue URL from the event source ARN", () => {
  assert.equal(queueUrlFromArn("arn:aws:sqs:eu-west-1:123456789012:links-events", "https://sqs.eu-west-1.amazonaws.com"), "https://sqs.eu-west-1.amazonaws.com/123456789012/links-events");
  assert.throws(() => queueUrlFromArn("arn:aws:sns:eu-west-1:1:t", "x"), /not an SQS queue ARN/);
});

test("EventBridge: the rule name and the scheduled time", () => {
  const event = {
    version: "0",
    id: "89d1a02d-5ec7-412e-82f5-13505f849b41",
    "detail-type": "Scheduled Event",
    source: "aws.events",
    account: "123456789012",
    time: "2026-01-05T03:00:00Z",
    region: "us-east-1",
    resources: ["arn:aws:events:us-east-1:123456789012:rule/links-test-worker-5d1c0e7a"],
    detail: {},
  };
  assert.deepEqual(scheduleFromEvent(event), { trigger: "links-test-worker-5d1c0e7a", scheduledTime: Date.UTC(2026, 0, 5, 3) });
  const onBus = { ...event, resources: ["arn:aws:events:us-east-1:123456789012:rule/my-bus/nightly"] };
  assert.equal(scheduleFromEvent(onBus).trigger, "nightly");
});
