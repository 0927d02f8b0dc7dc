// @ts-check
/**
 * The Cloudflare Workers adapter: the generated entry's default export. It picks the environment
 * (env.DISTLANG_ENV, else the only one), builds the portable env from the Worker's bindings, routes
 * requests, maps batches (batch.queue -> the spec's name, the outcome -> each message's ack()/retry())
 * and cron triggers (event.cron -> the spec's cron). Web APIs only: no Node built-ins.
 */
import { createApp, ENVIRONMENT_VARIABLE } from "../../core/app.js";
import { describeError } from "../../core/errors.js";
import { workerEnv } from "./bindings.js";

/**
 * @param {Record<string, unknown>} userModule the user's module namespace
 * @param {import("../../core/app.js").FunctionTable} table the function table (Cloudflare's)
 */
export function createWorker(userModule, table) {
  const app = createApp(userModule, table, { platform: "cloudflare" });
  /** @type {WeakMap<object, {environment: any, env: Record<string, unknown>}>} */
  const prepared = new WeakMap();

  /** @param {Record<string, any>} nativeEnv */
  function prepare(nativeEnv) {
    let found = prepared.get(nativeEnv);
    if (!found) {
      const environment = app.environment(app.chooseEnvironment(nativeEnv[ENVIRONMENT_VARIABLE]));
      found = { environment, env: workerEnv(environment.spec, app.functionName, nativeEnv) };
      prepared.set(nativeEnv, found);
    }
    return found;
  }

  /** @param {any} nativeCtx */
  const hooksFor = (nativeCtx) => ({ waitUntil: (/** @type {Promise<unknown>} */ p) => nativeCtx.waitUntil(p) });

  return {
    /** @param {Request} request @param {Record<string, any>} nativeEnv @param {any} nativeCtx */
    async fetch(request, nativeEnv, nativeCtx) {
      let ready;
      try {
        ready = prepare(nativeEnv);
      } catch (error) {
        console.error(describeError(error));
        return new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
      }
      return ready.environment.fetch(request, ready.env, hooksFor(nativeCtx));
    },

    /** @param {any} nativeBatch @param {Record<string, any>} nativeEnv @param {any} nativeCtx */
    async queue(nativeBatch, nativeEnv, nativeCtx) {
      const { environment, env } = prepare(nativeEnv);
      const natives = [...nativeBatch.messages];
      const messages = natives.map((m) => ({ id: m.id, timestamp: m.timestamp, attempts: m.attempts, body: m.body }));
      const outcome = await environment.queue(messages, env, hooksFor(nativeCtx));
      for (const { index } of outcome.acked) natives[index].ack();
      for (const { index, delaySeconds } of outcome.retried) {
        natives[index].retry(delaySeconds === undefined ? undefined : { delaySeconds });
      }
      // Every message has its explicit ack or retry, so rethrowing only marks the invocation failed.
      if ("error" in outcome) throw outcome.error;
    },

    /** @param {any} controller @param {Record<string, any>} nativeEnv @param {any} nativeCtx */
    async scheduled(controller, nativeEnv, nativeCtx) {
      const { environment, env } = prepare(nativeEnv);
      const result = await environment.scheduled(
        { trigger: controller.cron, scheduledTime: controller.scheduledTime, noRetry: () => controller.noRetry?.() },
        env,
        hooksFor(nativeCtx),
      );
      if ("error" in result) throw result.error;
    },
  };
}
