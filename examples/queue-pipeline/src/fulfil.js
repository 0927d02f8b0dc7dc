// Fulfils a batch of orders and writes a receipt for each. Failed messages are retried four times,
// then land in the dead-letter queue `jobs-dlq`.
export default {
  async queue(batch, env) {
    for (const message of batch.messages) {
      await env.RECEIPTS.put(`receipts/${message.id}.json`, JSON.stringify(message.body));
      message.ack();
    }
  },
};

export async function handler(event) {
  return { batchItemFailures: [] };
}
