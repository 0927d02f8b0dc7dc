// examples/queue-pipeline: intake (HTTP -> queue) and fulfil (queue -> receipts in a bucket), one
// handler file each, on AWS (moto: SQS with the template's redrive policy, the event source
// mapping's batch size) and Cloudflare (the consumer's max_batch_size, max_retries and
// dead_letter_queue from wrangler.toml), with the same requests, deliveries and checks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { onBothPlatforms } from "./support/platform.js";

const order = (customer, items) => ({ customer, items });

onBothPlatforms("queue-pipeline", {}, (app) => {
  /** @param {unknown} body */
  const place = (body) => app().fetch("intake", "POST", "/orders", { headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const receipt = async (id) => {
    const object = await app().bucket("receipts").get(`receipts/${id}.json`);
    return object && { ...JSON.parse(object.text), contentType: object.contentType, metadata: object.customMetadata };
  };

  test("an order goes from intake through the queue to a receipt in the bucket", async () => {
    const response = await place(order("ana@example.com", [{ sku: "TEA-1", quantity: 2 }, { sku: "CUP", quantity: 1 }]));
    assert.equal(response.status, 202);
    const { id, status, receipt: key } = await response.json();
    assert.deepEqual([status, key], ["queued", `receipts/${id}.json`]);
    assert.equal(await receipt(id), null, "nothing is written before fulfil runs");

    const delivery = await app().deliver("jobs");
    assert.equal(delivery.received.length, 1);
    const [{ body, attempts }] = delivery.received;
    assert.equal(attempts, 1);
    assert.deepEqual({ ...body, placedAt: undefined }, { id, customer: "ana@example.com", items: [{ sku: "TEA-1", quantity: 2 }, { sku: "CUP", quantity: 1 }], placedAt: undefined });
    assert.deepEqual(delivery.acked, [body]);
    assert.deepEqual(delivery.retried, []);

    const written = await receipt(id);
    assert.deepEqual(
      { ...written, fulfilledAt: undefined },
      { order: id, customer: "ana@example.com", lines: body.items, units: 3, placedAt: body.placedAt, fulfilledAt: undefined, attempts: 1, contentType: "application/json", metadata: { order: id } },
    );
    assert.equal((await app().deliver("jobs")).received.length, 0, "the queue is empty");
    assert.match(app().logs("intake"), new RegExp(`order ${id} queued \\(2 items\\)`));
  });

  test("an invalid order is a 400 listing every problem, and nothing is queued", async () => {
    const response = await place(order("not-an-address", [{ sku: "tea", quantity: 0 }, { sku: "CUP", quantity: 1 }, { sku: "CUP", quantity: 1 }]));
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: "invalid order",
      problems: [
        "customer must be an e-mail address",
        "items[0].sku must be 1 to 32 capital letters, digits or hyphens",
        "items[0].quantity must be a whole number from 1 to 100",
        "items[2].sku CUP is listed twice",
      ],
    });
    assert.equal((await app().fetch("intake", "POST", "/orders", { body: "no json" })).status, 400);
    assert.equal((await app().deliver("jobs")).received.length, 0);
  });

  test("fulfil takes the queue in batches of five", async () => {
    const ids = [];
    for (let i = 1; i <= 7; i++) ids.push((await (await place(order(`c${i}@example.com`, [{ sku: "PEN", quantity: i }]))).json()).id);
    const first = await app().deliver("jobs");
    const second = await app().deliver("jobs");
    assert.deepEqual([first.received.length, second.received.length], [5, 2]);
    assert.deepEqual([...first.acked, ...second.acked].map((b) => b.id).sort(), [...ids].sort());
    for (const [i, id] of ids.entries()) assert.equal((await receipt(id)).units, i + 1);
  });

  test("a receipt that cannot be written is retried with a delay, and written when the bucket is back", async () => {
    const { id } = await (await place(order("bo@example.com", [{ sku: "INK", quantity: 4 }]))).json();
    const restore = await app().bucket("receipts").fail();
    let failed;
    try {
      failed = await app().deliver("jobs");
    } finally {
      await restore();
    }
    assert.deepEqual(failed.retried.map((b) => b.id), [id]);
    assert.deepEqual(failed.acked, []);
    assert.match(app().logs("fulfil"), new RegExp(`order ${id}: the receipt could not be written \\(.+\\); retrying in 30 s`));
    const again = await app().deliver("jobs");
    assert.deepEqual(again.received.map((m) => [m.body.id, m.attempts]), [[id, 2]]);
    assert.deepEqual(again.acked.map((b) => b.id), [id]);
    assert.equal((await receipt(id)).attempts, 2);
  });

  test("a message that is not an order is retried four times, then lands in the dead-letter queue", async () => {
    await app().send("jobs", { note: "not an order" });
    const attempts = [];
    for (let round = 0; round < 5; round++) {
      const delivery = await app().deliver("jobs");
      assert.deepEqual(delivery.retried, [{ note: "not an order" }]);
      attempts.push(delivery.received[0].attempts);
    }
    assert.deepEqual(attempts, [1, 2, 3, 4, 5]);
    assert.equal((await app().deliver("jobs")).received.length, 0, "max_retries: 4 allows five deliveries");
    assert.deepEqual(await app().deadLetters("jobs"), [{ note: "not an order" }]);
    assert.match(app().logs("fulfil"), /is not an order \(an order is a JSON object\)|is not an order \(customer must be an e-mail address/);
  });
});
