// @ts-check
/**
 * The AWS Lambda adapter: `createHandler(userModule, table)` is the generated entry's `handler`.
 * It picks the environment (DISTLANG_ENV, else the only one), reads the secrets once per container
 * (starting in the init phase, before the first event), builds the portable env, and runs one processor per event shape (events.js). HTTP never throws to
 * Lambda: a malformed event is answered 400, any other failure 500 (logged). ctx.waitUntil promises
 * are awaited before the result is returned, because Lambda freezes the process after that.
 */
import { createApp, collectWaitUntil, ENVIRONMENT_VARIABLE } from "../../core/app.js";
import { EventError, describeError } from "../../core/errors.js";
import { awsConfig, createClients } from "./aws/client.js";
import { lambdaEnv, consumedQueue } from "./bindings.js";
import {
  eventKind,
  requestFromHttpEvent,
  resultFromResponse,
  textResult,
  messagesFromSqsEvent,
  queueUrlFromArn,
  scheduleFromEvent,
} from "./events.js";

/**
 * @param {Record<string, unknown>} userModule the user's module namespace
 * @param {import("../../core/app.js").FunctionTable} table the function table (AWS's)
 * @param {{processEnv?: Record<string, string | undefined>}} [options] the process environment (tests)
 * @returns {(event: unknown, context?: unknown) => Promise<unknown>}
 */
export function createHandler(userModule, table, options = {}) {
  const processEnv = options.processEnv ?? process.env;
  const app = createApp(userModule, table, { platform: "aws" });
  const who = `function ${app.functionName}`;

  /** @type {Promise<{environment: any, env: Record<string, unknown>, config: any, clients: any}> | undefined} */
  let ready;
  /** Once per container; a failure (a secret not yet readable) is tried again on the next event. */
  const prepare = () => {
    ready ??= (async () => {
      const environment = app.environment(app.chooseEnvironment(processEnv[ENVIRONMENT_VARIABLE]));
      const config = awsConfig(processEnv);
      const clients = createClients(config);
      const env = await lambdaEnv(environment.spec, app.functionName, { processEnv, clients });
      return { environment, env, config, clients };
    })().catch((error) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  // In Lambda (which sets AWS_LAMBDA_FUNCTION_NAME) the secrets are read during the init phase, before
  // the first event; a failure there is reported by the first event, which tries again.
  if (processEnv.AWS_LAMBDA_FUNCTION_NAME) prepare().catch(() => {});

  /** @param {any} event */
  async function http(event) {
    /** @type {Request} */
    let request;
    try {
      request = requestFromHttpEvent(event);
    } catch (error) {
      if (error instanceof EventError) {
        console.error(`${who}: malformed HTTP event: ${error.message}`);
        return textResult(400, "Bad Request");
      }
      console.error(`${who}: ${describeError(error)}`);
      return textResult(500, "Internal Server Error");
    }
    try {
      const { environment, env } = await prepare();
      const waits = collectWaitUntil();
      const response = await environment.fetch(request, env, waits.hooks);
      const result = await resultFromResponse(response, { head: request.method === "HEAD" });
      await waits.settle();
      return result;
    } catch (error) {
      console.error(`${who}: ${describeError(error)}`);
      return textResult(500, "Internal Server Error");
    }
  }

  /** @param {import("./types.js").SqsEvent} event */
  async function sqs(event) {
    const { environment, env, config, clients } = await prepare();
    const records = event.Records;
    const waits = collectWaitUntil();
    const outcome = await environment.queue(messagesFromSqsEvent(event), env, waits.hooks);
    await waits.settle();
    await Promise.all(
      outcome.retried
        .filter(({ delaySeconds }) => delaySeconds !== undefined)
        .map(async ({ index, delaySeconds }) => {
          const record = records[index];
          try {
            const queue = consumedQueue(clients.sqs, queueUrlFromArn(record.eventSourceARN, config.endpoint("sqs")));
            await queue.changeVisibility(record.receiptHandle, delaySeconds);
          } catch (error) {
            console.error(`${who}: could not delay the retry of message ${record.messageId}: ${describeError(error)}`);
          }
        }),
    );
    return { batchItemFailures: outcome.retried.map(({ index }) => ({ itemIdentifier: records[index].messageId })) };
  }

  /** @param {import("./types.js").ScheduledEvent} event */
  async function scheduled(event) {
    const { environment, env } = await prepare();
    const waits = collectWaitUntil();
    const result = await environment.scheduled(scheduleFromEvent(event), env, waits.hooks);
    await waits.settle();
    // Lambda retries a failed asynchronous invocation (twice by default); noRetry() stops that.
    if ("error" in result && !result.noRetry) throw result.error;
  }

  return async function handler(event) {
    switch (eventKind(event)) {
      case "http":
        return http(event);
      case "sqs":
        return sqs(/** @type {any} */ (event));
      case "scheduled":
        return scheduled(/** @type {any} */ (event));
      default:
        throw new EventError(`${who}: an event of an unknown shape arrived (keys: ${Object.keys(/** @type {object} */ (event ?? {})).join(", ") || "none"})`);
    }
  };
}
