// The contract against the AWS Lambda adapter: generated-style entries, real-shaped events, a real
// moto_server (auth off, so keys with "+" and non-ASCII reach S3: moto's auth mode rejects some
// correctly signed ones), effects checked through boto3. Signatures are checked in aws-signed.test.js.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { runContract } from "./cases.js";
import { createAwsApp, NAMES } from "../support/aws-driver.js";
import { createHandler } from "../../src/adapters/aws-lambda/index.js";
import { httpEvent, sqsEvent } from "../support/aws-events.js";

/** A module that shows the secret it got. */
const tokenModule = { default: { fetch: (request, env) => Response.json({ token: env.API_TOKEN }) } };

/** @type {Awaited<ReturnType<typeof createAwsApp>>} */
let aws;
const ready = createAwsApp();
before(async () => {
  aws = await ready;
});
after(() => aws?.close());

runContract("AWS Lambda (moto_server)", () => ready.then((app) => ({ ...app, close: async () => {} })));

test("AWS: retry() and throws are reported in batchItemFailures; retry({delaySeconds}) changes the visibility", async () => {
  await aws.fetch("POST", "/events", { body: JSON.stringify([{ tag: "soon", action: "retry", delaySeconds: 1 }, { tag: "later", action: "retry" }, { tag: "fine" }]) });
  const first = await aws.deliverSent();
  assert.deepEqual(first.response.batchItemFailures.map((f) => f.itemIdentifier).sort(), first.received.filter((m) => JSON.parse(m.Body).action === "retry").map((m) => m.MessageId).sort());
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const again = await aws.receiveAll();
  assert.deepEqual(again.map((m) => [JSON.parse(m.Body).tag, m.Attributes.ApproximateReceiveCount]), [["soon", "2"]], "only the delayed retry is back (the other waits for the 120 s visibility timeout)");
  const response = await aws.worker(sqsEvent(again, aws.queueArn, aws.moto.region));
  assert.deepEqual(response.batchItemFailures.length, 1);
  const [seen] = await aws.peek([{ kind: "kv", resource: "seen", key: "seen:soon" }]);
  assert.equal(JSON.parse(seen).attempts, 2, "attempts is SQS's receive count");
});

test("AWS: the kv item layout in DynamoDB (pk, v, m, exp, ls)", async () => {
  assert.equal((await aws.fetch("PUT", "/links/layout?ttl=3600", { body: "v1", headers: { "x-user": "cy" } })).status, 204);
  const item = await aws.moto.boto(`result = ddb.get_item(TableName=data, Key={"pk": {"S": "layout"}})["Item"]`, NAMES.links);
  assert.deepEqual(Object.keys(item).sort(), ["exp", "ls", "m", "pk", "v"]);
  assert.equal(item.ls.S, "k");
  assert.deepEqual(JSON.parse(item.m.S), { by: "cy" });
  assert.ok(Math.abs(Number(item.exp.N) - (Date.now() / 1000 + 3600)) < 60);
});

test("AWS: fallback routes give 405 for another function's path; a HEAD gets no body", async () => {
  const other = await aws.fetch("GET", "/admin/reindex");
  assert.equal(other.status, 405);
  assert.equal(other.headers.get("allow"), "POST");
  assert.equal((await aws.fetch("GET", "/admin")).status, 404);
  const head = await aws.api(httpEvent({ method: "HEAD", rawPath: "/whoami" }));
  assert.deepEqual([head.statusCode, head.body], [200, ""]);
});

test("AWS: a malformed HTTP event is a 400, never a throw; an unknown event throws", async (t) => {
  t.mock.method(console, "error", () => {});
  const broken = httpEvent({ rawPath: "/whoami" });
  delete broken.requestContext.http.method;
  const result = await aws.api(broken);
  assert.equal(result.statusCode, 400);
  await assert.rejects(aws.api({ hello: "world" }), /an event of an unknown shape arrived \(keys: hello\)/);
});

test("AWS: secrets are read once per container; a missing one fails naming it, then is read when it exists", async (t) => {
  const log = t.mock.method(console, "error", () => {});
  await aws.moto.boto(`sm.put_secret_value(SecretId=data, SecretString="rotated")`, aws.secretArn);
  const kept = await aws.fetch("GET", "/whoami");
  assert.equal(kept.status, 200, String(log.mock.calls.at(-1)?.arguments[0]));
  assert.equal((await kept.json()).token, "s3cret-token", "the running container keeps the value it read");

  const table = { format: 1, app: "links", function: "api", environments: { test: { vars: ["GREETING"], secrets: [{ name: "API_TOKEN", variable: "API_TOKEN_SECRET_ARN" }], routes: ["GET /whoami"], bindings: [] } } };
  const missingArn = aws.secretArn.replace("API_TOKEN", "NOT_THERE");
  const processEnv = { ...process.env, API_TOKEN_SECRET_ARN: missingArn };
  const fresh = createHandler(tokenModule, table, { processEnv });
  const failed = await fresh(httpEvent({ rawPath: "/whoami" }));
  assert.equal(failed.statusCode, 500);
  assert.match(String(log.mock.calls.at(-1).arguments[0]), /function api: could not read a secret from Secrets Manager: secret API_TOKEN: .*ResourceNotFoundException/);
  const consumer = createHandler({ default: { queue() {} } }, { ...table, environments: { test: { ...table.environments.test, routes: [], consumes: { queue: "events" } } } }, { processEnv });
  await assert.rejects(consumer(sqsEvent([{ MessageId: "m", ReceiptHandle: "r", Body: "1" }], aws.queueArn, "us-east-1")), /secret API_TOKEN/);

  processEnv.API_TOKEN_SECRET_ARN = aws.secretArn;
  const retried = await fresh(httpEvent({ rawPath: "/whoami" }));
  assert.equal(JSON.parse(retried.body).token, "rotated", "a failed read is tried again on the next event");
});

test("AWS: in Lambda (AWS_LAMBDA_FUNCTION_NAME set) the secrets are read at init, before the first event", async () => {
  const table = { format: 1, app: "links", function: "api", environments: { test: { secrets: [{ name: "API_TOKEN", variable: "API_TOKEN_SECRET_ARN" }], routes: ["GET /token"] } } };
  await aws.moto.boto(`sm.put_secret_value(SecretId=data, SecretString="at-init")`, aws.secretArn);
  const handler = createHandler(tokenModule, table, { processEnv: { ...process.env, AWS_LAMBDA_FUNCTION_NAME: "links-test-api" } });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await aws.moto.boto(`sm.put_secret_value(SecretId=data, SecretString="after-init")`, aws.secretArn);
  const result = await handler(httpEvent({ rawPath: "/token" }));
  assert.equal(JSON.parse(result.body).token, "at-init");
});
