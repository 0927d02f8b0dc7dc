// @ts-check
/**
 * The user's env on Lambda: vars from the process environment, secrets read from Secrets Manager
 * (every one at once, once per container), and kv/bucket/queue handles on DynamoDB, S3 and SQS
 * through the runtime's own clients, limited by access like every platform's.
 */
import { buildEnv } from "../../core/app.js";
import { ConfigError, describeError } from "../../core/errors.js";
import { toBytes, isBinary } from "../../core/encoding.js";
import { DynamoKV } from "./aws/dynamodb-kv.js";
import { S3Bucket } from "./aws/s3-bucket.js";
import { SQSQueue } from "./aws/sqs-queue.js";
import { getSecretString } from "./aws/secrets.js";

/**
 * Reads every declared secret in parallel. One that is not configured or cannot be read fails the
 * whole call with a message naming each such secret.
 * @param {import("../../core/app.js").SecretSpec[]} secrets @param {string} functionName
 * @param {Record<string, string | undefined>} processEnv @param {any} secretsClient
 * @returns {Promise<Map<string, string>>}
 */
export async function readSecrets(secrets, functionName, processEnv, secretsClient) {
  const results = await Promise.allSettled(
    secrets.map(async (secret) => {
      const id = secret.variable ? processEnv[secret.variable] : undefined;
      if (!id) throw new Error(`${secret.variable ?? "its ARN variable"} is not set`);
      return getSecretString(secretsClient, id);
    }),
  );
  /** @type {Map<string, string>} */
  const values = new Map();
  const failures = [];
  results.forEach((result, index) => {
    const name = secrets[index].name;
    if (result.status === "fulfilled") values.set(name, result.value);
    else failures.push(`secret ${name}: ${result.reason instanceof Error ? result.reason.message : describeError(result.reason)}`);
  });
  if (failures.length > 0) {
    throw new ConfigError(`function ${functionName}: could not read ${failures.length === 1 ? "a secret" : `${failures.length} secrets`} from Secrets Manager: ${failures.join("; ")}`);
  }
  return values;
}

/**
 * @param {import("../../core/app.js").EnvironmentSpec} spec @param {string} functionName
 * @param {{processEnv: Record<string, string | undefined>, clients: any}} context
 */
export async function lambdaEnv(spec, functionName, { processEnv, clients }) {
  const secrets = await readSecrets(spec.secrets ?? [], functionName, processEnv, clients.secrets);
  return buildEnv(spec, functionName, {
    var: (name) => processEnv[name],
    secret: (secret) => secrets.get(secret.name),
    handle: (binding) => {
      const name = binding.variable ? processEnv[binding.variable] : undefined;
      if (!name) {
        throw new ConfigError(`function ${functionName}: ${binding.variable ?? `the variable of ${binding.kind} ${binding.resource}`} is not set (env.${binding.name})`);
      }
      switch (binding.kind) {
        case "kv":
          return kvOnDynamo(new DynamoKV({ client: clients.dynamodb, tableName: name }));
        case "bucket":
          return bucketOnS3(new S3Bucket({ client: clients.s3, bucketName: name }));
        case "queue":
          return queueOnSqs(new SQSQueue({ client: clients.sqs, queueUrl: name }));
        default:
          throw new ConfigError(`function ${functionName}: a ${binding.kind} (${binding.resource}) is not available on AWS`);
      }
    },
  });
}

/**
 * DynamoKV with values as a string or a Uint8Array (the core has read streams already).
 * @param {DynamoKV} kv
 */
function kvOnDynamo(kv) {
  return {
    get: (/** @type {any[]} */ ...args) => kv.get(...args),
    getWithMetadata: (/** @type {any[]} */ ...args) => kv.getWithMetadata(...args),
    /** @param {string} key @param {any} value @param {any} options */
    put: (key, value, options) => kv.put(key, isBinary(value) ? toBytes(value) : value, options),
    delete: (/** @type {string} */ key) => kv.delete(key),
    list: (/** @type {any} */ options) => kv.list(options),
  };
}

/**
 * S3Bucket with put values as a string or a Uint8Array: S3 needs the length up front, so a stream or
 * Blob is read first (Lambda holds the body in memory anyway).
 * @param {S3Bucket} bucket
 */
function bucketOnS3(bucket) {
  return {
    head: (/** @type {string} */ key) => bucket.head(key),
    get: (/** @type {any[]} */ ...args) => bucket.get(...args),
    /** @param {string} key @param {any} value @param {any} options */
    put: async (key, value, options) => bucket.put(key, await putBody(value), options),
    delete: (/** @type {string | string[]} */ keys) => bucket.delete(keys),
    list: (/** @type {any} */ options) => bucket.list(options),
  };
}

/** @param {unknown} value @returns {Promise<string | Uint8Array>} */
async function putBody(value) {
  if (value === null || value === undefined) return new Uint8Array(0);
  if (typeof value === "string") return value;
  if (isBinary(value)) return toBytes(/** @type {ArrayBuffer | ArrayBufferView} */ (value));
  if (value instanceof ReadableStream || value instanceof Blob) return new Uint8Array(await new Response(value).arrayBuffer());
  throw new TypeError(`a bucket value must be a string, ArrayBuffer, ArrayBufferView, ReadableStream, Blob or null`);
}

/**
 * SQSQueue with a batch's own delay given to each message that has none, resolving to undefined.
 * @param {SQSQueue} queue
 */
function queueOnSqs(queue) {
  return {
    /** @param {unknown} body @param {{delaySeconds?: number}} [options] */
    async send(body, options) {
      await queue.send(body, { delaySeconds: options?.delaySeconds });
    },
    /** @param {{body: unknown, delaySeconds?: number}[]} messages @param {{delaySeconds?: number}} [options] */
    async sendBatch(messages, options) {
      await queue.sendBatch(messages.map((m) => ({ body: m.body, delaySeconds: m.delaySeconds ?? options?.delaySeconds })));
    },
  };
}

/**
 * The consumed queue, to delay a retried message (retry({delaySeconds}) -> ChangeMessageVisibility).
 * @param {any} sqsClient @param {string} queueUrl
 */
export function consumedQueue(sqsClient, queueUrl) {
  return new SQSQueue({ client: sqsClient, queueUrl });
}
