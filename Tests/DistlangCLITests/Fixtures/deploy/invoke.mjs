// Runs a Lambda code root's generated entry on one event, as Lambda's Node runtime would call it:
//   node invoke.mjs CODE_ROOT EVENT.json RESULT.json
// (the function's variables, region, credentials and AWS_ENDPOINT_URL come from the environment).
// Writes the handler's result as JSON to RESULT.json; standard output and error are the function's
// own logs.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [root, eventFile, resultFile] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(join(root, "index.mjs")).href);
const event = JSON.parse(readFileSync(eventFile, "utf8"));
const context = { functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, awsRequestId: "local-invoke" };
const result = await handler(event, context);
writeFileSync(resultFile, JSON.stringify(result ?? null));
