// The links API: kv (links, audit), bucket (files), queue (events), a var and a secret.
import type { ApiHandler, KVReadWrite } from "../distlang-env.js";
import { json, errorReport } from "./lib/respond.js";

const handler: ApiHandler = {
  async fetch(request, env, ctx) {
    const { key, params } = ctx.route;
    const url = new URL(request.url);
    switch (key) {
      case "GET /links": {
        const limit = Number(url.searchParams.get("limit") ?? "1000");
        const prefix = url.searchParams.get("prefix") ?? undefined;
        const names: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await env.LINKS.list({ prefix, limit, cursor });
          names.push(...page.keys.map((k) => k.name));
          cursor = page.list_complete ? undefined : page.cursor;
          pages++;
        } while (cursor);
        return json({ names, pages });
      }
      case "PUT /links/{code}": {
        const ttl = url.searchParams.get("ttl");
        await env.LINKS.put(params.code, await request.text(), {
          metadata: { by: request.headers.get("x-user") },
          ...(ttl ? { expirationTtl: Number(ttl) } : {}),
        });
        return new Response(null, { status: 204 });
      }
      case "GET /links/{code}": {
        const { value, metadata } = await env.LINKS.getWithMetadata<{ by: string | null }>(params.code);
        if (value === null) return json({ error: `no link ${params.code}` }, 404);
        return json({ code: params.code, target: value, metadata });
      }
      case "DELETE /links/{code}":
        await env.LINKS.delete(params.code);
        return new Response(null, { status: 204 });
      case "PUT /files/*": {
        const object = await env.FILES.put(params["*"], await request.arrayBuffer(), {
          httpMetadata: { contentType: request.headers.get("content-type") ?? "application/octet-stream" },
          customMetadata: { owner: request.headers.get("x-user") ?? "nobody" },
        });
        return json({ key: object.key, size: object.size }, 201);
      }
      case "GET /files/*": {
        const object = await env.FILES.get(params["*"]);
        if (object === null) return json({ error: "no such file" }, 404);
        return new Response(await object.arrayBuffer(), {
          headers: {
            "content-type": object.httpMetadata.contentType ?? "application/octet-stream",
            "x-owner": object.customMetadata.owner,
            "x-size": String(object.size),
          },
        });
      }
      case "POST /events": {
        const body: unknown = await request.json();
        if (Array.isArray(body)) await env.EVENTS.sendBatch(body.map((b: unknown) => ({ body: b })));
        else await env.EVENTS.send(body);
        return new Response(null, { status: 202 });
      }
      case "GET /whoami":
        return json({
          greeting: env.GREETING,
          token: env.API_TOKEN,
          keys: Object.keys(env).sort(),
          types: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, typeof v])),
          has: { put: "put" in env.AUDIT, get: "get" in env.AUDIT, sendBatch: "sendBatch" in env.EVENTS, seen: "SEEN" in env },
        });
      case "GET /audit/{op}": {
        // AUDIT is read-only: its type has no put or delete. This route calls them anyway (through a
        // cast) to show that the runtime refuses them too, with the same error on every platform.
        const audit = env.AUDIT as unknown as KVReadWrite;
        try {
          if (params.op === "put") await audit.put("k", "v");
          else if (params.op === "delete") await audit.delete("k");
          else return json({ value: await env.AUDIT.get("k") });
          return json({ error: "no error" }, 500);
        } catch (error) {
          return json(errorReport(error), 403);
        }
      }
      case "POST /limits/{what}": {
        try {
          if (params.what === "key") await env.LINKS.put("k".repeat(513), "v");
          else if (params.what === "value") await env.LINKS.put("big", new Uint8Array(384 * 1024 + 1));
          else if (params.what === "message") await env.EVENTS.send("x".repeat(128_000));
          else if (params.what === "batch") await env.EVENTS.sendBatch(Array.from({ length: 101 }, (_, i) => ({ body: i })));
          else if (params.what === "delay") await env.EVENTS.send("late", { delaySeconds: 901 });
          else if (params.what === "list") await env.LINKS.list({ limit: 1001 });
          else if (params.what === "body") await env.EVENTS.send({ when: new Date(0) });
          return json({ error: "no error" }, 500);
        } catch (error) {
          return json(errorReport(error), 413);
        }
      }
      case "POST /later":
        ctx.waitUntil(
          (async () => {
            await new Promise((resolve) => setTimeout(resolve, 50));
            await env.LINKS.put("later", "done after the response");
          })(),
        );
        return new Response(null, { status: 202 });
      case "GET /boom":
        throw new Error("boom");
      case "GET /cookies": {
        const headers = new Headers({ "content-type": "text/plain" });
        headers.append("set-cookie", "a=1; Path=/");
        headers.append("set-cookie", "b=2; Path=/; HttpOnly");
        headers.append("x-many", "one");
        headers.append("x-many", "two");
        return new Response(`cookie: ${request.headers.get("cookie")}`, { headers });
      }
      case "GET /bytes":
        return new Response(new Uint8Array([0, 1, 2, 253, 254, 255]), { headers: { "content-type": "application/octet-stream" } });
      default:
        return json({ error: `unhandled ${key}` }, 500);
    }
  },
};

export default handler;
