// @ts-check
/**
 * Delivery from a durable queue to its consumer: batches of up to `batchSize` messages, one batch at a
 * time, each as soon as `batchSize` messages are ready or `batchWindowMs` after the first one is.
 * The consumer's outcome decides each message (core/batch.js): acked messages are removed; retried
 * ones come back (after their delay) until they have been delivered `maxRetries + 1` times, then go to
 * the dead-letter queue when there is one, or are dropped (logged). When the consumer cannot run at
 * all (its module does not load, a secret is missing) the batch goes back uncounted and delivery
 * pauses until `resume()` (the host resumes it when the function reloads).
 */
import { decodeQueueBody } from "../../core/encoding.js";

/**
 * @typedef {import("./queue-store.js").FileQueue} FileQueue
 * @typedef {import("./queue-store.js").QueuedMessage} QueuedMessage
 * @typedef {{acked: {index: number}[], retried: {index: number, delaySeconds?: number}[], error?: unknown}} Outcome
 * @typedef {{notReady: string}} NotReady
 * @typedef {(messages: {id: string, timestamp: Date, attempts: number, body: unknown}[]) => Promise<Outcome | NotReady>} Deliver
 */

export class QueueDispatcher {
  /**
   * @param {{queue: FileQueue, deadLetter?: FileQueue, batchSize: number, maxRetries: number, deliver: Deliver,
   *   batchWindowMs?: number, log?: (line: string) => void}} options
   */
  constructor({ queue, deadLetter, batchSize, maxRetries, deliver, batchWindowMs = 50, log = () => {} }) {
    this.queue = queue;
    this.deadLetter = deadLetter;
    this.batchSize = batchSize;
    this.maxRetries = maxRetries;
    this.deliver = deliver;
    this.batchWindowMs = batchWindowMs;
    this.log = log;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {Promise<void> | undefined} */
    this.delivering = undefined;
    this.paused = false;
    this.stopped = false;
  }

  /** A message was sent (or the host started): deliver soon. */
  notify() {
    if (this.stopped || this.paused || this.delivering) return;
    if (this.queue.readyCount() >= this.batchSize) return this.#pumpSoon(0);
    this.#pumpSoon(this.queue.readyCount() > 0 ? this.batchWindowMs : this.#untilNextVisible());
  }

  /** Delivery may go on (the consumer reloaded). */
  resume() {
    this.paused = false;
    this.notify();
  }

  /** Stops delivering; resolves when the batch in flight (if any) is decided. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.delivering;
  }

  /** Waits until no batch is being delivered (tests). */
  async idle() {
    while (this.delivering) await this.delivering;
  }

  /** @param {number | undefined} ms */
  #pumpSoon(ms) {
    if (ms === undefined) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.#pump();
    }, Math.max(0, ms));
    this.timer.unref?.();
  }

  #untilNextVisible() {
    const next = this.queue.nextVisibleAt();
    return next === undefined ? undefined : next - this.queue.now();
  }

  #pump() {
    if (this.stopped || this.paused || this.delivering) return;
    const batch = this.queue.take(this.batchSize);
    if (batch.length === 0) return this.#pumpSoon(this.#untilNextVisible());
    this.delivering = this.#deliver(batch).finally(() => {
      this.delivering = undefined;
      if (this.stopped || this.paused) return;
      // A backlog goes on at once; otherwise wait for the next message (or delay) as usual.
      if (this.queue.readyCount() > 0) this.#pumpSoon(0);
      else this.#pumpSoon(this.#untilNextVisible());
    });
  }

  /** @param {QueuedMessage[]} batch */
  async #deliver(batch) {
    const messages = batch.map((m) => ({ id: m.id, timestamp: new Date(m.timestamp), attempts: m.attempts + 1, body: decodeQueueBody(m.body) }));
    /** @type {Outcome | NotReady} */
    let outcome;
    try {
      outcome = await this.deliver(messages);
    } catch (error) {
      outcome = { notReady: error instanceof Error ? error.message : String(error) };
    }
    if ("notReady" in outcome) {
      this.queue.release(batch);
      this.paused = true;
      this.log(`queue ${this.queue.name}: delivery paused, the consumer cannot run: ${outcome.notReady}`);
      return;
    }
    for (const { index } of outcome.acked) this.queue.ack(batch[index]);
    for (const { index, delaySeconds } of outcome.retried) {
      const message = batch[index];
      const deliveries = message.attempts + 1;
      if (deliveries <= this.maxRetries) this.queue.retry(message, delaySeconds ?? 0);
      else if (this.deadLetter) {
        this.queue.moveTo(message, this.deadLetter);
        this.log(`queue ${this.queue.name}: message ${message.id} failed ${deliveries} deliveries; moved to ${this.deadLetter.name}`);
      } else {
        this.queue.ack(message);
        this.log(`queue ${this.queue.name}: message ${message.id} failed ${deliveries} deliveries; dropped (the queue has no dead-letter queue)`);
      }
    }
  }
}
