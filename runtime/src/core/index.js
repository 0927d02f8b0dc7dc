// @ts-check
/** The platform-neutral core of the portable runtime (Web APIs only). */
export { createApp, buildEnv, collectWaitUntil, ENVIRONMENT_VARIABLE } from "./app.js";
export { compileRoutes, matchRoute, createRouter, allowedMethods } from "./router.js";
export { limitHandle, allowedMethods as accessMethods, METHODS } from "./access.js";
export { LIMITS, checkCall, encodeQueueMessage } from "./limits.js";
export { createBatch } from "./batch.js";
export * from "./encoding.js";
export * from "./errors.js";
export { isReadOnlySql } from "./sql.js";
