// @ts-check
/**
 * Dispatch, the same on every platform: picks the environment of the function table, checks the user's
 * module has what the function's triggers need, routes requests (404, 405 with Allow, ctx.route),
 * builds the portable batch and controller, and collects ctx.waitUntil. Adapters turn platform events
 * into these calls and the results back.
 */
import { ConfigError, describeError } from "./errors.js";
import { createRouter } from "./router.js";
import { createBatch } from "./batch.js";
import { limitHandle } from "./access.js";

/**
 * @typedef {{name: string, variable?: string}} SecretSpec
 * @typedef {{name: string, resource: string, kind: string, access: string, variable?: string}} BindingSpec
 * @typedef {{cron: string, trigger: string}} ScheduleSpec
 * @typedef {{
 *   vars?: string[], secrets?: SecretSpec[], bindings?: BindingSpec[], routes?: string[],
 *   fallbackRoutes?: string[], consumes?: {queue: string}, schedules?: ScheduleSpec[]
 * }} EnvironmentSpec
 * @typedef {{format: number, app: string, function: string, environments: Record<string, EnvironmentSpec>}} FunctionTable
 * @typedef {{waitUntil(promise: Promise<unknown>): void}} Hooks how an adapter keeps work alive after a response
 */

/** @param {string} status @param {number} code @param {Record<string, string>} [headers] */
function plainResponse(status, code, headers = {}) {
  return new Response(status, { status: code, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });
}

/**
 * The variable that picks the environment. It never reaches the user's env.
 */
export const ENVIRONMENT_VARIABLE = "DISTLANG_ENV";

/**
 * @param {Record<string, unknown>} userModule the user's module namespace (`import * as userModule`)
 * @param {FunctionTable} table the function table the build wrote into the entry
 * @param {{platform?: string}} [options]
 */
export function createApp(userModule, table, options = {}) {
  checkTable(table);
  const functionName = table.function;
  const handlers = /** @type {any} */ (userModule)?.default;
  if (handlers === null || (typeof handlers !== "object" && typeof handlers !== "function")) {
    throw new ConfigError(
      `function ${functionName}: its module has no default export; write ` +
        "`export default { async fetch(request, env, ctx) { ... } }` (see docs/runtime.md)",
    );
  }
  /** @type {Map<string, ReturnType<typeof environmentApp>>} */
  const cache = new Map();
  return {
    functionName,
    table,
    platform: options.platform ?? "unknown",
    /**
     * The environment named by DISTLANG_ENV, or the only one.
     * @param {unknown} requested
     */
    chooseEnvironment(requested) {
      const names = Object.keys(table.environments);
      if (typeof requested === "string" && requested !== "") {
        if (names.includes(requested)) return requested;
        throw new ConfigError(`function ${functionName}: ${ENVIRONMENT_VARIABLE} is ${JSON.stringify(requested)}, but the function exists only in ${names.join(", ")}`);
      }
      if (names.length === 1) return names[0];
      throw new ConfigError(`function ${functionName}: set ${ENVIRONMENT_VARIABLE} to one of ${names.join(", ")}`);
    },
    /** @param {string} name */
    environment(name) {
      let app = cache.get(name);
      if (!app) {
        app = environmentApp(functionName, name, table.environments[name], handlers);
        cache.set(name, app);
      }
      return app;
    },
  };
}

/** @param {FunctionTable} table */
function checkTable(table) {
  if (!table || typeof table !== "object" || typeof table.function !== "string" || !table.environments || typeof table.environments !== "object") {
    throw new ConfigError("the function table is malformed: it needs `function` and `environments` (see runtime/DESIGN.md)");
  }
  if (table.format !== 1) throw new ConfigError(`function ${table.function}: function table format ${table.format} is not supported (this runtime reads format 1)`);
  if (Object.keys(table.environments).length === 0) throw new ConfigError(`function ${table.function}: the function table has no environments`);
}

/**
 * Dispatch for one environment of the function.
 * @param {string} functionName @param {string} environment @param {EnvironmentSpec} spec @param {any} handlers
 */
function environmentApp(functionName, environment, spec, handlers) {
  const who = `function ${functionName}`;
  const routes = spec.routes ?? [];
  const schedules = spec.schedules ?? [];
  const needs = [
    routes.length > 0 && ["fetch", "http routes"],
    spec.consumes && ["queue", `queue ${spec.consumes.queue}`],
    schedules.length > 0 && ["scheduled", "schedule"],
  ].filter(Boolean);
  const missing = /** @type {string[][]} */ (needs).filter(([method]) => typeof handlers[method] !== "function");
  if (missing.length > 0) {
    throw new ConfigError(
      `${who} (environment ${environment}): the module's default export has no ` +
        missing.map(([method, why]) => `${method} method (needed by its ${why})`).join(" and no "),
    );
  }
  const router = createRouter(routes, spec.fallbackRoutes ?? []);

  /** @param {string} method */
  const requireMethod = (method) => {
    if (typeof handlers[method] !== "function") {
      throw new ConfigError(`${who}: the module's default export has no ${method} method, and a ${method} event arrived`);
    }
  };

  return {
    name: environment,
    spec,
    functionName,

    /**
     * A request in, a Response out, always: routing answers 404 and 405; a handler that throws or
     * returns something else answers 500 (logged).
     * @param {Request} request @param {Record<string, unknown>} env @param {Hooks} hooks
     * @returns {Promise<Response>}
     */
    async fetch(request, env, hooks) {
      try {
        requireMethod("fetch");
        const url = new URL(request.url);
        const found = router.match(request.method, url.pathname);
        if (found.kind === "none") return plainResponse("Not Found", 404);
        if (found.kind === "method") return plainResponse("Method Not Allowed", 405, { allow: found.allow.join(", ") });
        const ctx = userContext(hooks, { route: Object.freeze({ key: found.key, params: Object.freeze(found.params) }) });
        const response = await handlers.fetch(request, env, ctx);
        if (!isResponse(response)) {
          throw new TypeError(`${who}: fetch returned ${response === undefined ? "nothing" : typeof response}, not a Response`);
        }
        return response;
      } catch (error) {
        console.error(`${who}: fetch failed: ${describeError(error)}`);
        return plainResponse("Internal Server Error", 500);
      }
    },

    /**
     * A batch of messages in, what to do with each out. A handler that throws is logged and its error
     * returned with the outcome (the adapter decides what the platform sees).
     * @param {import("./batch.js").IncomingMessage[]} messages @param {Record<string, unknown>} env @param {Hooks} hooks
     * @returns {Promise<import("./batch.js").BatchOutcome & {error?: unknown}>}
     */
    async queue(messages, env, hooks) {
      requireMethod("queue");
      if (!spec.consumes) throw new ConfigError(`${who} consumes no queue, yet a queue batch arrived`);
      const { batch, outcome } = createBatch({ queue: spec.consumes.queue, messages });
      try {
        await handlers.queue(batch, env, userContext(hooks));
        return outcome(false);
      } catch (error) {
        console.error(`${who}: queue failed: ${describeError(error)}`);
        return { ...outcome(true), error };
      }
    },

    /**
     * A scheduled event in (`trigger` is what the platform reports: a cron on Workers, a rule name on
     * AWS). Returns the error, if the handler threw, and whether it asked for no retry.
     * @param {{trigger: string, scheduledTime: number, noRetry?: () => void}} event
     * @param {Record<string, unknown>} env @param {Hooks} hooks
     * @returns {Promise<{error?: unknown, noRetry: boolean}>}
     */
    async scheduled(event, env, hooks) {
      requireMethod("scheduled");
      const cron = cronFor(event.trigger);
      let noRetry = false;
      const controller = Object.freeze({
        cron,
        scheduledTime: event.scheduledTime,
        type: "scheduled",
        noRetry() {
          noRetry = true;
          event.noRetry?.();
        },
      });
      try {
        await handlers.scheduled(controller, env, userContext(hooks));
        return { noRetry };
      } catch (error) {
        console.error(`${who}: scheduled (${cron}) failed: ${describeError(error)}`);
        return { error, noRetry };
      }
    },
  };

  /**
   * The spec's cron for what the platform sent. A trigger no schedule lists (a hand-made test event)
   * is taken as the function's only schedule when it has one.
   * @param {string} trigger
   */
  function cronFor(trigger) {
    const found = schedules.find((s) => s.trigger === trigger);
    if (found) return found.cron;
    if (schedules.length === 1) return schedules[0].cron;
    throw new ConfigError(
      `${who}: a scheduled event came from ${JSON.stringify(trigger)}, which none of its schedules (${schedules.map((s) => s.cron).join(", ") || "none"}) uses`,
    );
  }
}

/** @param {unknown} value */
function isResponse(value) {
  return value instanceof Response || (value !== null && typeof value === "object" && typeof (/** @type {any} */ (value).status) === "number" && "headers" in value && "body" in value);
}

/**
 * The ctx the user's handler gets: waitUntil, and route for fetch.
 * @param {Hooks} hooks @param {Record<string, unknown>} [extra]
 */
function userContext(hooks, extra = {}) {
  return Object.freeze({
    /** @param {unknown} promise */
    waitUntil(promise) {
      hooks.waitUntil(Promise.resolve(promise).catch((error) => console.error(`ctx.waitUntil: a promise failed: ${describeError(error)}`)));
    },
    ...extra,
  });
}

/**
 * waitUntil for platforms that stop when the handler returns (Lambda): collects the promises, and
 * settle() waits for all of them, including those added while waiting.
 */
export function collectWaitUntil() {
  /** @type {Promise<unknown>[]} */
  const pending = [];
  return {
    /** @type {Hooks} */
    hooks: { waitUntil: (promise) => void pending.push(promise) },
    async settle() {
      while (pending.length > 0) await Promise.allSettled(pending.splice(0));
    },
  };
}

/**
 * The user's env for one environment: each var and secret as a string, each binding's handle limited
 * to its access. Reports every missing var and secret at once.
 * @param {EnvironmentSpec} spec @param {string} functionName
 * @param {{var(name: string): unknown, secret(secret: SecretSpec): unknown, handle(binding: BindingSpec): unknown}} sources
 */
export function buildEnv(spec, functionName, sources) {
  /** @type {Record<string, unknown>} */
  const env = {};
  const missing = [];
  for (const name of spec.vars ?? []) {
    const value = sources.var(name);
    if (value === undefined || value === null) missing.push(`variable ${name}`);
    else env[name] = String(value);
  }
  for (const secret of spec.secrets ?? []) {
    const value = sources.secret(secret);
    if (value === undefined || value === null) missing.push(`secret ${secret.name}`);
    else env[secret.name] = String(value);
  }
  if (missing.length > 0) throw new ConfigError(`function ${functionName}: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set`);
  for (const binding of spec.bindings ?? []) {
    const native = sources.handle(binding);
    if (native === undefined || native === null) {
      throw new ConfigError(`function ${functionName}: the ${binding.kind} ${binding.resource} (env.${binding.name}) is not bound`);
    }
    env[binding.name] = limitHandle(binding.kind, binding.access, native, { binding: binding.name, resource: binding.resource, function: functionName });
  }
  return env;
}
