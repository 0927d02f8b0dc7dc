// Runs a Lambda code root's generated entry on one event, as Lambda's Node runtime would call it:
//   node invoke.mjs CODE_ROOT EVENT.json
// (the function's variables, region, credentials and AWS_ENDPOINT_URL come from the environment).
// Prints the handler's result as JSON.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [root, eventFile] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(join(root, "index.mjs")).href);
const event = JSON.parse(readFileSync(eventFile, "utf8"));
const context = { functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, awsRequestId: "local-invoke" };
const result = await handler(event, context);
process.stdout.write(JSON.stringify(result ?? null));
