// Fulfils the orders of a batch from the queue `jobs` (up to five at a time): each gets a receipt in
// the bucket `receipts` (env.RECEIPTS) at receipts/<order id>.json. Writing it again on a redelivery
// replaces it with the same content, so a message delivered twice does no harm.
//
// A message is retried (message.retry) when its receipt cannot be written, with a delay that grows
// with each attempt, and when it is not an order at all: after four retries (max_retries: 4) the
// platform moves it to the dead-letter queue `jobs-dlq`, where a person can look at it.
import { orderProblems } from "./lib/order.js";

/** Seconds before the next attempt: 30, 60, 120, ... at most 10 minutes. */
const backoff = (attempts) => Math.min(30 * 2 ** (attempts - 1), 600);

export default {
  async queue(batch, env) {
    for (const message of batch.messages) {
      const order = message.body;
      const problems = orderProblems(order);
      if (problems.length > 0 || typeof order.id !== "string") {
        console.error(`message ${message.id} is not an order (${problems.join("; ") || "no id"}): retried until it reaches the dead-letter queue`);
        message.retry();
        continue;
      }
      const receipt = {
        order: order.id,
        customer: order.customer,
        lines: order.items.map(({ sku, quantity }) => ({ sku, quantity })),
        units: order.items.reduce((sum, item) => sum + item.quantity, 0),
        placedAt: order.placedAt,
        fulfilledAt: new Date().toISOString(),
        attempts: message.attempts,
      };
      try {
        await env.RECEIPTS.put(`receipts/${order.id}.json`, JSON.stringify(receipt, null, 2), {
          httpMetadata: { contentType: "application/json" },
          customMetadata: { order: order.id },
        });
        message.ack();
      } catch (error) {
        const delaySeconds = backoff(message.attempts);
        console.error(`order ${order.id}: the receipt could not be written (${error.message}); retrying in ${delaySeconds} s`);
        message.retry({ delaySeconds });
      }
    }
  },
};
