// A Lambda "container" for the tests: one Node process per function, started in the function's code
// root (unpacked from its zip) with exactly the environment Lambda would give it. It loads the
// handler the configuration names (`index.handler`) during its init phase and then invokes it with
// one event at a time, as Lambda does. Events arrive on stdin as JSON lines ({id, event}); results
// leave on file descriptor 3 ({id, result} or {id, error}), so that the function's own console
// output (stdout, stderr) is the log the test reads, as CloudWatch would have it.
//
// Usage: node lambda-host.mjs <code root> <handler, e.g. index.handler>
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

const [root, handlerName] = process.argv.slice(2);
const replies = createWriteStream("", { fd: 3 });
const reply = (message) => replies.write(JSON.stringify(message) + "\n");
const describe = (error) => ({ name: error?.name ?? "Error", message: String(error?.message ?? error), stack: String(error?.stack ?? "") });

const [file, exportName] = handlerName.split(".");
let handler;
let initError;
try {
  const module = await import(pathToFileURL(join(root, `${file}.mjs`)).href);
  handler = module[exportName];
  if (typeof handler !== "function") throw new Error(`${handlerName} is not a function`);
} catch (error) {
  initError = describe(error);
}
reply({ ready: true, initError });

let sequence = 0;
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const { id, event } = JSON.parse(line);
  if (initError) {
    reply({ id, error: initError });
    continue;
  }
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: "$LATEST",
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: `00000000-0000-4000-8000-${String(++sequence).padStart(12, "0")}`,
    getRemainingTimeInMillis: () => 30_000,
  };
  try {
    reply({ id, result: (await handler(event, context)) ?? null });
  } catch (error) {
    reply({ id, error: describe(error) });
  }
}
