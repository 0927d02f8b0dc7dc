// @ts-check
// The four clients against moto_server with its auth on (INITIAL_NO_AUTH_ACTION_COUNT=0): moto
// recomputes every SigV4 signature with the key it issued, so a wrong signature fails here.
// Keys moto cannot check (see runtime/DESIGN.md, "AWS clients and moto") are tested with auth
// off in s3-bucket.test.js; here the S3 keys are compared with boto3's own requests.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startMoto, provision, addUser } from "../support/moto.js";
import { awsConfig, createClients } from "../../src/adapters/aws-lambda/aws/client.js";
import { DynamoKV } from "../../src/adapters/aws-lambda/aws/dynamodb-kv.js";
import { S3Bucket } from "../../src/adapters/aws-lambda/aws/s3-bucket.js";
import { SQSQueue } from "../../src/adapters/aws-lambda/aws/sqs-queue.js";
import { getSecretString } from "../../src/adapters/aws-lambda/aws/secrets.js";

/** @type {import("../support/moto.js").Moto} */
let moto;
/** @type {Record<string, string>} */
let queueUrls;

before(async () => {
  moto = await startMoto({ auth: true });
  ({ queueUrls } = await provision(moto, {
    kvTables: ["kv"],
    buckets: ["objects", "other"],
    queues: ["jobs"],
    secrets: [{ name: "db-password", string: "hunter2 ✓" }],
  }));
});
after(() => moto?.stop());

/** @param {Record<string, string>} [overrides] */
function clientsWith(overrides = {}) {
  return createClients(awsConfig({ ...moto.env, ...overrides }), { maxAttempts: 1 });
}

test("signed with the key moto issued, every client's calls are accepted", async () => {
  const clients = clientsWith();
  const kv = new DynamoKV({ client: clients.dynamodb, tableName: "kv" });
  for (let i = 0; i < 5; i++) await kv.put(`user/${i} x`, `v${i}`, { metadata: { i }, expirationTtl: 3600 });
  assert.equal(await kv.get("user/3 x"), "v3");
  const page = await kv.list({ prefix: "user/", limit: 2 });
  const rest = await kv.list({ prefix: "user/", cursor: page.cursor });
  assert.deepEqual([...page.keys, ...rest.keys].map((k) => k.name), [0, 1, 2, 3, 4].map((i) => `user/${i} x`));
  await kv.delete("user/0 x");

  const bucket = new S3Bucket({ client: clients.s3, bucketName: "objects" });
  const body = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
  await bucket.put("reports/2024 q1.bin", body, { customMetadata: { owner: "ann" }, httpMetadata: { contentType: "application/octet-stream" } });
  await bucket.put("reports/a~b_c-d.e", "x");
  const object = await bucket.get("reports/2024 q1.bin");
  assert.deepEqual(new Uint8Array(await /** @type {any} */ (object).arrayBuffer()), body);
  assert.deepEqual((await bucket.head("reports/2024 q1.bin"))?.customMetadata, { owner: "ann" });
  // (prefix "reports", not "reports/": moto with auth on refuses a "/" in a query value.)
  assert.deepEqual((await bucket.list({ prefix: "reports" })).objects.map((o) => o.key), ["reports/2024 q1.bin", "reports/a~b_c-d.e"]);
  await bucket.delete(["reports/a~b_c-d.e"]);
  await bucket.delete("missing");

  const queue = new SQSQueue({ client: clients.sqs, queueUrl: queueUrls.jobs });
  await queue.send({ job: "one" });
  await queue.sendBatch(Array.from({ length: 12 }, (_, i) => ({ body: { job: i } })));

  assert.equal(await getSecretString(clients.secrets, "db-password"), "hunter2 ✓");

  // The effects, read by boto3 with the same user's key.
  const seen = await moto.boto(
    `
item = ddb.get_item(TableName="kv", Key={"pk": {"S": "user/4 x"}}, ConsistentRead=True)["Item"]
gone = "Item" not in ddb.get_item(TableName="kv", Key={"pk": {"S": "user/0 x"}}, ConsistentRead=True)
keys = [o["Key"] for o in s3.list_objects_v2(Bucket="objects").get("Contents", [])]
obj = s3.get_object(Bucket="objects", Key="reports/2024 q1.bin")
bodies = []
while True:
    got = sqs.receive_message(QueueUrl=data, MaxNumberOfMessages=10).get("Messages", [])
    if not got: break
    bodies += [json.loads(m["Body"]) for m in got]
result = {"v": item["v"]["B"].decode(), "m": item["m"]["S"], "gone": gone, "keys": keys,
          "size": obj["ContentLength"], "owner": obj["Metadata"].get("owner"), "messages": len(bodies)}
`,
    queueUrls.jobs,
  );
  assert.deepEqual(seen, {
    v: "v4",
    m: '{"i":4}',
    gone: true,
    keys: ["reports/2024 q1.bin"],
    size: 1000,
    owner: "ann",
    messages: 13,
  });
});

test("a wrong secret key is rejected by every service with SignatureDoesNotMatch", async () => {
  const wrong = clientsWith({ AWS_SECRET_ACCESS_KEY: `${moto.credentials.secretAccessKey}x` });
  const attempts = {
    DynamoDB: () => new DynamoKV({ client: wrong.dynamodb, tableName: "kv" }).get("user/1 x"),
    S3: () => new S3Bucket({ client: wrong.s3, bucketName: "objects" }).put("k", "v"),
    SQS: () => new SQSQueue({ client: wrong.sqs, queueUrl: queueUrls.jobs }).send("x"),
    SecretsManager: () => getSecretString(wrong.secrets, "db-password"),
  };
  for (const [service, attempt] of Object.entries(attempts)) {
    await assert.rejects(attempt(), (/** @type {any} */ error) => {
      assert.equal(error.code, "SignatureDoesNotMatch", `${service}: ${error.message}`);
      return true;
    });
  }
  const unknown = clientsWith({ AWS_ACCESS_KEY_ID: "AKIAUNKNOWNKEY000000" });
  await assert.rejects(unknown.dynamodb.call("ListTables", {}), { code: "InvalidClientTokenId" });
  await assert.rejects(new S3Bucket({ client: unknown.s3, bucketName: "objects" }).head("k"), { status: 403 });
});

test("S3 keys and list prefixes: moto accepts our signature exactly when it accepts boto3's", async (t) => {
  const keys = ["plain", "a b", "a~b", "q?x#y", "a//b", "/lead", "a+b", "!'()*", "a=b&c", "100%", "ünï", "日本/😀"];
  const ours = new S3Bucket({ client: clientsWith().s3, bucketName: "other" });
  /** @type {Record<string, string>} */
  const ourResults = {};
  for (const key of keys) {
    ourResults[key] = await ours.put(key, "x").then(
      () => "accepted",
      (/** @type {any} */ e) => e.code,
    );
  }
  const botoResults = await moto.boto(
    `
result = {}
for key in data:
    try:
        s3.put_object(Bucket="other", Key=key, Body=b"x")
        result[key] = "accepted"
    except s3.exceptions.ClientError as e:
        result[key] = e.response["Error"]["Code"]
`,
    keys,
  );
  assert.deepEqual(ourResults, botoResults);
  assert.equal(ourResults["a b"], "accepted");
  t.diagnostic(`keys refused by moto with auth on: ${keys.filter((k) => ourResults[k] !== "accepted").map((k) => JSON.stringify(k)).join(" ")}`);

  const prefixes = ["plain", "a b", "a~b", "dir/", "a+b", "ü"];
  /** @type {Record<string, string>} */
  const ourLists = {};
  for (const prefix of prefixes) {
    ourLists[prefix] = await ours.list({ prefix }).then(
      () => "accepted",
      (/** @type {any} */ e) => e.code,
    );
  }
  const botoLists = await moto.boto(
    `
result = {}
for prefix in data:
    try:
        s3.list_objects_v2(Bucket="other", Prefix=prefix, EncodingType="url")
        result[prefix] = "accepted"
    except s3.exceptions.ClientError as e:
        result[prefix] = e.response["Error"]["Code"]
`,
    prefixes,
  );
  assert.deepEqual(ourLists, botoLists);
  assert.equal(ourLists["a b"], "accepted");
  t.diagnostic(`list prefixes refused by moto with auth on: ${prefixes.filter((p) => ourLists[p] !== "accepted").map((p) => JSON.stringify(p)).join(" ")}`);
});

test("an S3 policy scoped to the bucket's ARNs allows exactly the calls it names", async () => {
  const scoped = await addUser(moto, "bucket-reader-writer", [
    { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: "arn:aws:s3:::objects/*" },
    { Effect: "Allow", Action: ["s3:ListBucket"], Resource: "arn:aws:s3:::objects" },
  ]);
  const clients = clientsWith({ AWS_ACCESS_KEY_ID: scoped.accessKeyId, AWS_SECRET_ACCESS_KEY: scoped.secretAccessKey });
  const bucket = new S3Bucket({ client: clients.s3, bucketName: "objects" });
  await bucket.put("scoped/x", "x");
  assert.equal(await (await bucket.get("scoped/x"))?.text(), "x");
  assert.deepEqual((await bucket.list({ prefix: "scoped" })).objects.map((o) => o.key), ["scoped/x"]);
  await assert.rejects(bucket.delete("scoped/x"), { code: "AccessDenied" });
  await assert.rejects(new S3Bucket({ client: clients.s3, bucketName: "other" }).put("x", "x"), { code: "AccessDenied" });
});
