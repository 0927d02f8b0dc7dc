// @ts-check
/**
 * One interface over both platforms, so that an example's cases are written once and run against
 * the same build on AWS (support/aws.js) and on Cloudflare (support/cloudflare.js):
 *
 *   onBothPlatforms("http-api", { secrets }, (app) => { test("...", async () => { ... app() ... }) });
 *
 * A Platform plays what sits between a client and the functions (API Gateway or workers.dev, the
 * queue's consumer machinery, the scheduler) and reads and seeds the platform's stores directly,
 * never through the runtime.
 */
import { describe, before, after } from "node:test";
import { buildExample } from "./build.js";
import { startAws } from "./aws.js";
import { startCloudflare } from "./cloudflare.js";

/**
 * @typedef {object} StartOptions
 * @property {string} [environment] the spec's environment (default: "default")
 * @property {Record<string, string>} [secrets] secret values by the spec's names
 * @property {Record<string, string>} [variables] values replacing the build's for these variables
 *   (e.g. a third-party API's base URL pointed at a local server)
 */

/**
 * @typedef {object} StoredObject
 * @property {Buffer} bytes
 * @property {string} text
 * @property {string | undefined} contentType
 * @property {Record<string, string>} customMetadata
 */

/**
 * @typedef {object} Delivery one batch, as the consumer machinery delivered it
 * @property {{body: unknown, attempts: number}[]} received
 * @property {unknown[]} acked bodies deleted from the queue
 * @property {unknown[]} retried bodies that come back (or went to the dead-letter queue)
 * @property {boolean} threw the invocation failed
 */

/**
 * @typedef {object} Platform
 * @property {"aws" | "cloudflare"} platform
 * @property {string} label
 * @property {any} [deployment]
 * @property {(fn: string, method: string, target: string, init?: {headers?: Record<string, string>, body?: string | Uint8Array}) => Promise<Response>} fetch
 *   a request to function `fn` (path and query, percent-encoded)
 * @property {(queue: string) => Promise<Delivery>} deliver the next batch of a queue to its consumer
 * @property {(queue: string) => Promise<unknown[]>} deadLetters the bodies in the queue's dead-letter queue
 * @property {(queue: string, body: unknown) => Promise<void>} send a message from another producer
 * @property {(fn: string, cron: string, scheduledTime: number) => Promise<{failed: boolean, error?: string}>} schedule
 * @property {(name: string) => {get: (key: string) => Promise<string | null>, put: (key: string, value: string, options?: {metadata?: unknown}) => Promise<void>, putMany: (items: {key: string, value: string, metadata?: unknown}[]) => Promise<void>, keys: (prefix?: string) => Promise<string[]>}} kv
 * @property {(name: string) => {get: (key: string) => Promise<StoredObject | null>, put: (key: string, body: string | Uint8Array, options?: {contentType?: string, customMetadata?: Record<string, string>}) => Promise<void>, keys: (prefix?: string) => Promise<string[]>, fail: () => Promise<() => Promise<void>>}} bucket
 * @property {(name: string) => any} [database] (Cloudflare) the D1 double, for the test's own queries
 * @property {(fn: string) => string} logs what the function wrote to its console
 * @property {() => Promise<void>} close
 */

/** @type {Record<"aws" | "cloudflare", (build: import("./build.js").Build, options: StartOptions) => Promise<Platform>>} */
export const PLATFORMS = { aws: startAws, cloudflare: startCloudflare };

/**
 * Builds the example once and registers `cases` in one describe block per platform.
 * @param {string} example
 * @param {StartOptions & {platforms?: ("aws" | "cloudflare")[]}} options
 * @param {(app: () => Platform) => void} cases
 */
export function onBothPlatforms(example, options, cases) {
  /** @type {import("./build.js").Build | undefined} */
  let build;
  const built = () => (build ??= buildExample(example));
  after(() => build?.remove());
  for (const platform of options.platforms ?? ["aws", "cloudflare"]) {
    describe(`${example} on ${platform}`, () => {
      /** @type {Platform | undefined} */
      let app;
      before(async () => {
        app = await PLATFORMS[platform](built(), options);
      });
      after(() => app?.close());
      cases(() => {
        if (!app) throw new Error(`${platform} did not start`);
        return app;
      });
    });
  }
}
