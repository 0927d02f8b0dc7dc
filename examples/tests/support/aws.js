// @ts-check
/**
 * AWS for a built example, with nothing of AWS mocked: a real moto_server, the generated
 * CloudFormation template deployed into it (deploy_aws.py), and each Lambda function run from its
 * code zip in a process of its own with the environment the template gives it (lambda-host.mjs).
 * The parts of AWS that sit between a client and a function are played here, from the template:
 * API Gateway's HTTP API (route keys -> function, payload 2.0 events), the SQS event source mapping
 * (receive a batch, invoke, delete what did not fail, ReportBatchItemFailures) and EventBridge
 * (a Scheduled Event naming the rule). Effects are read back through boto3, never through the
 * runtime's own clients.
 */
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMoto } from "../../../runtime/test/support/moto.js";
import { httpEventFor, sqsEvent, scheduledEvent } from "../../../runtime/test/support/aws-events.js";
import { responseOf } from "../../../runtime/test/support/aws-driver.js";
import { byteOrder, eventBridgeExpression } from "./platform-rules.js";
import { startContainer } from "./lambda-container.js";
import { RECEIVE, SETTLE, PEEK, KV_GET, KV_PUT, KV_KEYS, S3_GET, S3_PUT, S3_KEYS, S3_DOWN, S3_UP } from "./boto-snippets.js";

const here = dirname(fileURLToPath(import.meta.url));
const DEPLOY = readFileSync(join(here, "deploy_aws.py"), "utf8");

/**
 * @param {import("./build.js").Build} build
 * @param {import("./platform.js").StartOptions} options
 * @returns {Promise<import("./platform.js").Platform>}
 */
export async function startAws(build, options) {
  const environment = options.environment ?? "default";
  const model = build.environment(environment);
  const moto = await startMoto();
  const unpackTo = mkdtempSync(join(tmpdir(), "distlang-lambda-"));
  /** @type {Map<string, ReturnType<typeof startContainer>>} */
  const containers = new Map();
  const close = async () => {
    await Promise.all([...containers.values()].map((c) => c.stop()));
    await moto.stop();
    rmSync(unpackTo, { recursive: true, force: true });
  };
  try {
    const deployment = await moto.boto(DEPLOY, {
      template: join(build.out, "aws/cloudformation", `${environment}.yaml`),
      stack: `${model.app}-${environment}`,
      secrets: options.secrets ?? {},
      unpackTo,
    });
    /** @param {string} name the spec's function name */
    const physicalFunction = (name) => {
      const fn = model.functions.find((f) => f.name === name);
      if (!fn?.physical.aws) throw new Error(`${build.example} has no function ${name} on AWS in ${environment}`);
      return fn.physical.aws;
    };
    /** @param {string} name @param {"kv" | "bucket" | "queue"} type */
    const resource = (name, type) => {
      const found = model.resources.find((r) => r.name === name && r.type === type);
      if (!found?.physical.aws) throw new Error(`${build.example} has no ${type} ${name} on AWS`);
      return found;
    };
    for (const [name, fn] of Object.entries(deployment.functions)) {
      /** @type {Record<string, string>} */
      const replaced = {};
      for (const [variable, value] of Object.entries(options.variables ?? {})) if (variable in fn.environment) replaced[variable] = value;
      const env = {
        ...fn.environment,
        ...replaced,
        AWS_REGION: moto.region,
        AWS_DEFAULT_REGION: moto.region,
        AWS_ACCESS_KEY_ID: moto.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: moto.credentials.secretAccessKey,
        AWS_SESSION_TOKEN: "session-token-of-the-execution-role",
        AWS_ENDPOINT_URL: moto.endpoint,
        AWS_LAMBDA_FUNCTION_NAME: name,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memory),
        AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
        AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
        LAMBDA_TASK_ROOT: fn.root,
        TZ: ":UTC",
        LANG: "en_US.UTF-8",
        PATH: process.env.PATH ?? "/usr/bin:/bin",
      };
      containers.set(name, startContainer(name, fn.root, fn.handler, env));
    }
    await Promise.all([...containers.values()].map((c) => c.ready));

    /** @param {string} name */
    const container = (name) => /** @type {ReturnType<typeof startContainer>} */ (containers.get(physicalFunction(name)));

    /** The consumer of a queue: its mapping (batch size) and queue attributes. @param {string} queue */
    const consumerOf = (queue) => {
      const physical = /** @type {string} */ (resource(queue, "queue").physical.aws);
      const attributes = deployment.queues[physical];
      const mapping = deployment.mappings.find((/** @type {any} */ m) => m.queueArn === attributes.arn);
      if (!mapping) throw new Error(`no event source mapping reads queue ${physical}`);
      if (!mapping.responseTypes.includes("ReportBatchItemFailures")) throw new Error(`the mapping of ${physical} does not report batch item failures`);
      return { physical, attributes, mapping };
    };

    return {
      platform: "aws",
      label: "AWS Lambda (moto_server, the CloudFormation template deployed)",
      deployment,

      async fetch(fn, method, target, init = {}) {
        const event = httpEventFor(method, target, init);
        const routed = routeFor(deployment.routes, method, event.rawPath);
        const expected = physicalFunction(fn);
        if (routed !== expected) throw new Error(`API Gateway sends ${method} ${event.rawPath} to ${routed}, not to ${expected}`);
        const reply = await container(fn).invoke(event);
        if ("error" in reply) throw new Error(`the HTTP function threw to Lambda: ${reply.error.message}`);
        return responseOf(reply.result, method);
      },

      async deliver(queue) {
        const { attributes, mapping } = consumerOf(queue);
        const received = await moto.boto(RECEIVE, { url: attributes.url, max: mapping.batchSize });
        if (received.length === 0) return { received: [], acked: [], retried: [], threw: false };
        const reply = await containers.get(mapping.function)?.invoke(sqsEvent(received, attributes.arn, moto.region));
        if (!reply) throw new Error(`no container for ${mapping.function}`);
        const threw = "error" in reply;
        const failed = new Set(threw ? received.map((/** @type {any} */ m) => m.MessageId) : reply.result.batchItemFailures.map((/** @type {any} */ f) => f.itemIdentifier));
        const done = received.filter((/** @type {any} */ m) => !failed.has(m.MessageId));
        const again = received.filter((/** @type {any} */ m) => failed.has(m.MessageId));
        // Deleted as the event source mapping deletes them; the failed ones come back at once (their
        // visibility timeout or retry delay is taken as passed).
        await moto.boto(SETTLE, { url: attributes.url, done: done.map((/** @type {any} */ m) => m.ReceiptHandle), again: again.map((/** @type {any} */ m) => m.ReceiptHandle) });
        const body = (/** @type {any} */ m) => JSON.parse(m.Body);
        return {
          received: received.map((/** @type {any} */ m) => ({ body: body(m), attempts: Number(m.Attributes.ApproximateReceiveCount) })),
          acked: done.map(body),
          retried: again.map(body),
          threw,
        };
      },

      async deadLetters(queue) {
        const found = resource(queue, "queue");
        if (!found.deadLetter?.aws) throw new Error(`queue ${queue} has no dead-letter queue`);
        const url = deployment.queues[found.deadLetter.aws].url;
        return (await moto.boto(PEEK, { url })).map((/** @type {string} */ b) => JSON.parse(b));
      },

      async send(queue, body) {
        const { attributes } = consumerOf(queue);
        await moto.boto(`sqs.send_message(QueueUrl=data["url"], MessageBody=data["body"])`, { url: attributes.url, body: typeof body === "string" ? body : JSON.stringify(body) });
      },

      async schedule(fn, cron, scheduledTime) {
        const physical = physicalFunction(fn);
        const expression = eventBridgeExpression(cron);
        const rule = deployment.rules.find((/** @type {any} */ r) => r.function === physical && r.expression === expression);
        if (!rule) throw new Error(`no EventBridge rule runs ${physical} on ${expression}`);
        const reply = await container(fn).invoke(scheduledEvent(rule.name, scheduledTime, moto.region));
        return "error" in reply ? { failed: true, error: reply.error.message } : { failed: false };
      },

      kv(name) {
        const table = /** @type {string} */ (resource(name, "kv").physical.aws);
        return {
          get: (key) => moto.boto(KV_GET, { table, key }),
          put: (key, value, put = {}) => moto.boto(KV_PUT, { table, items: [{ key, value, metadata: put.metadata }] }),
          putMany: (items) => moto.boto(KV_PUT, { table, items }),
          keys: async (prefix = "") => (await moto.boto(KV_KEYS, { table, prefix })).sort(byteOrder),
        };
      },

      bucket(name) {
        const bucket = /** @type {string} */ (resource(name, "bucket").physical.aws);
        return {
          async get(key) {
            const got = await moto.boto(S3_GET, { bucket, key });
            if (got === null) return null;
            const bytes = Buffer.from(got.base64, "base64");
            return { bytes, text: bytes.toString("utf8"), contentType: got.contentType, customMetadata: got.metadata };
          },
          put: (key, body, put = {}) =>
            moto.boto(S3_PUT, { bucket, key, base64: Buffer.from(body).toString("base64"), contentType: put.contentType, metadata: put.customMetadata ?? {} }),
          keys: async (prefix = "") => moto.boto(S3_KEYS, { bucket, prefix }),
          async fail() {
            // An outage: the bucket is gone (its objects kept aside) and every call on it fails.
            const kept = await moto.boto(S3_DOWN, { bucket });
            return async () => void (await moto.boto(S3_UP, { bucket, kept }));
          },
        };
      },

      logs: (fn) => container(fn).log(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The function API Gateway's HTTP API invokes for a request: the most specific route key that
 * matches (literal segments over {param} over {proxy+}; a method over ANY), else $default.
 * @param {{routeKey: string, function: string}[]} routes @param {string} method @param {string} path
 */
export function routeFor(routes, method, path) {
  const segments = path.split("/").slice(1);
  /** @type {{score: number[], function: string} | undefined} */
  let best;
  for (const route of routes) {
    if (route.routeKey === "$default") continue;
    const [routeMethod, routePath] = route.routeKey.split(" ");
    if (routeMethod !== "ANY" && routeMethod !== method) continue;
    const parts = routePath.split("/").slice(1);
    const greedy = parts.at(-1)?.endsWith("+}") ?? false;
    const fixed = greedy ? parts.slice(0, -1) : parts;
    if (greedy ? segments.length <= fixed.length || segments.slice(fixed.length).join("/") === "" : segments.length !== fixed.length) continue;
    if (!fixed.every((part, i) => (part.startsWith("{") ? segments[i] !== "" : part === segments[i]))) continue;
    const score = [greedy ? 0 : 1, ...fixed.map((part) => (part.startsWith("{") ? 0 : 1)), routeMethod === "ANY" ? 0 : 1];
    if (!best || compareScores(score, best.score) > 0) best = { score, function: route.function };
  }
  const fallback = routes.find((r) => r.routeKey === "$default");
  const chosen = best?.function ?? fallback?.function;
  if (!chosen) throw new Error(`no route of the HTTP API takes ${method} ${path}`);
  return chosen;
}

/** @param {number[]} a @param {number[]} b */
function compareScores(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? -1) !== (b[i] ?? -1)) return (a[i] ?? -1) - (b[i] ?? -1);
  return 0;
}
