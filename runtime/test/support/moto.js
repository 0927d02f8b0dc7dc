// @ts-check
/**
 * A real moto_server for a test file: started on 127.0.0.1 on a free port, stopped at the end,
 * plus helpers that create and inspect resources through boto3 (python3), independently of the
 * runtime's own AWS clients.
 *
 *   const moto = await startMoto();                 // auth off: any credentials pass
 *   const moto = await startMoto({ auth: true });   // SigV4 checked: use moto.credentials
 *   after(() => moto.stop());
 *
 * With auth on, moto_server runs with INITIAL_NO_AUTH_ACTION_COUNT=0 and then knows no
 * credentials at all: every request, IAM's included, fails with InvalidClientTokenId. The harness
 * lets exactly three requests through unauthenticated (POST /moto-api/reset-auth with the body
 * "3"; moto counts them down and checks every later request) and spends them on IAM CreateUser,
 * CreateAccessKey and PutUserPolicy. The new user's key is `moto.credentials`; its inline policy
 * allows dynamodb:*, s3:*, sqs:* and secretsmanager:* on resource "*" (moto checks DynamoDB and
 * Secrets Manager actions against resource "*", so an ARN-scoped policy would be refused).
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const REGION = "us-east-1";
const START_TIMEOUT_MS = 15000;

/**
 * @typedef {object} Moto
 * @property {string} endpoint e.g. "http://127.0.0.1:40123"
 * @property {string} region
 * @property {{ accessKeyId: string, secretAccessKey: string }} credentials accepted by this server
 * @property {boolean} auth
 * @property {Record<string, string>} env AWS_* variables pointing the runtime at this server
 * @property {(code: string, input?: unknown) => Promise<any>} boto runs a Python snippet with boto3
 *   clients `ddb`, `s3` (path-style), `sqs`, `sm` and `iam` bound to this server and
 *   `data` = input (JSON); resolves to the snippet's `result` (JSON, bytes as str)
 * @property {() => Promise<void>} stop
 */

/** @returns {Promise<number>} a port that was free a moment ago */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {{ auth?: boolean }} [options]
 * @returns {Promise<Moto>}
 */
export async function startMoto(options = {}) {
  const auth = options.auth ?? false;
  for (let tries = 1; ; tries++) {
    const port = await freePort();
    try {
      return await launch(port, auth);
    } catch (error) {
      if (tries >= 3) throw error;
    }
  }
}

/**
 * @param {number} port
 * @param {boolean} auth
 * @returns {Promise<Moto>}
 */
async function launch(port, auth) {
  const endpoint = `http://127.0.0.1:${port}`;
  // The boto3 worker loads its models while moto_server starts.
  const worker = botoWorker(endpoint);
  const server = spawnServer(port, auth);
  const stop = async () => {
    await Promise.all([worker.stop(), server.stop()]);
  };
  try {
    await server.ready(endpoint);
    let credentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "moto-accepts-anything-without-auth" };
    if (auth) credentials = await createAuthUser(endpoint, worker);
    await worker.useCredentials(credentials);
    return {
      endpoint,
      region: REGION,
      credentials,
      auth,
      env: {
        AWS_REGION: REGION,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        AWS_ENDPOINT_URL: endpoint,
      },
      boto: (code, input) => worker.run(code, input),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * @param {number} port
 * @param {boolean} auth
 */
function spawnServer(port, auth) {
  /** @type {Record<string, string | undefined>} */
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("AWS_") || name.startsWith("MOTO_")) delete env[name];
  if (auth) env.INITIAL_NO_AUTH_ACTION_COUNT = "0";
  else delete env.INITIAL_NO_AUTH_ACTION_COUNT;
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { env, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (chunk) => (log = (log + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  /** @type {Error | undefined} */
  let spawnError;
  child.once("error", (error) => (spawnError = error));
  return {
    /** @param {string} endpoint */
    async ready(endpoint) {
      const deadline = Date.now() + START_TIMEOUT_MS;
      for (;;) {
        if (spawnError) throw new Error(`could not start moto_server (is it on PATH?): ${spawnError.message}`);
        if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${log}`);
        try {
          const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
          await response.arrayBuffer();
          if (response.ok) return;
        } catch {
          /* not up yet */
        }
        if (Date.now() > deadline) {
          throw new Error(`moto_server did not answer on ${endpoint} within ${START_TIMEOUT_MS} ms:\n${log}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || spawnError) return;
      // A test server with nothing to flush: SIGKILL ends it at once (SIGTERM takes ~0.8 s).
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Three IAM requests: a user, an access key, an inline policy. */
const CREATE_USER = `
iam.create_user(UserName=data["user"])
key = iam.create_access_key(UserName=data["user"])["AccessKey"]
iam.put_user_policy(UserName=data["user"], PolicyName="policy",
    PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": data["statements"]}))
result = {"accessKeyId": key["AccessKeyId"], "secretAccessKey": key["SecretAccessKey"]}
`;

/**
 * Lets the next `count` requests through without authentication; moto checks every later one.
 * @param {string} endpoint
 * @param {number} count
 */
async function allowUnauthenticated(endpoint, count) {
  const response = await fetch(`${endpoint}/moto-api/reset-auth`, {
    method: "POST",
    headers: { "content-type": "text/plain" }, // moto reads the raw body; a form type would hide it
    body: String(count),
  });
  if (!response.ok) throw new Error(`moto reset-auth failed: ${response.status} ${await response.text()}`);
}

/**
 * Spends three unauthenticated requests on an IAM user with an access key and a policy.
 * @param {string} endpoint
 * @param {ReturnType<typeof botoWorker>} worker
 */
async function createAuthUser(endpoint, worker) {
  await allowUnauthenticated(endpoint, 3);
  await worker.useCredentials({ accessKeyId: "bootstrap", secretAccessKey: "bootstrap" });
  return worker.run(CREATE_USER, {
    user: "distlang-test",
    statements: [{ Effect: "Allow", Action: ["dynamodb:*", "s3:*", "sqs:*", "secretsmanager:*"], Resource: "*" }],
  });
}

/**
 * One long-lived Python process per server runs the boto3 snippets (a fresh python3 per snippet
 * costs ~0.5 s of imports and model loading). It loads the service models at start; a
 * "credentials" request (re)makes the clients. Protocol: one JSON line in, one JSON line out
 * ({result} or {error}).
 */
const WORKER = String.raw`
import base64, json, os, sys, traceback, boto3, botocore.config
endpoint = os.environ["MOTO_ENDPOINT"]
session = boto3.session.Session(region_name=os.environ["MOTO_REGION"])
services = {"ddb": "dynamodb", "s3": "s3", "sqs": "sqs", "sm": "secretsmanager", "iam": "iam"}
path_style = botocore.config.Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1})
def make_clients(key_id, secret):
    return {name: session.client(service, endpoint_url=endpoint, config=path_style,
                                 aws_access_key_id=key_id, aws_secret_access_key=secret)
            for name, service in services.items()}
clients = make_clients("warm", "warm")
for line in sys.stdin:
    request = json.loads(line)
    if "credentials" in request:
        clients = make_clients(request["credentials"]["accessKeyId"], request["credentials"]["secretAccessKey"])
        sys.stdout.write(json.dumps({"result": None}) + "\n")
        sys.stdout.flush()
        continue
    scope = {"base64": base64, "json": json, "endpoint": endpoint,
             "data": request["data"], "result": None, **clients}
    try:
        exec(request["code"], scope)
        reply = {"result": scope["result"]}
    except Exception:
        reply = {"error": traceback.format_exc()}
    sys.stdout.write(json.dumps(reply, default=str) + "\n")
    sys.stdout.flush()
`;

/** @param {string} endpoint */
function botoWorker(endpoint) {
  const env = { ...process.env, MOTO_ENDPOINT: endpoint, MOTO_REGION: REGION, PYTHONIOENCODING: "utf-8" };
  for (const name of Object.keys(env)) if (name.startsWith("AWS_")) delete env[name];
  const proc = spawn("python3", ["-c", WORKER], { env, stdio: ["pipe", "pipe", "pipe"] });
  /** @type {Array<{ resolve: (v: any) => void, reject: (e: Error) => void, code: string }>} */
  const waiting = [];
  let buffered = "";
  let stderr = "";
  let exited = false;
  const exit = new Promise((resolve) => proc.once("exit", resolve));
  proc.stdout.setEncoding("utf8");
  proc.stdout.on("data", (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const pending = waiting.shift();
      if (!pending) continue;
      const reply = JSON.parse(line);
      if ("error" in reply) pending.reject(new Error(`boto3 snippet failed:\n${pending.code}\n${reply.error}`));
      else pending.resolve(reply.result);
    }
  });
  proc.stderr.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  proc.on("exit", (code) => {
    exited = true;
    for (const pending of waiting.splice(0)) pending.reject(new Error(`boto3 worker exited (${code}):\n${stderr}`));
  });
  /**
   * @param {object} message
   * @param {string} code for error messages
   */
  const send = (message, code) =>
    new Promise((resolve, reject) => {
      if (exited) return reject(new Error(`boto3 worker is not running:\n${stderr}`));
      waiting.push({ resolve, reject, code });
      proc.stdin.write(JSON.stringify(message) + "\n");
    });
  return {
    /** @param {string} code @param {unknown} input */
    run: (code, input) => send({ code, data: input ?? null }, code),
    /** @param {{ accessKeyId: string, secretAccessKey: string }} credentials */
    useCredentials: (credentials) => send({ credentials }, "(credentials)"),
    async stop() {
      if (exited) return;
      proc.kill("SIGKILL");
      await exit;
    },
  };
}

const KV_TABLES = `
for name in data["kvTables"]:
    ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "ls", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        GlobalSecondaryIndexes=[{"IndexName": "keys",
            "KeySchema": [{"AttributeName": "ls", "KeyType": "HASH"}, {"AttributeName": "pk", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["exp", "m"]}}])
    ddb.update_time_to_live(TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "exp"})
`;
const SECRETS = `
for secret in data["secrets"]:
    args = {"Name": secret["name"]}
    if secret.get("string") is not None: args["SecretString"] = secret["string"]
    if secret.get("binary") is not None: args["SecretBinary"] = base64.b64decode(secret["binary"])
    result["secretArns"][secret["name"]] = sm.create_secret(**args)["ARN"]
`;

/**
 * @typedef {object} Resources
 * @property {string[]} [kvTables] tables with the runtime's kv layout: key \`pk\` (S), GSI \`keys\`
 *   (partition \`ls\`, sort \`pk\`, projection INCLUDE exp, m), TTL on \`exp\`
 * @property {string[]} [buckets]
 * @property {string[]} [queues]
 * @property {Array<{ name: string, string?: string, binary?: Uint8Array }>} [secrets]
 */

/**
 * Creates resources through boto3 in one Python run.
 * @param {Moto} moto
 * @param {Resources} resources
 * @returns {Promise<{ queueUrls: Record<string, string>, secretArns: Record<string, string> }>}
 */
export function provision(moto, resources) {
  const input = {
    kvTables: resources.kvTables ?? [],
    buckets: resources.buckets ?? [],
    queues: resources.queues ?? [],
    secrets: (resources.secrets ?? []).map((s) => ({
      name: s.name,
      string: s.string,
      binary: s.binary ? Buffer.from(s.binary).toString("base64") : undefined,
    })),
  };
  /** @type {string[]} */
  const code = [`result = {"queueUrls": {}, "secretArns": {}}`];
  if (input.kvTables.length) code.push(KV_TABLES);
  if (input.buckets.length) code.push(`for name in data["buckets"]: s3.create_bucket(Bucket=name)`);
  if (input.queues.length) {
    code.push(`for name in data["queues"]: result["queueUrls"][name] = sqs.create_queue(QueueName=name)["QueueUrl"]`);
  }
  if (input.secrets.length) code.push(SECRETS);
  return moto.boto(code.join("\n"), input);
}

/**
 * With auth on: one more IAM user with an access key and an inline policy of `statements`
 * (spends three unauthenticated requests, as startMoto does). Run nothing else against this
 * server meanwhile.
 * @param {Moto} moto
 * @param {string} userName
 * @param {object[]} statements IAM policy statements
 * @returns {Promise<{ accessKeyId: string, secretAccessKey: string }>}
 */
export async function addUser(moto, userName, statements) {
  if (!moto.auth) throw new Error("addUser needs a server started with { auth: true }");
  await allowUnauthenticated(moto.endpoint, 3);
  return moto.boto(CREATE_USER, { user: userName, statements });
}
