// @ts-check
/**
 * The dev host's command line, run by `distlang dev`:
 *   node main.js <manifest.json> [--host 127.0.0.1] [--port 8787] [--cron] [--lifeline]
 * The manifest's folder (`<state>/.host/`) also gets `lock` (one host per state folder) and, once the
 * server listens, `ready.json` ({url, port, pid, ...}: how `distlang dev --trigger` finds the host).
 * SIGINT or SIGTERM stop it cleanly (exit 0); a second one stops it at once; with `--lifeline`, so does
 * the end of standard input (distlang dev holds the pipe: if it dies, the host stops). Exit 2 when the port is
 * taken or the state folder is in use, 1 when the app cannot start (a migration fails, ...).
 */
import { readFileSync, writeFileSync, rmSync, openSync, closeSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { startHost } from "./host.js";
import { banner } from "./banner.js";
import { prefixConsole, hostLine, running } from "./log.js";
import { describeError } from "../../core/errors.js";

/** @param {string[]} argv */
function parseArguments(argv) {
  const options = { manifest: "", host: "127.0.0.1", port: 8787, cron: false, lifeline: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--host") options.host = argv[++i];
    else if (arg === "--port") options.port = Number(argv[++i]);
    else if (arg === "--cron") options.cron = true;
    else if (arg === "--lifeline") options.lifeline = true;
    else if (!options.manifest) options.manifest = arg;
    else fail(2, `unexpected argument ${arg}`);
  }
  if (!options.manifest) fail(2, "usage: main.js <manifest.json> [--host H] [--port N] [--cron] [--lifeline]");
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) fail(2, `--port must be 0 to 65535`);
  return options;
}

/** @param {number} code @param {string} message @returns {never} */
function fail(code, message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

/** Takes the state folder's lock, or fails naming the host that holds it. @param {string} path */
function lock(path) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(path, "utf8"));
      if (alive(pid)) fail(2, `another distlang dev (pid ${pid}) uses this state folder (${dirname(dirname(path))}); stop it, or give this one --state`);
      rmSync(path, { force: true });
    }
  }
}

/** @param {number} pid */
function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const manifest = JSON.parse(readFileSync(options.manifest, "utf8"));
  const folder = dirname(options.manifest);
  const lockFile = join(folder, "lock");
  const readyFile = join(folder, "ready.json");
  lock(lockFile);
  const cleanUp = () => {
    rmSync(readyFile, { force: true });
    rmSync(lockFile, { force: true });
  };
  process.on("exit", cleanUp);

  prefixConsole();
  process.on("uncaughtException", (error) => report("uncaught exception", error));
  process.on("unhandledRejection", (error) => report("unhandled rejection", error));

  let host;
  try {
    host = await startHost(manifest, { host: options.host, port: options.port, cron: options.cron });
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === "EADDRINUSE") fail(2, `port ${options.port} on ${options.host} is in use; choose another with --port (0 picks a free one)`);
    if (code === "EADDRNOTAVAIL") fail(2, `cannot listen on ${options.host}: no such address on this machine`);
    if (code === "EACCES") fail(2, `not allowed to listen on ${options.host}:${options.port} (ports below 1024 need privileges)`);
    fail(1, `the app cannot start: ${error instanceof Error ? error.message : error}`);
  }
  writeFileSync(readyFile, `${JSON.stringify({ url: host.url, port: host.port, host: options.host, pid: process.pid, app: manifest.app, environment: manifest.environment })}\n`);
  hostLine(banner(manifest, host.url, { cron: options.cron }));
  if (!/^(127\.|::1$|localhost$)/.test(options.host)) {
    hostLine(`warning: listening on ${options.host}: other machines can reach the app and its /__distlang/ endpoints`);
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(130);
    stopping = true;
    hostLine("stopping...");
    await host.close();
    cleanUp();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  if (options.lifeline) {
    process.stdin.on("end", stop);
    process.stdin.on("error", stop);
    process.stdin.resume();
  }
}

/** @param {string} what @param {unknown} error */
function report(what, error) {
  const store = running.getStore();
  const who = store ? ` in function ${store.function}` : "";
  process.stderr.write(`${what}${who}: ${describeError(error)}\n`);
}

main().catch((error) => fail(1, describeError(error)));
