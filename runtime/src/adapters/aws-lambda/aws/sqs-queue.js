// @ts-check
/**
 * queue producer (Cloudflare Queues' send API) on one SQS queue, SQS JSON protocol.
 * Bodies are JSON values: each is sent as MessageBody = JSON.stringify(body), so a string stays
 * a string when the consumer parses it back. sendBatch sends SendMessageBatch requests of at
 * most 10 entries (SQS's limit), in parallel; entries SQS refuses make one error naming them
 * (entries of other requests may have been sent). No access or limit checks here: the core does those.
 */

const MAX_BATCH = 10;

/** @typedef {{ body: unknown, delaySeconds?: number }} QueueMessage */

export class SQSQueue {
  /**
   * @param {{ client: import("./client.js").JsonClient, queueUrl: string }} options
   *   `client` is createClients(...).sqs
   */
  constructor({ client, queueUrl }) {
    this.client = client;
    this.queueUrl = queueUrl;
  }

  /**
   * @param {unknown} body any JSON value
   * @param {{ delaySeconds?: number }} [options]
   */
  async send(body, options = {}) {
    /** @type {Record<string, unknown>} */
    const input = { QueueUrl: this.queueUrl, MessageBody: encodeBody(body, "send") };
    if (options.delaySeconds !== undefined) input.DelaySeconds = options.delaySeconds;
    await this.client.call("SendMessage", input);
  }

  /**
   * @param {Iterable<QueueMessage>} messages
   * @param {{ delaySeconds?: number }} [options] default delay for messages without their own
   */
  async sendBatch(messages, options = {}) {
    const entries = [...messages].map((message, index) => {
      if (typeof message !== "object" || message === null) {
        throw new TypeError(`queue sendBatch: message ${index} is not an object like { body, delaySeconds? }`);
      }
      /** @type {Record<string, unknown>} */
      const entry = { Id: String(index), MessageBody: encodeBody(message.body, `sendBatch message ${index}`) };
      const delay = message.delaySeconds ?? options.delaySeconds;
      if (delay !== undefined) entry.DelaySeconds = delay;
      return entry;
    });
    /** @type {Array<Array<Record<string, unknown>>>} */
    const chunks = [];
    for (let i = 0; i < entries.length; i += MAX_BATCH) chunks.push(entries.slice(i, i + MAX_BATCH));
    const results = await Promise.allSettled(
      chunks.map((chunk) => this.client.call("SendMessageBatch", { QueueUrl: this.queueUrl, Entries: chunk })),
    );
    /** @type {Array<{ index: number, code: string, message: string }>} */
    const failed = [];
    /** @type {unknown[]} */
    const errors = [];
    results.forEach((result, chunkIndex) => {
      if (result.status === "rejected") {
        errors.push(result.reason);
        const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
        for (const entry of chunks[chunkIndex]) failed.push({ index: Number(entry.Id), code: "RequestFailed", message: reason });
        return;
      }
      for (const f of result.value.Failed ?? []) {
        failed.push({ index: Number(f.Id), code: String(f.Code ?? "Error"), message: String(f.Message ?? "") });
      }
    });
    if (!failed.length) return;
    failed.sort((a, b) => a.index - b.index);
    const shown = failed
      .slice(0, 10)
      .map((f) => `#${f.index} ${f.code}${f.message ? `: ${f.message}` : ""}`)
      .join("; ");
    const more = failed.length > 10 ? `; and ${failed.length - 10} more` : "";
    const error = new Error(
      `SQS SendMessageBatch on queue ${this.queueUrl}: ${failed.length} of ${entries.length} messages were not sent: ${shown}${more}`,
      errors.length ? { cause: errors[0] } : undefined,
    );
    throw Object.assign(error, { failed });
  }

  /**
   * For the consumer side: hides a received message for `seconds` more (a retry with delay).
   * @param {string} receiptHandle
   * @param {number} seconds
   */
  async changeVisibility(receiptHandle, seconds) {
    await this.client.call("ChangeMessageVisibility", {
      QueueUrl: this.queueUrl,
      ReceiptHandle: receiptHandle,
      VisibilityTimeout: seconds,
    });
  }
}

/**
 * @param {unknown} body
 * @param {string} where
 */
function encodeBody(body, where) {
  let text;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    throw new TypeError(`queue ${where}: the body is not JSON-serialisable (${/** @type {Error} */ (error).message})`);
  }
  if (text === undefined) throw new TypeError(`queue ${where}: the body is not a JSON value (got ${typeof body})`);
  return text;
}
