// @ts-check
/**
 * The contract driver for AWS: a real moto_server, the app's resources created through boto3, the
 * generated-style Lambda entries invoked with real-shaped events, and every effect inspected through
 * boto3 (independently of the runtime's clients). The SQS poller that Lambda's event source mapping
 * would be (receive, invoke, delete what succeeded) uses the runtime's signed client.
 */
import { startMoto, provision } from "./moto.js";
import { httpEventFor, sqsEvent, scheduledEvent } from "./aws-events.js";
import { awsConfig, createClients } from "../../src/adapters/aws-lambda/aws/client.js";

/** The physical names the build would give the app's resources in environment "test". */
export const NAMES = {
  links: "links-test-links",
  audit: "links-test-audit",
  seen: "links-test-seen",
  files: "links-test-files",
  events: "links-test-events",
  secret: "links/test/API_TOKEN",
};

/** The EventBridge rule of each spec cron (the worker table's `trigger`s). */
export const RULES = { "0 3 * * 1": "links-test-worker-5d1c0e7a", "*/15 * * * *": "links-test-worker-9b20f3c4" };

const LAMBDA_CONTEXT = { functionName: "links-test-api", awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e812345678", getRemainingTimeInMillis: () => 30_000 };

/** The contract app's generated-style Lambda entries. */
async function fixtureEntries() {
  const { handler: api } = await import("../../fixtures/contract-app/entries/aws-api.mjs");
  const { handler: worker } = await import("../../fixtures/contract-app/entries/aws-worker.mjs");
  return { api, worker };
}

/**
 * Starts moto, creates the resources and sets the process environment the way Lambda would (the
 * entries read process.env). One per test process: the entries cache their env per "container".
 * @param {{auth?: boolean, load?: () => Promise<{api: Function, worker: Function}>, rules?: Record<string, string>}} [options]
 *   `load` imports the Lambda handlers of functions api and worker once the environment is set
 *   (default: the generated-style fixtures; a build's code roots work too); `rules` names the
 *   EventBridge rule of each spec cron (default RULES)
 */
export async function createAwsApp(options = {}) {
  const rules = options.rules ?? RULES;
  const moto = await startMoto({ auth: options.auth });
  const { secretArns } = await provision(moto, {
    kvTables: [NAMES.links, NAMES.audit, NAMES.seen],
    buckets: [NAMES.files],
    secrets: [{ name: NAMES.secret, string: "s3cret-token" }],
  });
  const secretArn = secretArns[NAMES.secret];
  // A long visibility timeout: retried messages stay away for the rest of the test file.
  const queueUrl = await moto.boto(`result = sqs.create_queue(QueueName=data, Attributes={"VisibilityTimeout": "120"})["QueueUrl"]`, NAMES.events);
  const queueArn = `arn:aws:sqs:${moto.region}:123456789012:${NAMES.events}`;
  Object.assign(process.env, moto.env, {
    DISTLANG_ENV: "test",
    GREETING: "hello",
    API_TOKEN_SECRET_ARN: secretArn,
    LINKS_TABLE: NAMES.links,
    AUDIT_TABLE: NAMES.audit,
    SEEN_TABLE: NAMES.seen,
    FILES_BUCKET: NAMES.files,
    EVENTS_QUEUE_URL: queueUrl,
  });
  const { api, worker } = await (options.load ?? fixtureEntries)();
  const sqs = createClients(awsConfig(moto.env)).sqs;

  /** Receives every visible message of the events queue (what the event source mapping polls). */
  async function receiveAll() {
    const received = [];
    for (;;) {
      const out = await sqs.call("ReceiveMessage", { QueueUrl: queueUrl, MaxNumberOfMessages: 10, AttributeNames: ["All"], WaitTimeSeconds: 0 });
      if (!out.Messages || out.Messages.length === 0) return received;
      received.push(...out.Messages);
    }
  }

  return {
    moto,
    api,
    worker,
    queueUrl,
    queueArn,
    secretArn,
    receiveAll,

    /** @param {string} method @param {string} target @param {{headers?: Record<string, string>, body?: string | Uint8Array}} [init] */
    async fetch(method, target, init) {
      const result = /** @type {any} */ (await api(httpEventFor(method, target, init), LAMBDA_CONTEXT));
      return responseOf(result, method);
    },

    /** Invokes the worker with what is in the queue, then deletes the messages it did not report. */
    async deliverSent() {
      const received = await receiveAll();
      const response = /** @type {any} */ (await worker(sqsEvent(received, queueArn, moto.region), LAMBDA_CONTEXT));
      const failed = new Set(response.batchItemFailures.map((/** @type {any} */ f) => f.itemIdentifier));
      const done = received.filter((m) => !failed.has(m.MessageId));
      for (let i = 0; i < done.length; i += 10) {
        const entries = done.slice(i, i + 10).map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle }));
        await sqs.call("DeleteMessageBatch", { QueueUrl: queueUrl, Entries: entries });
      }
      const body = (/** @type {any} */ m) => JSON.parse(m.Body);
      return { acked: done.map(body), retried: received.filter((m) => failed.has(m.MessageId)).map(body), response, received };
    },

    /** @param {string} cron @param {number} scheduledTime */
    async schedule(cron, scheduledTime) {
      try {
        await worker(scheduledEvent(rules[cron], scheduledTime, moto.region), LAMBDA_CONTEXT);
        return { failed: false };
      } catch {
        return { failed: true };
      }
    },

    /** @param {{kind: string, resource: string, key: string}[]} items */
    peek(items) {
      return moto.boto(
        `
result = []
for item in data:
    if item["kind"] == "kv":
        got = ddb.get_item(TableName=item["table"], Key={"pk": {"S": item["key"]}}, ConsistentRead=True).get("Item")
        result.append(None if got is None else (got["v"]["B"] if "v" in got else b"").decode("utf-8"))
    else:
        try:
            got = s3.get_object(Bucket=item["table"], Key=item["key"])
            result.append({"base64": base64.b64encode(got["Body"].read()).decode(), "contentType": got["ContentType"], "owner": got["Metadata"].get("owner")})
        except s3.exceptions.NoSuchKey:
            result.append(None)
`,
        items.map((item) => ({ ...item, table: /** @type {any} */ (NAMES)[item.resource] })),
      );
    },

    close: () => moto.stop(),
  };
}

/**
 * The Response a client would get from API Gateway for a payload 2.0 result.
 * @param {any} result @param {string} method
 */
export function responseOf(result, method) {
  const headers = new Headers(result.headers ?? {});
  for (const cookie of result.cookies ?? []) headers.append("set-cookie", cookie);
  const bytes = result.isBase64Encoded ? Buffer.from(result.body, "base64") : Buffer.from(result.body ?? "", "utf8");
  const nullBody = method === "HEAD" || [101, 204, 205, 304].includes(result.statusCode);
  return new Response(nullBody ? null : bytes, { status: result.statusCode, headers });
}
