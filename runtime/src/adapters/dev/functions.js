// @ts-check
/**
 * One function of the app in the dev host: its module (loaded, and loaded again after an edit, by
 * modules.js), the core's dispatch for the chosen environment (routing, ctx, batch, controller: the
 * same code as deployed), and its env: vars from the spec, secrets from `.dev.vars` or the process
 * environment, handles on the host's stores limited by access (core buildEnv/limitHandle). Each call
 * runs as the function (log.js), so its console output is prefixed with its name.
 */
import { createApp, buildEnv } from "../../core/app.js";
import { ConfigError, describeError } from "../../core/errors.js";
import { asFunction } from "./log.js";

/**
 * @typedef {{name: string, source: string, vars: Record<string, string>, table: import("../../core/app.js").FunctionTable}} FunctionManifest
 * @typedef {{waitUntil(promise: Promise<unknown>): void}} Hooks
 */

export class DevFunction {
  /**
   * @param {{manifest: FunctionManifest, environment: string, loader: import("./modules.js").ModuleLoader,
   *   natives: Map<string, unknown>, secret: (name: string) => string | undefined, devVars?: string,
   *   hooks: Hooks, log: (line: string) => void}} options
   */
  constructor({ manifest, environment, loader, natives, secret, devVars, hooks, log }) {
    this.name = manifest.name;
    this.source = manifest.source;
    this.vars = manifest.vars;
    this.table = manifest.table;
    this.environment = environment;
    this.spec = manifest.table.environments[environment];
    this.loader = loader;
    this.natives = natives;
    this.secret = secret;
    this.devVars = devVars;
    this.hooks = hooks;
    this.log = log;
    this.version = 0;
    /** @type {any} the core's dispatch of the loaded module */
    this.dispatch = undefined;
    /** @type {unknown} why the last load failed */
    this.error = undefined;
  }

  /** The tag of the current load (hooks.js). */
  get tag() {
    return `${this.name}.${this.version}`;
  }

  /**
   * Loads the module afresh. On failure the previous version (if any) keeps serving. Returns whether
   * the new version loaded.
   */
  async load() {
    const previous = this.version > 0 ? this.tag : undefined;
    this.version += 1;
    const tag = this.tag;
    try {
      const module = await asFunction(this.name, () => this.loader.load(this.source, tag));
      const app = createApp(module, this.table, { platform: "dev" });
      this.dispatch = app.environment(app.chooseEnvironment(this.environment));
      this.error = undefined;
      if (previous) this.loader.forget(previous);
      return true;
    } catch (error) {
      this.error = error;
      const kept = this.dispatch ? "; still serving the previous version" : "";
      this.log(`${this.name}: ${previous ? "reload" : "load"} failed${kept}: ${describeError(error)}`);
      return false;
    }
  }

  /** The secrets the function declares that have no value. */
  missingSecrets() {
    return (this.spec.secrets ?? []).map((s) => s.name).filter((name) => this.secret(name) === undefined);
  }

  /** The user's env for one call. Throws a ConfigError naming missing secrets and where to set them. */
  env() {
    const missing = this.missingSecrets();
    if (missing.length > 0) {
      const where = this.devVars ? `${this.devVars} (NAME=value)` : "a .dev.vars file next to the spec";
      throw new ConfigError(
        `function ${this.name}: ${missing.length === 1 ? "secret" : "secrets"} ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set; ` +
          `add ${missing.length === 1 ? "it" : "them"} to ${where} or to the environment of distlang dev`,
      );
    }
    return buildEnv(this.spec, this.name, {
      var: (name) => this.vars[name],
      secret: (secret) => this.secret(secret.name),
      handle: (binding) => this.natives.get(binding.resource),
    });
  }

  /** Why the function cannot run now, or undefined. */
  notReady() {
    if (!this.dispatch) return `its module did not load: ${this.error instanceof Error ? this.error.message : String(this.error)}`;
    return undefined;
  }

  /** @param {Request} request @returns {Promise<Response>} */
  fetch(request) {
    return asFunction(this.name, async () => {
      const why = this.notReady();
      if (why) {
        console.error(`function ${this.name} cannot run: ${why}`);
        return new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
      }
      let env;
      try {
        env = this.env();
      } catch (error) {
        console.error(error instanceof ConfigError ? error.message : describeError(error));
        return new Response("Internal Server Error", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
      }
      return this.dispatch.fetch(request, env, this.hooks);
    });
  }

  /**
   * A batch for the consumer: the core's outcome, or `{notReady}` when the function cannot run at all.
   * @param {import("../../core/batch.js").IncomingMessage[]} messages
   */
  queue(messages) {
    return asFunction(this.name, async () => {
      const why = this.notReady();
      if (why) return { notReady: why };
      let env;
      try {
        env = this.env();
      } catch (error) {
        return { notReady: error instanceof Error ? error.message : String(error) };
      }
      return this.dispatch.queue(messages, env, this.hooks);
    });
  }

  /**
   * A scheduled run: `{error?}` (the core logs a handler's error with its stack).
   * @param {string} cron @param {number} scheduledTime
   * @returns {Promise<{error?: unknown}>}
   */
  scheduled(cron, scheduledTime) {
    return asFunction(this.name, async () => {
      const why = this.notReady();
      if (why) return { error: new Error(`function ${this.name} cannot run: ${why}`) };
      try {
        return await this.dispatch.scheduled({ trigger: cron, scheduledTime }, this.env(), this.hooks);
      } catch (error) {
        console.error(error instanceof ConfigError ? error.message : describeError(error));
        return { error };
      }
    });
  }
}
