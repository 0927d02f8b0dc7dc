// @ts-check
/**
 * The dev host's output: one line per invocation (time, function, trigger, what, status, duration),
 * and every `console` line a function writes prefixed with its name. The function running is tracked
 * with AsyncLocalStorage, so output from awaited work, timers and `ctx.waitUntil` is attributed too.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { format } from "node:util";

/** @type {AsyncLocalStorage<{function: string}>} */
export const running = new AsyncLocalStorage();

const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
/** @param {string} code @param {string} text */
const paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Runs `body` as function `name` (its console output is prefixed). @template T @param {string} name @param {() => T} body */
export function asFunction(name, body) {
  return running.run({ function: name }, body);
}

/** Prefixes each line of console output with the running function's name. Installed once. */
export function prefixConsole() {
  /** @param {(...args: unknown[]) => void} write @param {NodeJS.WriteStream} stream */
  const wrap = (write, stream) =>
    function (/** @type {unknown[]} */ ...args) {
      const store = running.getStore();
      if (!store) return write.apply(console, args);
      const prefix = paint("36", `[${store.function}]`);
      stream.write(`${format(...args).split("\n").map((line) => `${prefix} ${line}`).join("\n")}\n`);
    };
  console.log = wrap(console.log, process.stdout);
  console.info = wrap(console.info, process.stdout);
  console.debug = wrap(console.debug, process.stdout);
  console.warn = wrap(console.warn, process.stderr);
  console.error = wrap(console.error, process.stderr);
}

/** HH:MM:SS.mmm in local time. @param {Date} date */
export function clock(date) {
  const two = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/**
 * One invocation's line: `12:03:04.417 api http GET /notes/1 200 4ms` (the function's name padded to
 * `width`, so the columns line up).
 * @param {{start: Date, function: string, trigger: string, what: string, status: string | number, ms: number}} entry
 * @param {number} [width]
 */
export function invocationLine(entry, width = 0) {
  const status = String(entry.status);
  const failed = status === "error" || /^5/.test(status);
  const shown = paint(failed ? "31" : /^4/.test(status) ? "33" : "32", status);
  return `${paint("2", clock(entry.start))} ${entry.function.padEnd(width)} ${entry.trigger} ${entry.what} ${shown} ${Math.round(entry.ms)}ms`;
}

/** Writes a line of the host's own (not a function's). @param {string} line */
export function hostLine(line) {
  process.stdout.write(`${line}\n`);
}
