// @ts-check
/**
 * The dev adapter: every function of one environment in one local Node process (`distlang dev`).
 * `main.js` is its command line; `startHost(manifest, options)` the host itself. Node built-ins are
 * fine here: this adapter only ever runs on the developer's machine.
 */
export { startHost, CONTROL_PREFIX } from "./host.js";
export { FileKV } from "./kv-store.js";
export { FileBucket } from "./bucket-store.js";
export { FileQueue } from "./queue-store.js";
export { QueueDispatcher } from "./queues.js";
export { openDatabase, applyMigrations } from "./database.js";
export { parseCron, matches, nextRun, CronScheduler } from "./cron.js";
export { parseDevVars, readDevVars } from "./dev-vars.js";
