// @ts-check
// SQSQueue and getSecretString against a real moto_server (auth off); effects checked through boto3.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startMoto, provision } from "../support/moto.js";
import { awsConfig, createClients } from "../../src/adapters/aws-lambda/aws/client.js";
import { SQSQueue } from "../../src/adapters/aws-lambda/aws/sqs-queue.js";
import { getSecretString } from "../../src/adapters/aws-lambda/aws/secrets.js";

/** @type {import("../support/moto.js").Moto} */
let moto;
/** @type {ReturnType<typeof createClients>} */
let clients;
/** @type {Record<string, string>} */
let queueUrls;
/** @type {Record<string, string>} */
let secretArns;

before(async () => {
  moto = await startMoto();
  ({ queueUrls, secretArns } = await provision(moto, {
    queues: ["bodies", "batch", "delayed", "visibility"],
    secrets: [
      { name: "api-key", string: "s3cr3t ✓" },
      { name: "binary-text", binary: new TextEncoder().encode("from bytes é") },
      { name: "binary-blob", binary: Uint8Array.of(0xff, 0xfe, 0x00) },
    ],
  }));
  clients = createClients(awsConfig(moto.env));
});
after(() => moto?.stop());

/**
 * Every message currently visible on the queue, received (and left in flight) through boto3.
 * @param {string} queueUrl
 * @returns {Promise<Array<{ body: string, receiptHandle: string }>>}
 */
function drain(queueUrl) {
  return moto.boto(
    `
result = []
while True:
    got = sqs.receive_message(QueueUrl=data, MaxNumberOfMessages=10, WaitTimeSeconds=0).get("Messages", [])
    if not got: break
    result += [{"body": m["Body"], "receiptHandle": m["ReceiptHandle"]} for m in got]
`,
    queueUrl,
  );
}

test("send: every JSON value arrives as its JSON text and parses back equal", async () => {
  const queue = new SQSQueue({ client: clients.sqs, queueUrl: queueUrls.bodies });
  const bodies = ["plain string", { order: 42, items: ["a", "é"], nested: { ok: true } }, 7, null, [1, "two"], "☃ 😀"];
  for (const body of bodies) await queue.send(body);
  const received = await drain(queueUrls.bodies);
  assert.deepEqual(
    received.map((m) => m.body).sort(),
    bodies.map((b) => JSON.stringify(b)).sort(),
  );
  await assert.rejects(queue.send(undefined), /not a JSON value/);
  await assert.rejects(queue.send({ big: 1n }), /not JSON-serialisable/);
});

test("sendBatch: 25 messages go out as SendMessageBatch requests of at most 10, all delivered once", async () => {
  const queue = new SQSQueue({ client: clients.sqs, queueUrl: queueUrls.batch });
  const messages = Array.from({ length: 25 }, (_, i) => ({ body: { n: i } }));
  await queue.sendBatch(messages);
  const received = await drain(queueUrls.batch);
  assert.deepEqual(
    received.map((m) => JSON.parse(m.body).n).sort((a, b) => a - b),
    messages.map((m) => m.body.n),
  );
  await queue.sendBatch([]);
});

test("delaySeconds: delayed messages stay invisible until the delay has passed (send and sendBatch)", async () => {
  const queue = new SQSQueue({ client: clients.sqs, queueUrl: queueUrls.delayed });
  await queue.send("now");
  await queue.send("single later", { delaySeconds: 1 });
  await queue.sendBatch([{ body: "batch later", delaySeconds: 1 }, { body: "batch now" }]);
  await queue.sendBatch([{ body: "default later" }], { delaySeconds: 1 });
  assert.deepEqual((await drain(queueUrls.delayed)).map((m) => JSON.parse(m.body)).sort(), ["batch now", "now"]);
  await new Promise((resolve) => setTimeout(resolve, 1200));
  assert.deepEqual(
    (await drain(queueUrls.delayed)).map((m) => JSON.parse(m.body)).sort(),
    ["batch later", "default later", "single later"],
  );
});

test("sendBatch partial failure: an error naming the failed entries; the others are sent", async () => {
  const queue = new SQSQueue({ client: clients.sqs, queueUrl: queueUrls.batch });
  const messages = Array.from({ length: 12 }, (_, i) => ({ body: `m${i}`, delaySeconds: i === 3 || i === 11 ? 901 : 0 }));
  const error = await queue.sendBatch(messages).then(
    () => assert.fail("sendBatch should fail"),
    (e) => e,
  );
  assert.match(error.message, /^SQS SendMessageBatch on queue .*\/batch: 2 of 12 messages were not sent: #3 InvalidParameterValue: .*; #11 InvalidParameterValue: /);
  assert.deepEqual(
    error.failed.map((/** @type {{ index: number }} */ f) => f.index),
    [3, 11],
  );
  const sent = (await drain(queueUrls.batch)).map((m) => JSON.parse(m.body)).sort();
  assert.deepEqual(sent, messages.map((m) => m.body).filter((b) => b !== "m3" && b !== "m11").sort());

  const missing = new SQSQueue({ client: clients.sqs, queueUrl: `${queueUrls.batch}-missing` });
  await assert.rejects(missing.sendBatch([{ body: 1 }, { body: 2 }]), (/** @type {any} */ e) => {
    assert.match(e.message, /2 of 2 messages were not sent: #0 RequestFailed: SQS SendMessageBatch on queue .* failed: QueueDoesNotExist/);
    return true;
  });
  await assert.rejects(missing.send("x"), /SQS SendMessage on queue .*-missing failed: QueueDoesNotExist/);
});

test("changeVisibility makes a received message visible again at once", async () => {
  const queue = new SQSQueue({ client: clients.sqs, queueUrl: queueUrls.visibility });
  await queue.send({ retry: "me" });
  const [first] = await drain(queueUrls.visibility);
  assert.deepEqual(await drain(queueUrls.visibility), [], "in flight for the queue's 30 s visibility timeout");
  await queue.changeVisibility(first.receiptHandle, 0);
  const again = await drain(queueUrls.visibility);
  assert.deepEqual(again.map((m) => JSON.parse(m.body)), [{ retry: "me" }]);
  await assert.rejects(queue.changeVisibility("not-a-receipt-handle", 5), /SQS ChangeMessageVisibility on queue .* failed: /);
});

test("secrets: SecretString by name or ARN, SecretBinary as UTF-8, clear errors naming the secret", async () => {
  assert.equal(await getSecretString(clients.secrets, "api-key"), "s3cr3t ✓");
  assert.equal(await getSecretString(clients.secrets, secretArns["api-key"]), "s3cr3t ✓");
  assert.equal(await getSecretString(clients.secrets, "binary-text"), "from bytes é");
  await assert.rejects(getSecretString(clients.secrets, "binary-blob"), /^Error: secret binary-blob: SecretBinary is not UTF-8 text$/);
  await assert.rejects(getSecretString(clients.secrets, "no-such-secret"), {
    name: "AwsError",
    code: "ResourceNotFoundException",
    message: /^Secrets Manager GetSecretValue on secret no-such-secret failed: ResourceNotFoundException: /,
  });
});
