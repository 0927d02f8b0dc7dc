import { test } from "node:test";
import assert from "node:assert/strict";
import { createBatch } from "../../src/core/batch.js";
import { LimitError } from "../../src/core/errors.js";

const messages = ["m1", "m2", "m3"].map((id, i) => ({ id, timestamp: new Date(1000 * i), attempts: 1, body: { n: i } }));
const ids = (list) => list.map((d) => d.id);

test("returning acks every message not retried", () => {
  const { batch, outcome } = createBatch({ queue: "orders", messages });
  batch.messages[1].retry();
  const result = outcome(false);
  assert.deepEqual(ids(result.acked), ["m1", "m3"]);
  assert.deepEqual(ids(result.retried), ["m2"]);
});

test("throwing retries every message not explicitly acked", () => {
  const { batch, outcome } = createBatch({ queue: "orders", messages });
  batch.messages[0].ack();
  const result = outcome(true);
  assert.deepEqual(ids(result.acked), ["m1"]);
  assert.deepEqual(ids(result.retried), ["m2", "m3"]);
});

test("the last call on a message wins, ackAll and retryAll included", () => {
  const { batch, outcome } = createBatch({ queue: "orders", messages });
  batch.messages[0].ack();
  batch.messages[0].retry({ delaySeconds: 30 });
  batch.retryAll();
  batch.messages[2].ack();
  const result = outcome(false);
  assert.deepEqual(result.retried, [{ index: 0, id: "m1" }, { index: 1, id: "m2" }]);
  assert.deepEqual(ids(result.acked), ["m3"]);
  batch.ackAll();
  assert.deepEqual(ids(outcome(true).acked), ["m1", "m2", "m3"]);
});

test("retry delays are kept and checked", () => {
  const { batch, outcome } = createBatch({ queue: "orders", messages });
  batch.messages[1].retry({ delaySeconds: 43200 });
  assert.deepEqual(outcome(false).retried, [{ index: 1, id: "m2", delaySeconds: 43200 }]);
  assert.throws(() => batch.messages[1].retry({ delaySeconds: 43201 }), LimitError);
  assert.throws(() => batch.retryAll({ delaySeconds: 1.5 }), LimitError);
});

test("the batch carries the queue's name and the messages' fields, read-only", () => {
  const { batch } = createBatch({ queue: "orders", messages });
  assert.equal(batch.queue, "orders");
  assert.deepEqual(batch.messages.map((m) => [m.id, m.attempts, m.timestamp.getTime(), m.body]), [["m1", 1, 0, { n: 0 }], ["m2", 1, 1000, { n: 1 }], ["m3", 1, 2000, { n: 2 }]]);
  assert.ok(Object.isFrozen(batch) && Object.isFrozen(batch.messages) && Object.isFrozen(batch.messages[0]));
});
