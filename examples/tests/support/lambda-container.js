// @ts-check
/**
 * A Lambda "container" for the tests: one Node process running lambda-host.mjs in the function's
 * code root, with the environment Lambda would give it. `invoke(event)` sends one event and resolves
 * to the handler's result or the error it threw; `log()` is everything the function wrote.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A Lambda container: one Node process running lambda-host.mjs.
 * @param {string} name @param {string} root @param {string} handler @param {Record<string, string>} env
 */
export function startContainer(name, root, handler, env) {
  const child = spawn(process.execPath, [join(here, "lambda-host.mjs"), root, handler], { cwd: root, env, stdio: ["pipe", "pipe", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  /** @type {Map<number, (reply: any) => void>} */
  const waiting = new Map();
  let nextId = 0;
  let buffered = "";
  /** @type {(value: void) => void} */
  let markReady = () => {};
  /** @type {(error: Error) => void} */
  let failReady = () => {};
  const ready = new Promise((resolve, reject) => ((markReady = resolve), (failReady = reject)));
  const replies = /** @type {import("node:stream").Readable} */ (child.stdio[3]);
  replies.setEncoding("utf8");
  replies.on("data", (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const message = JSON.parse(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      if (message.ready) markReady();
      else waiting.get(message.id)?.(message);
    }
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.once("exit", (code) => {
    failReady(new Error(`the Lambda container of ${name} exited (${code}):\n${log}`));
    for (const resolve of waiting.values()) resolve({ error: { name: "Exit", message: `the container of ${name} exited (${code}):\n${log}` } });
  });
  return {
    ready,
    /** @param {unknown} event @returns {Promise<{result: any} | {error: {name: string, message: string}}>} */
    invoke(event) {
      const id = ++nextId;
      return new Promise((resolve) => {
        waiting.set(id, (reply) => {
          waiting.delete(id);
          resolve(reply);
        });
        child.stdin?.write(JSON.stringify({ id, event }) + "\n");
      });
    },
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}
