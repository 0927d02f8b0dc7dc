// The events worker: consumes the events queue, runs on two schedules, writes what it saw to kv.
export default {
  async queue(batch, env) {
    for (const message of batch.messages) {
      const body = message.body;
      const tag = typeof body === "object" && body !== null ? body.tag : String(body);
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
      if (body?.action === "retry") message.retry(body.delaySeconds === undefined ? undefined : { delaySeconds: body.delaySeconds });
      else if (body?.action === "ack") message.ack();
      else if (body?.action === "throw") throw new Error(`message ${tag} asked to throw`);
    }
    if (batch.messages.some((m) => m.body?.action === "retry-all")) batch.retryAll();
  },

  async scheduled(controller, env, ctx) {
    ctx.waitUntil(env.SEEN.put(`cron:${controller.cron}`, JSON.stringify({ scheduledTime: controller.scheduledTime, type: controller.type })));
    let readError = null;
    try {
      await env.SEEN.get("anything");
    } catch (error) {
      readError = error.message;
    }
    await env.SEEN.put(`cron-read:${controller.cron}`, readError ?? "read worked");
  },
};
