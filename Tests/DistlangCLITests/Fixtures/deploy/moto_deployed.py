"""Looks at what `distlang deploy` put into a moto_server, and runs the deployed code against it.

Usage:
  moto_deployed.py prepare ENDPOINT REGION BUCKET   waits for moto, creates the code bucket
  moto_deployed.py check ENDPOINT PLAN.json         prints a JSON report
PLAN: {"stack"?, "region", "bucket"?, "prefix"?, "dist", "invoke": path of invoke.mjs,
       "functions": {function: physical name},
       "secrets": {NAME: secret name}  (created here with a value: moto skips AWS::SecretsManager::Secret),
       "actions": [{"http": {"function", "method", "path", "body"?}} |
                   {"consume": {"function", "queue_url_from": [function, variable]}}]}

The names of the HTTP APIs (moto creates them for Terraform, not from CloudFormation). For each
function: the stack's status, whether moto's CodeSha256 is the SHA-256 of the build's zip
(dist/aws/code/<function>.zip), and which object `aws cloudformation package` uploaded with the same
bytes (without a bucket, as Terraform deploys, the build's zip is the code once moto's hash matches). Then each action runs the deployed code (the uploaded zip, extracted) under node through its
generated index.mjs, with the function's variables as moto reports them (get-function), the
region, dummy credentials and AWS_ENDPOINT_URL pointing at moto: an HTTP action sends an API Gateway
HTTP API (payload 2.0) event; a consume action receives the queue's messages from moto and sends
them as an SQS event. Secrets: moto creates none from the template and the functions get no
<NAME>_SECRET_ARN, so the plan's secrets are created here and their ARNs passed as those variables,
standing in for what CloudFormation sets.
"""
import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

import boto3

MODE, ENDPOINT = sys.argv[1], sys.argv[2]


def wait_for_server(deadline_seconds=30):
    deadline = time.time() + deadline_seconds
    while True:
        try:
            urllib.request.urlopen(ENDPOINT + "/moto-api/", timeout=2)
            return
        except Exception:
            if time.time() > deadline:
                raise SystemExit("moto_server did not answer within %d s" % deadline_seconds)
            time.sleep(0.2)


def client(name, region):
    return boto3.client(name, endpoint_url=ENDPOINT, region_name=region)


if MODE == "prepare":
    region, bucket = sys.argv[3], sys.argv[4]
    wait_for_server()
    client("s3", region).create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    print(json.dumps({"bucket": bucket}))
    sys.exit(0)

plan = json.load(open(sys.argv[3]))
region = plan["region"]
cfn, lam, s3, sqs, secrets = (client(n, region) for n in ("cloudformation", "lambda", "s3", "sqs", "secretsmanager"))
report = {"functions": {}, "results": []}
report["http_apis"] = sorted(api["Name"] for api in client("apigatewayv2", region).get_apis().get("Items", []))
if plan.get("stack"):
    report["status"] = cfn.describe_stacks(StackName=plan["stack"])["Stacks"][0]["StackStatus"]

uploaded = {}
if plan.get("bucket"):
    for item in s3.list_objects_v2(Bucket=plan["bucket"], Prefix=plan["prefix"] + "/").get("Contents", []):
        uploaded[item["Key"]] = s3.get_object(Bucket=plan["bucket"], Key=item["Key"])["Body"].read()

secret_arns = {}
for name, secret_id in plan.get("secrets", {}).items():
    try:
        secret_arns[name] = secrets.create_secret(Name=secret_id, SecretString="value of " + name)["ARN"]
    except secrets.exceptions.ResourceExistsException:
        secret_arns[name] = secrets.describe_secret(SecretId=secret_id)["ARN"]

work = tempfile.mkdtemp(prefix="distlang-deployed-")
variables = {}
for function, physical in plan["functions"].items():
    config = lam.get_function(FunctionName=physical)["Configuration"]
    local = open(os.path.join(plan["dist"], "aws", "code", function + ".zip"), "rb").read()
    same = [key for key, body in uploaded.items() if body == local]
    code_sha256_matches = config["CodeSha256"] == base64.b64encode(hashlib.sha256(local).digest()).decode()
    root = os.path.join(work, function)
    if same:
        zipfile.ZipFile(io.BytesIO(uploaded[same[0]])).extractall(root)
    elif not plan.get("bucket") and code_sha256_matches:
        # Terraform uploads the zip itself (no bucket): moto holds exactly the build's bytes.
        zipfile.ZipFile(io.BytesIO(local)).extractall(root)
    env = dict(config.get("Environment", {}).get("Variables", {}))
    variables[function] = dict(env)
    for name, arn in secret_arns.items():
        env.setdefault(name + "_SECRET_ARN", arn)
    env.update({
        "AWS_ENDPOINT_URL": ENDPOINT, "AWS_REGION": region, "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing", "AWS_LAMBDA_FUNCTION_NAME": physical,
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    })
    report["functions"][function] = {
        "code_sha256_matches": code_sha256_matches,
        "uploaded_same": same, "handler": config["Handler"], "variables": variables[function],
    }
    variables[function + " run"] = (root, env)


def invoke(function, event):
    root, env = variables[function + " run"]
    path, result_path = os.path.join(work, "event.json"), os.path.join(work, "result.json")
    json.dump(event, open(path, "w"))
    if os.path.exists(result_path):
        os.remove(result_path)
    run = subprocess.run(["node", plan["invoke"], root, path, result_path], env=env, capture_output=True, text=True, timeout=60)
    result = json.load(open(result_path)) if os.path.exists(result_path) else None
    return {"exit": run.returncode, "result": result, "logs": run.stdout[-2000:], "stderr": run.stderr[-2000:]}


for action in plan["actions"]:
    if "http" in action:
        h = action["http"]
        host = "api.execute-api.%s.amazonaws.com" % region
        event = {
            "version": "2.0", "routeKey": "$default", "rawPath": h["path"], "rawQueryString": "",
            "headers": {"host": host, "content-type": "text/plain", "user-agent": "distlang-test"},
            "requestContext": {
                "accountId": "123456789012", "apiId": "api", "domainName": host, "domainPrefix": "api",
                "http": {"method": h["method"], "path": h["path"], "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "distlang-test"},
                "requestId": "request-%d" % len(report["results"]), "routeKey": "$default", "stage": "$default",
                "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime()), "timeEpoch": int(time.time() * 1000),
            },
            "isBase64Encoded": False,
        }
        if "body" in h:
            event["body"] = h["body"]
        outcome = invoke(h["function"], event)
        outcome["action"] = "%s %s" % (h["method"], h["path"])
        report["results"].append(outcome)
    else:
        c = action["consume"]
        producer, variable = c["queue_url_from"]
        url = variables[producer][variable]
        messages = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, AttributeNames=["All"], WaitTimeSeconds=1).get("Messages", [])
        arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        records = [{
            "messageId": m["MessageId"], "receiptHandle": m["ReceiptHandle"], "body": m["Body"],
            "attributes": m.get("Attributes", {}), "messageAttributes": {}, "md5OfBody": m["MD5OfBody"],
            "eventSource": "aws:sqs", "eventSourceARN": arn, "awsRegion": region,
        } for m in messages]
        outcome = invoke(c["function"], {"Records": records})
        outcome["action"] = "consume %d message(s) from %s" % (len(records), arn)
        outcome["bodies"] = [m["Body"] for m in messages]
        report["results"].append(outcome)

print(json.dumps(report))
