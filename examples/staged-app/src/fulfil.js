// Fulfils orders from the queue `orders` (one module for every platform: docs/runtime.md). Each
// message is `{ orderId }`; the order is in the kv store `sessions` (read access). When its Stripe
// payment has succeeded, the customer gets a confirmation e-mail (Resend's API at env.MAIL_API with
// env.MAIL_API_KEY; the idempotency key makes a redelivered message send nothing new).
//
// Retries (message.retry with a delay): an order not yet visible in kv (kv is eventually
// consistent across locations), a payment not finished yet (the customer has about an hour), a
// failed call to Stripe or to the mail API. After max_retries (3) the message goes to orders-dlq.
// A canceled payment is acknowledged with nothing sent.
import { stripe } from "./lib/stripe.js";
import { logger } from "./lib/log.js";

/** Seconds to wait for a payment, by attempt: 1 minute, 10 minutes, then an hour. */
const PAYMENT_WAIT = [60, 600, 3600];

export default {
  async queue(batch, env) {
    const log = logger(env);
    for (const message of batch.messages) {
      const orderId = message.body?.orderId;
      if (typeof orderId !== "string") {
        log.error("not an order message", { message: message.id });
        message.retry();
        continue;
      }
      try {
        const order = await env.SESSIONS.get(`order:${orderId}`, "json");
        if (!order) {
          log.warn("order not visible yet", { order: orderId, attempts: message.attempts });
          message.retry({ delaySeconds: 30 });
          continue;
        }
        const intent = await stripe(env).getPaymentIntent(order.paymentIntent);
        if (intent.status === "canceled") {
          log.info("payment canceled: nothing to send", { order: orderId });
          message.ack();
        } else if (intent.status !== "succeeded") {
          const delaySeconds = PAYMENT_WAIT[Math.min(message.attempts, PAYMENT_WAIT.length) - 1];
          log.info("payment not finished", { order: orderId, status: intent.status, retryIn: delaySeconds });
          message.retry({ delaySeconds });
        } else {
          await sendConfirmation(env, order);
          log.info("confirmation sent", { order: orderId, to: order.email });
          message.ack();
        }
      } catch (error) {
        log.error("order not fulfilled, retrying", { order: orderId, reason: error.message });
        message.retry({ delaySeconds: 60 });
      }
    }
  },
};

async function sendConfirmation(env, order) {
  const amount = (cents) => `${(cents / 100).toFixed(2)} ${order.currency}`;
  const text = [
    `Thank you for your order ${order.id}.`,
    "",
    ...order.lines.map((line) => `${line.quantity} x ${line.name}: ${amount(line.price * line.quantity)}`),
    `Total: ${amount(order.total)}`,
  ].join("\n");
  const response = await fetch(`${env.MAIL_API}/emails`, {
    method: "POST",
    headers: { authorization: `Bearer ${env.MAIL_API_KEY}`, "content-type": "application/json", "idempotency-key": `order-confirmation/${order.id}` },
    body: JSON.stringify({ from: env.MAIL_FROM, to: [order.email], subject: `Your order ${order.id.slice(0, 8)}`, text }),
  });
  if (!response.ok) throw new Error(`the mail API answered ${response.status}`);
}
