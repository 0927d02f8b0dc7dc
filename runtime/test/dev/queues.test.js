// Durable queues and their delivery: batches of batch_size, retries up to max_retries, then the
// dead-letter queue; delays; a consumer that cannot run pauses delivery without spending attempts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileQueue } from "../../src/adapters/dev/queue-store.js";
import { QueueDispatcher } from "../../src/adapters/dev/queues.js";
import { createBatch } from "../../src/core/batch.js";

const temporary = () => mkdtempSync(join(tmpdir(), "distlang-dev-queue-"));

/** Waits until `check()` holds, at most `ms`. */
async function until(check, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * A consumer run through the core's batch (as the host runs it): `handle(batch)` is the user's queue().
 */
function consumer(handle) {
  const batches = [];
  return {
    batches,
    deliver: async (messages) => {
      batches.push(messages.map((m) => ({ body: m.body, attempts: m.attempts })));
      const { batch, outcome } = createBatch({ queue: "jobs", messages });
      try {
        await handle(batch);
        return outcome(false);
      } catch (error) {
        return { ...outcome(true), error };
      }
    },
  };
}

test("messages are stored before send resolves and survive a restart, in sending order", () => {
  const dir = temporary();
  const queue = new FileQueue({ name: "jobs", dir });
  queue.enqueue(JSON.stringify({ n: 1 }));
  queue.enqueue(JSON.stringify("two"), { delaySeconds: 60 });
  queue.enqueue(JSON.stringify([3]));
  const again = new FileQueue({ name: "jobs", dir });
  assert.deepEqual(again.snapshot().map((m) => [m.body, m.state, m.attempts]), [
    [{ n: 1 }, "ready", 0],
    ["two", "delayed", 0],
    [[3], "ready", 0],
  ]);
  assert.deepEqual(again.take(10).map((m) => JSON.parse(m.body)), [{ n: 1 }, [3]]);
});

test("delivery comes in batches of at most batch_size, and acked messages are removed", async () => {
  const queue = new FileQueue({ name: "jobs", dir: temporary() });
  const c = consumer(async () => {});
  const dispatcher = new QueueDispatcher({ queue, batchSize: 3, maxRetries: 3, deliver: c.deliver, batchWindowMs: 20 });
  for (let i = 1; i <= 7; i++) queue.enqueue(String(i));
  dispatcher.notify();
  await until(() => queue.messages.size === 0);
  await dispatcher.idle();
  assert.deepEqual(c.batches.map((b) => b.map((m) => m.body)), [[1, 2, 3], [4, 5, 6], [7]]);
  assert.ok(c.batches.flat().every((m) => m.attempts === 1));
  await dispatcher.stop();
});

test("a message retried on every delivery is delivered max_retries + 1 times, then moves to the dead-letter queue", async () => {
  const dir = temporary();
  const queue = new FileQueue({ name: "jobs", dir: join(dir, "jobs") });
  const deadLetter = new FileQueue({ name: "jobs-dlq", dir: join(dir, "jobs-dlq") });
  const lines = [];
  const c = consumer(async (batch) => {
    for (const m of batch.messages) if (m.body.bad) m.retry();
  });
  const dispatcher = new QueueDispatcher({ queue, deadLetter, batchSize: 10, maxRetries: 2, deliver: c.deliver, batchWindowMs: 5, log: (l) => lines.push(l) });
  queue.enqueue(JSON.stringify({ bad: true }));
  queue.enqueue(JSON.stringify({ bad: false }));
  dispatcher.notify();
  await until(() => deadLetter.messages.size === 1);
  await dispatcher.idle();
  const deliveries = c.batches.flat().filter((m) => m.body.bad).map((m) => m.attempts);
  assert.deepEqual(deliveries, [1, 2, 3]);
  assert.equal(queue.messages.size, 0);
  const [dead] = deadLetter.snapshot();
  assert.deepEqual(dead.body, { bad: true });
  assert.equal(dead.attempts, 3);
  assert.match(lines.join("\n"), /failed 3 deliveries; moved to jobs-dlq/);
  // The dead-letter queue is durable like any queue.
  assert.equal(new FileQueue({ name: "jobs-dlq", dir: join(dir, "jobs-dlq") }).snapshot().length, 1);
  await dispatcher.stop();
});

test("a handler that throws retries the whole batch; without a dead-letter queue the message is dropped", async () => {
  const queue = new FileQueue({ name: "jobs", dir: temporary() });
  const lines = [];
  const c = consumer(async () => {
    throw new Error("boom");
  });
  const dispatcher = new QueueDispatcher({ queue, batchSize: 10, maxRetries: 1, deliver: c.deliver, batchWindowMs: 5, log: (l) => lines.push(l) });
  queue.enqueue('"a"');
  queue.enqueue('"b"');
  dispatcher.notify();
  await until(() => queue.messages.size === 0);
  await dispatcher.idle();
  assert.deepEqual(c.batches.map((b) => b.map((m) => `${m.body}${m.attempts}`)), [["a1", "b1"], ["a2", "b2"]]);
  assert.match(lines.join("\n"), /message \w+ failed 2 deliveries; dropped \(the queue has no dead-letter queue\)/);
  await dispatcher.stop();
});

test("a retry's delay and a send's delay hold the message back until then", async () => {
  let now = 1_000_000;
  const queue = new FileQueue({ name: "jobs", dir: temporary(), now: () => now });
  queue.enqueue('"later"', { delaySeconds: 30 });
  assert.equal(queue.take(10).length, 0);
  assert.equal(queue.nextVisibleAt(), now + 30_000);
  now += 30_000;
  const [message] = queue.take(10);
  assert.equal(message.body, '"later"');
  queue.retry(message, 120);
  assert.equal(queue.snapshot()[0].state, "delayed");
  assert.equal(queue.snapshot()[0].attempts, 1);
  now += 119_999;
  assert.equal(queue.take(10).length, 0);
  now += 1;
  assert.equal(queue.take(10).length, 1);
});

test("a consumer that cannot run pauses delivery without spending attempts; resume() delivers", async () => {
  const queue = new FileQueue({ name: "jobs", dir: temporary() });
  const lines = [];
  let ready = false;
  const delivered = [];
  const dispatcher = new QueueDispatcher({
    queue,
    batchSize: 10,
    maxRetries: 0,
    batchWindowMs: 5,
    log: (l) => lines.push(l),
    deliver: async (messages) => {
      if (!ready) return { notReady: "secret KEY is not set" };
      delivered.push(...messages.map((m) => m.attempts));
      return { acked: messages.map((_, index) => ({ index })), retried: [] };
    },
  });
  queue.enqueue('"x"');
  dispatcher.notify();
  await until(() => lines.length === 1);
  assert.match(lines[0], /queue jobs: delivery paused, the consumer cannot run: secret KEY is not set/);
  assert.equal(queue.snapshot()[0].attempts, 0);
  queue.enqueue('"y"');
  dispatcher.notify();
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(queue.messages.size, 2, "nothing is delivered while paused");
  ready = true;
  dispatcher.resume();
  await until(() => queue.messages.size === 0);
  assert.deepEqual(delivered, [1, 1]);
  await dispatcher.stop();
});
