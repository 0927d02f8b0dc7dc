// The events worker: consumes the events queue, runs on two schedules, writes what it saw to kv.
import type { KVReadWrite, WorkerHandler } from "../distlang-env.js";

/** What a test message may ask of the worker; bodies are any JSON value. */
interface Instruction {
  tag?: string;
  action?: "retry" | "ack" | "throw" | "retry-all";
  delaySeconds?: number;
}

const instruction = (body: unknown): Instruction => (typeof body === "object" && body !== null ? (body as Instruction) : {});

const handler: WorkerHandler = {
  async queue(batch, env) {
    for (const message of batch.messages) {
      const body = message.body;
      const tag = typeof body === "object" && body !== null ? instruction(body).tag : String(body);
      await env.SEEN.put(
        `seen:${tag}`,
        JSON.stringify({
          queue: batch.queue,
          attempts: message.attempts,
          body,
          timestampIsDate: message.timestamp instanceof Date,
          idIsString: typeof message.id === "string" && message.id.length > 0,
        }),
      );
      const { action, delaySeconds } = instruction(body);
      if (action === "retry") message.retry(delaySeconds === undefined ? undefined : { delaySeconds });
      else if (action === "ack") message.ack();
      else if (action === "throw") throw new Error(`message ${tag} asked to throw`);
    }
    if (batch.messages.some((m) => instruction(m.body).action === "retry-all")) batch.retryAll();
  },

  async scheduled(controller, env, ctx) {
    ctx.waitUntil(env.SEEN.put(`cron:${controller.cron}`, JSON.stringify({ scheduledTime: controller.scheduledTime, type: controller.type })));
    let readError: string | null = null;
    try {
      // SEEN is write-only: its type has no get. Called through a cast to show the runtime refuses it too.
      await (env.SEEN as unknown as KVReadWrite).get("anything");
    } catch (error) {
      readError = (error as Error).message;
    }
    await env.SEEN.put(`cron-read:${controller.cron}`, readError ?? "read worked");
  },
};

export default handler;
