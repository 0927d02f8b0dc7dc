// @ts-check
// Configuration from the environment, S3 addressing, error reading and retries. Retries are
// checked against a local HTTP server that answers like a throttled or failing AWS endpoint
// (moto never throttles); signatures are checked against moto in auth.test.js.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { awsConfig, createClients, AwsError } from "../../src/adapters/aws-lambda/aws/client.js";

test("awsConfig: region, credentials and default endpoints from the Lambda environment", () => {
  const config = awsConfig({
    AWS_REGION: "eu-west-1",
    AWS_DEFAULT_REGION: "us-east-2",
    AWS_ACCESS_KEY_ID: "ASIAEXAMPLE",
    AWS_SECRET_ACCESS_KEY: "secret",
    AWS_SESSION_TOKEN: "token",
  });
  assert.equal(config.region, "eu-west-1");
  assert.deepEqual(config.credentials, { accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "token" });
  assert.equal(config.endpoint("dynamodb"), "https://dynamodb.eu-west-1.amazonaws.com");
  assert.equal(config.endpoint("s3"), "https://s3.eu-west-1.amazonaws.com");
  assert.equal(config.endpoint("sqs"), "https://sqs.eu-west-1.amazonaws.com");
  assert.equal(config.endpoint("secretsmanager"), "https://secretsmanager.eu-west-1.amazonaws.com");
  assert.equal(config.hasEndpointOverride("s3"), false);

  assert.equal(awsConfig({ AWS_DEFAULT_REGION: "us-east-2" }).region, "us-east-2");
  assert.equal(awsConfig({ AWS_REGION: "cn-north-1" }).endpoint("sqs"), "https://sqs.cn-north-1.amazonaws.com.cn");
  assert.equal(awsConfig({ AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "b" }).credentials.sessionToken, undefined);
  assert.throws(() => awsConfig({}).endpoint("dynamodb"), /no AWS region for DynamoDB: set AWS_REGION/);
  assert.throws(() => awsConfig({}).endpoint(/** @type {any} */ ("lambda")), /unknown AWS service "lambda"/);
});

test("awsConfig: AWS_ENDPOINT_URL_<SERVICE> wins over AWS_ENDPOINT_URL; both can be ignored", () => {
  const env = {
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL: "http://127.0.0.1:4566/",
    AWS_ENDPOINT_URL_DYNAMODB: "http://127.0.0.1:8000",
    AWS_ENDPOINT_URL_SECRETS_MANAGER: "http://127.0.0.1:9000//",
  };
  const config = awsConfig(env);
  assert.equal(config.endpoint("dynamodb"), "http://127.0.0.1:8000");
  assert.equal(config.endpoint("secretsmanager"), "http://127.0.0.1:9000");
  assert.equal(config.endpoint("s3"), "http://127.0.0.1:4566");
  assert.equal(config.endpoint("sqs"), "http://127.0.0.1:4566");
  assert.equal(config.hasEndpointOverride("sqs"), true);
  const ignored = awsConfig({ ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" });
  assert.equal(ignored.endpoint("dynamodb"), "https://dynamodb.us-east-1.amazonaws.com");
  assert.equal(ignored.hasEndpointOverride("dynamodb"), false);
});

test("S3 addressing: virtual-hosted by default, path-style with an endpoint override or a dotted bucket", () => {
  const aws = createClients(awsConfig({ AWS_REGION: "eu-west-1" })).s3;
  assert.equal(aws.url("my-bucket", "dir/a b+c/ü.txt"), "https://my-bucket.s3.eu-west-1.amazonaws.com/dir/a%20b%2Bc/%C3%BC.txt");
  assert.equal(aws.url("my-bucket", "!'()*"), "https://my-bucket.s3.eu-west-1.amazonaws.com/%21%27%28%29%2A");
  assert.equal(aws.url("my-bucket"), "https://my-bucket.s3.eu-west-1.amazonaws.com/");
  assert.equal(
    aws.url("my-bucket", undefined, [["list-type", "2"], ["prefix", "a b/"], ["delete", ""]]),
    "https://my-bucket.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=a%20b%2F&delete",
  );
  assert.equal(aws.url("my.dotted.bucket", "k"), "https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/k");
  const local = createClients(awsConfig({ AWS_REGION: "eu-west-1", AWS_ENDPOINT_URL_S3: "http://127.0.0.1:5000" })).s3;
  assert.equal(local.url("my-bucket", "/lead/./x"), "http://127.0.0.1:5000/my-bucket//lead/./x");
});

/**
 * A local HTTP server whose answers the test scripts; records every request.
 * @param {Array<{ status: number, body?: string, headers?: Record<string, string> }>} script
 *   answers in order; the last one repeats
 */
async function scriptedServer(script) {
  /** @type {Array<{ method: string, url: string, headers: import("node:http").IncomingHttpHeaders, body: string }>} */
  const requests = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const answer = script[Math.min(requests.length - 1, script.length - 1)];
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? "");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  after(() => new Promise((resolve) => server.close(() => resolve(undefined))));
  return { endpoint: `http://127.0.0.1:${port}`, requests };
}

/** @param {string} endpoint */
function clientsFor(endpoint, maxAttempts = 3) {
  const config = awsConfig({
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "AKID",
    AWS_SECRET_ACCESS_KEY: "secret",
    AWS_SESSION_TOKEN: "session-token",
    AWS_ENDPOINT_URL: endpoint,
  });
  return createClients(config, { maxAttempts, baseDelayMs: 1, maxDelayMs: 5 });
}

const THROTTLED = {
  status: 400,
  headers: { "content-type": "application/x-amz-json-1.0" },
  body: JSON.stringify({ __type: "com.amazonaws.dynamodb.v20120810#ThrottlingException", message: "Rate exceeded" }),
};

test("JSON protocols: target, content type, signed headers and the session token on the wire", async () => {
  const server = await scriptedServer([{ status: 200, body: '{"Item":{"pk":{"S":"k"}}}' }]);
  const clients = clientsFor(server.endpoint);
  assert.deepEqual(await clients.dynamodb.call("GetItem", { TableName: "t" }), { Item: { pk: { S: "k" } } });
  await clients.sqs.call("SendMessage", { QueueUrl: "q" });
  await clients.secrets.call("GetSecretValue", { SecretId: "s" });
  const seen = server.requests.map((r) => [r.method, r.url, r.headers["x-amz-target"], r.headers["content-type"]]);
  assert.deepEqual(seen, [
    ["POST", "/", "DynamoDB_20120810.GetItem", "application/x-amz-json-1.0"],
    ["POST", "/", "AmazonSQS.SendMessage", "application/x-amz-json-1.0"],
    ["POST", "/", "secretsmanager.GetSecretValue", "application/x-amz-json-1.1"],
  ]);
  const first = server.requests[0];
  assert.equal(first.body, '{"TableName":"t"}');
  assert.equal(first.headers["x-amz-security-token"], "session-token");
  assert.match(
    String(first.headers.authorization),
    /^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/,
  );
});

test("retries: throttling and 5xx are retried with backoff until success", async () => {
  const server = await scriptedServer([THROTTLED, { status: 503, body: "busy" }, { status: 200, body: "{}" }]);
  assert.deepEqual(await clientsFor(server.endpoint).dynamodb.call("PutItem", { TableName: "t" }), {});
  assert.equal(server.requests.length, 3);
  assert.ok(server.requests.every((r) => /Signature=[0-9a-f]{64}$/.test(String(r.headers.authorization))), "every attempt is signed");
});

test("retries are bounded: the last failure is reported with AWS's code and message", async () => {
  const server = await scriptedServer([THROTTLED]);
  await assert.rejects(clientsFor(server.endpoint, 4).dynamodb.call("Query", { TableName: "orders" }), (error) => {
    assert.ok(error instanceof AwsError);
    assert.equal(error.message, "DynamoDB Query on table orders failed: ThrottlingException: Rate exceeded");
    assert.equal(error.code, "ThrottlingException");
    assert.equal(error.status, 400);
    return true;
  });
  assert.equal(server.requests.length, 4);
});

test("client errors are not retried; XML and header-only errors are read too", async () => {
  const validation = await scriptedServer([
    { status: 400, body: JSON.stringify({ __type: "com.amazon.coral.validate#ValidationException", Message: "bad key" }) },
  ]);
  await assert.rejects(
    clientsFor(validation.endpoint).dynamodb.call("GetItem", { TableName: "t" }),
    /^AwsError: DynamoDB GetItem on table t failed: ValidationException: bad key$/,
  );
  assert.equal(validation.requests.length, 1);

  const xml = await scriptedServer([
    {
      status: 403,
      body: '<?xml version="1.0"?><ErrorResponse><Error><Code>InvalidClientTokenId</Code><Message>The token &amp; key are &lt;bad&gt;</Message></Error></ErrorResponse>',
    },
  ]);
  await assert.rejects(
    clientsFor(xml.endpoint).secrets.call("GetSecretValue", { SecretId: "db" }),
    /^AwsError: Secrets Manager GetSecretValue on secret db failed: InvalidClientTokenId: The token & key are <bad>$/,
  );

  const headerOnly = await scriptedServer([{ status: 400, headers: { "x-amzn-ErrorType": "QueueDoesNotExist:http://internal" } }]);
  await assert.rejects(
    clientsFor(headerOnly.endpoint).sqs.call("SendMessage", { QueueUrl: "https://q" }),
    /^AwsError: SQS SendMessage on queue https:\/\/q failed: QueueDoesNotExist$/,
  );

  const head = await scriptedServer([{ status: 404 }]);
  await assert.rejects(
    clientsFor(head.endpoint).s3.request({ operation: "HeadObject", method: "HEAD", bucket: "b", key: "k" }),
    { code: "NotFound", status: 404, message: 'S3 HeadObject on bucket b key "k" failed: NotFound' },
  );

  const moved = await scriptedServer([{ status: 301, headers: { "x-amz-bucket-region": "ap-south-1" } }]);
  await assert.rejects(
    clientsFor(moved.endpoint).s3.request({ operation: "GetObject", method: "GET", bucket: "b", key: "k" }),
    /PermanentRedirect: \(the bucket is in ap-south-1, the function runs in us-east-1\)$/,
  );
});

test("network failures are retried, then reported", async () => {
  const server = await scriptedServer([{ status: 200 }]);
  const closed = server.endpoint.replace(/:\d+$/, ":1");
  await assert.rejects(clientsFor(closed, 2).sqs.call("SendMessage", { QueueUrl: "q" }), (error) => {
    assert.ok(error instanceof AwsError);
    assert.equal(error.code, "NetworkError");
    assert.match(error.message, /^SQS SendMessage on queue q failed: network error: .*ECONNREFUSED/);
    return true;
  });
});

test("a server that never answers times out (then the attempt is retried like a network error)", async () => {
  const silent = createServer(() => {});
  await new Promise((resolve) => silent.listen(0, "127.0.0.1", () => resolve(undefined)));
  after(() => {
    silent.closeAllConnections();
    return new Promise((resolve) => silent.close(() => resolve(undefined)));
  });
  const address = silent.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const config = awsConfig({ AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "b", AWS_ENDPOINT_URL: `http://127.0.0.1:${port}` });
  const clients = createClients(config, { maxAttempts: 2, baseDelayMs: 1, timeoutMs: 100 });
  const started = Date.now();
  await assert.rejects(clients.dynamodb.call("GetItem", { TableName: "t" }), {
    code: "NetworkError",
    message: "DynamoDB GetItem on table t failed: network error: no response within 100 ms of inactivity",
  });
  assert.ok(Date.now() - started < 2000);
});

test("missing credentials fail before sending, naming the operation", async () => {
  const server = await scriptedServer([{ status: 200, body: "{}" }]);
  const clients = createClients(awsConfig({ AWS_REGION: "us-east-1", AWS_ENDPOINT_URL: server.endpoint }));
  await assert.rejects(
    clients.dynamodb.call("GetItem", { TableName: "t" }),
    /^Error: DynamoDB GetItem on table t failed: cannot sign a dynamodb request: no AWS credentials/,
  );
  assert.equal(server.requests.length, 0);
});
