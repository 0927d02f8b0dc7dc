// @ts-check
/**
 * The portable MessageBatch and its outcome. Rule (Cloudflare's documented one): a message explicitly
 * retried is retried and one explicitly acked is acked; every other message is acked when the handler
 * returned and retried when it threw. When a message gets several calls, the last one wins.
 */
import { LIMITS, checkDelay } from "./limits.js";

/**
 * @typedef {{id: string, timestamp: Date, attempts: number, body: unknown}} IncomingMessage
 * @typedef {{index: number, id: string, delaySeconds?: number}} Decision
 * @typedef {{acked: Decision[], retried: Decision[]}} BatchOutcome
 */

/**
 * @param {{queue: string, messages: IncomingMessage[]}} input
 */
export function createBatch({ queue, messages }) {
  /** @type {({action: "ack"} | {action: "retry", delaySeconds?: number} | undefined)[]} */
  const decisions = messages.map(() => undefined);

  /** @param {any} options @param {string} label */
  const retryDecision = (options, label) => {
    const delaySeconds = options?.delaySeconds;
    checkDelay(delaySeconds, LIMITS.queueRetryDelayMax, label);
    return delaySeconds === undefined ? { action: /** @type {const} */ ("retry") } : { action: /** @type {const} */ ("retry"), delaySeconds };
  };

  const portable = messages.map((message, index) =>
    Object.freeze({
      id: message.id,
      timestamp: message.timestamp,
      attempts: message.attempts,
      body: message.body,
      ack() {
        decisions[index] = { action: "ack" };
      },
      /** @param {{delaySeconds?: number}} [options] */
      retry(options) {
        decisions[index] = retryDecision(options, `message ${message.id}: retry`);
      },
    }),
  );

  const batch = Object.freeze({
    queue,
    messages: Object.freeze(portable),
    ackAll() {
      decisions.fill({ action: "ack" });
    },
    /** @param {{delaySeconds?: number}} [options] */
    retryAll(options) {
      decisions.fill(retryDecision(options, "batch.retryAll"));
    },
  });

  return {
    batch,
    /**
     * What happens to each message, once the handler returned (`threw` false) or threw (`threw` true).
     * @param {boolean} threw
     * @returns {BatchOutcome}
     */
    outcome(threw) {
      /** @type {BatchOutcome} */
      const result = { acked: [], retried: [] };
      messages.forEach((message, index) => {
        const decision = decisions[index] ?? { action: threw ? "retry" : "ack" };
        if (decision.action === "ack") result.acked.push({ index, id: message.id });
        else if (decision.delaySeconds === undefined) result.retried.push({ index, id: message.id });
        else result.retried.push({ index, id: message.id, delaySeconds: decision.delaySeconds });
      });
      return result;
    },
  };
}
