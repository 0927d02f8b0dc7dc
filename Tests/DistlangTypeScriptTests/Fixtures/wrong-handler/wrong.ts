// Handlers of examples/links-ts that are wrong in the ways its declarations must catch. Each
// `// error TSnnnn: message` comment names the error tsc must report on the line below it, and tsc
// must report nothing else (TypeCheckTests).
import type { ApiHandler, WorkerHandler } from "./distlang-env.js";

export const api: ApiHandler = {
  async fetch(request, env, ctx) {
    const { key, params } = ctx.route;
    switch (key) {
      // error TS2678: Type '"GET /link/{code}"' is not comparable to type '"GET /links" | "GET /links/{code}" | "PUT /links/{code}" | "DELETE /links/{code}" | "PUT /files/*" | "GET /files/*" | "POST /events" | "GET /whoami" | "GET /audit/{op}" | "POST /limits/{what}" | "POST /later" | "GET /boom" | "GET /cookies" | "GET /bytes"'.
      case "GET /link/{code}":
        return new Response("a route the spec does not have");
      case "GET /links":
        // error TS2339: Property 'code' does not exist on type '{}'.
        return new Response(params.code);
      case "GET /links/{code}":
        // error TS2339: Property 'id' does not exist on type '{ readonly code: string; }'.
        return new Response(params.id);
      case "GET /files/*":
        // error TS2339: Property 'path' does not exist on type '{ readonly "*": string; }'.
        return new Response(params.path);
      case "GET /audit/{op}":
        // error TS2339: Property 'put' does not exist on type 'KVRead'.
        await env.AUDIT.put(params.op, "v");
        // error TS2339: Property 'delete' does not exist on type 'KVRead'.
        await env.AUDIT.delete(params.op);
        return new Response(null, { status: 204 });
      case "PUT /links/{code}":
        // error TS2551: Property 'LINK' does not exist on type 'ApiEnv'. Did you mean 'LINKS'?
        await env.LINK.put(params.code, "v");
        // error TS2339: Property 'SEEN' does not exist on type 'ApiEnv'.
        await env.SEEN.put(params.code, "v");
        return new Response(null, { status: 204 });
      case "POST /events":
        // error TS2339: Property 'put' does not exist on type 'QueueSend<unknown>'.
        await env.EVENTS.put("x");
        // error TS2345: Argument of type 'string' is not assignable to parameter of type 'readonly QueueSendRequest<unknown>[]'.
        await env.EVENTS.sendBatch("x");
        return new Response(null, { status: 202 });
      default:
        return new Response(null);
    }
  },
};

export const worker: WorkerHandler = {
  async queue(batch, env) {
    // error TS2339: Property 'get' does not exist on type 'KVWrite'.
    await env.SEEN.get("k");
    // error TS2367: This condition will always return 'false' since the types '"events"' and '"jobs"' have no overlap.
    if (batch.queue === "jobs") batch.ackAll();
  },
  async scheduled(controller) {
    // error TS2367: This condition will always return 'false' since the types '"0 3 * * 1" | "*/15 * * * *"' and '"0 3 * * *"' have no overlap.
    if (controller.cron === "0 3 * * *") controller.noRetry();
  },
};

// error TS2741: Property 'fetch' is missing in type '{}' but required in type 'ApiHandler'.
export const noFetch: ApiHandler = {};

export const extra: WorkerHandler = {
  async queue() {},
  async scheduled() {},
  // error TS2322: Type '{ queue(): Promise<void>; scheduled(): Promise<void>; fetch(): Response; }' is not assignable to type 'WorkerHandler<unknown>'.
  fetch() {
    return new Response(null);
  },
};
