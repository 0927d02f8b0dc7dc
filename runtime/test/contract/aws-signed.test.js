// The AWS adapter against moto_server with SigV4 checked (INITIAL_NO_AUTH_ACTION_COUNT): every
// service the handler reaches (Secrets Manager, DynamoDB, S3, SQS) through the generated-style
// entries with a real key pair, and a wrong secret key refused. Keys here are plain ASCII: moto's
// auth mode rejects some correctly signed S3 keys with "+", "!'()*" or non-ASCII characters
// (those are exercised with auth off in aws.test.js).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createAwsApp } from "../support/aws-driver.js";
import { createHandler } from "../../src/adapters/aws-lambda/index.js";
import { httpEvent } from "../support/aws-events.js";

/** A module that shows the secret it got. */
const tokenModule = { default: { fetch: (request, env) => Response.json({ token: env.API_TOKEN }) } };

/** @type {Awaited<ReturnType<typeof createAwsApp>>} */
let aws;
before(async () => {
  aws = await createAwsApp({ auth: true });
});
after(() => aws?.close());

test("signed: secret, kv, bucket and queue calls pass moto's signature checks", async () => {
  const whoami = await (await aws.fetch("GET", "/whoami")).json();
  assert.equal(whoami.token, "s3cret-token");
  assert.equal((await aws.fetch("PUT", "/links/plain-key_1.0", { body: "https://example.com/a?b=c d" })).status, 204);
  assert.equal((await (await aws.fetch("GET", "/links/plain-key_1.0")).json()).target, "https://example.com/a?b=c d");
  assert.deepEqual((await (await aws.fetch("GET", "/links?limit=1")).json()).names, ["plain-key_1.0"]);
  const bytes = new Uint8Array([1, 2, 3, 0, 255]);
  assert.equal((await aws.fetch("PUT", "/files/docs/report-2026.bin", { body: bytes, headers: { "content-type": "application/octet-stream" } })).status, 201);
  assert.deepEqual(new Uint8Array(await (await aws.fetch("GET", "/files/docs/report-2026.bin")).arrayBuffer()), bytes);
  assert.equal((await aws.fetch("POST", "/events", { body: JSON.stringify([{ tag: "signed" }, "two"]) })).status, 202);
  const delivered = await aws.deliverSent();
  assert.deepEqual(delivered.acked.map((b) => JSON.stringify(b)).sort(), ['"two"', '{"tag":"signed"}']);
  const [seen, file] = await aws.peek([
    { kind: "kv", resource: "seen", key: "seen:signed" },
    { kind: "bucket", resource: "files", key: "docs/report-2026.bin" },
  ]);
  assert.equal(JSON.parse(seen).queue, "events");
  assert.equal(file.base64, Buffer.from(bytes).toString("base64"));
});

test("signed: a wrong secret access key is refused, and the failure names the secret", async (t) => {
  const log = t.mock.method(console, "error", () => {});
  const table = { format: 1, app: "links", function: "api", environments: { test: { vars: ["GREETING"], secrets: [{ name: "API_TOKEN", variable: "API_TOKEN_SECRET_ARN" }], routes: ["GET /whoami"] } } };
  const wrong = createHandler(tokenModule, table, { processEnv: { ...process.env, AWS_SECRET_ACCESS_KEY: "not-the-key" } });
  const result = await wrong(httpEvent({ rawPath: "/whoami" }));
  assert.equal(result.statusCode, 500);
  assert.match(String(log.mock.calls.at(-1).arguments[0]), /secret API_TOKEN: .*(SignatureDoesNotMatch|InvalidSignature|UnrecognizedClient|AccessDenied)/);
});
