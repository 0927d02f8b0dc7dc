"""Deploys CloudFormation templates into a running moto_server and looks up what they created.

Usage: moto_smoke.py ENDPOINT PLAN.json
PLAN: {"stacks": [{"app", "name", "template",
                   "expect": {"functions": [...], "tables": [...], "buckets": [...], "queues": [...],
                              "roles": [...], "rules": [...], "log_groups": [...]},
                   "environment": {function: {name: value}}}]}
(environment: literal variables that must reach the Lambda function byte for byte)
Stacks of one "app" are deployed together; moto is reset before each app.

Each function's Code is a local zip (`../code/<function>.zip`), which `aws cloudformation package`
uploads: the deployed copy does the same, uploading the zip to this moto's S3 (bucket
distlang-smoke-code, key <stack>/<file>) and naming it as {S3Bucket, S3Key}.

A template with nested stacks (AWS::CloudFormation::Stack with a local TemplateURL, the layout
`aws cloudformation package` uploads) is deployed the way package would: each child is read from
beside the parent and uploaded to this moto's S3 (bucket distlang-smoke-templates, key
<stack>/<file>), and the deployed copy of the parent says https://s3.amazonaws.com/<bucket>/<key>
instead of the local path. Two more rewrites of that copy, both for moto's gaps: a stack parameter
whose value reads a resource moto does not model (HttpApiId: Ref HttpApi, <S>SecretArn: Ref
<S>Secret) becomes a placeholder string, because moto resolves it to nothing and then refuses the
child ("Missing parameter"); and
parent outputs reading a child's outputs (Fn::GetAtt Child.Outputs.X), which moto 5.2.1 does not
implement (every output of the stack then reads empty), are dropped. All rewrites are reported
(rewritten).

Prints JSON: {"stacks": [{"name", "status", "reason", "found": {...}, "missing": [...],
"not_modelled": [types moto skips], "stripped_outputs": [...]}]}.

moto 5.2.1 does not model AWS::ApiGatewayV2::*, AWS::SecretsManager::Secret (and Scheduler,
Lambda URLs, IAM::RolePolicy) in CloudFormation: it skips them silently and still reports
CREATE_COMPLETE, and create-stack fails with HTTP 500 when an Output reads an attribute
(Fn::GetAtt) of such a resource. This script therefore removes those Outputs from the copy it
deploys (listed in stripped_outputs) and reports the skipped types; it checks nothing about them.
"""
import json
import os
import sys
import time
import urllib.request

import boto3
import yaml
from moto.cloudformation.parsing import get_model_map

ENDPOINT, PLAN = sys.argv[1], json.load(open(sys.argv[2]))
KW = dict(endpoint_url=ENDPOINT, region_name="us-east-1")
CODE_BUCKET = "distlang-smoke-code"
TEMPLATE_BUCKET = "distlang-smoke-templates"
MODELLED = set(get_model_map().keys())


def wait_for_server(deadline_seconds=30):
    deadline = time.time() + deadline_seconds
    while True:
        try:
            urllib.request.urlopen(ENDPOINT + "/moto-api/", timeout=2)
            return
        except Exception:
            if time.time() > deadline:
                raise SystemExit(json.dumps({"error": "moto_server did not answer within %d s" % deadline_seconds}))
            time.sleep(0.2)


def reset():
    request = urllib.request.Request(ENDPOINT + "/moto-api/reset", method="POST")
    urllib.request.urlopen(request, timeout=10).read()


def reads_any(value, ids):
    """Whether value reads (Ref or GetAtt) one of the resources ids."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "Ref" and item in ids:
                return True
            if key == "Fn::GetAtt" and isinstance(item, list) and item and item[0] in ids:
                return True
            if reads_any(item, ids):
                return True
    elif isinstance(value, list):
        return any(reads_any(item, ids) for item in value)
    return False


def strip_outputs(doc, unmodelled):
    """Removes the Outputs that read a resource moto does not model; returns their names."""
    stripped = [k for k, o in doc.get("Outputs", {}).items() if reads_any(o, unmodelled)]
    for key in stripped:
        del doc["Outputs"][key]
    return stripped


def package_code(stack_name, folder, doc, clients):
    """Uploads each function's local Code zip to moto's S3 and points the copy at it, as package does."""
    rewritten = []
    for rid, resource in doc["Resources"].items():
        code = resource.get("Properties", {}).get("Code")
        if resource["Type"] != "AWS::Lambda::Function" or not isinstance(code, str):
            continue
        key = "%s/%s" % (stack_name, os.path.basename(code))
        with open(os.path.join(folder, code), "rb") as archive:
            clients["s3"].put_object(Bucket=CODE_BUCKET, Key=key, Body=archive.read())
        resource["Properties"]["Code"] = {"S3Bucket": CODE_BUCKET, "S3Key": key}
        rewritten.append("%s Code %s -> s3://%s/%s" % (rid, code, CODE_BUCKET, key))
    return rewritten


def upload_children(stack, doc, unmodelled, clients):
    """Uploads each nested stack's template into moto's S3 and points the parent's copy at it."""
    rewritten, children = [], []
    folder = os.path.dirname(stack["template"])
    for rid, resource in doc["Resources"].items():
        if resource["Type"] != "AWS::CloudFormation::Stack":
            continue
        properties = resource["Properties"]
        local = properties["TemplateURL"]
        child = yaml.safe_load(open(os.path.join(folder, local), encoding="utf-8"))
        child_unmodelled = {cid for cid, r in child["Resources"].items() if r["Type"] not in MODELLED}
        strip_outputs(child, child_unmodelled)
        rewritten += package_code(stack["name"], folder, child, clients)
        key = "%s/%s" % (stack["name"], local)
        clients["s3"].put_object(Bucket=TEMPLATE_BUCKET, Key=key, Body=yaml.safe_dump(child).encode("utf-8"))
        properties["TemplateURL"] = "https://s3.amazonaws.com/%s/%s" % (TEMPLATE_BUCKET, key)
        rewritten.append("%s TemplateURL %s -> %s" % (rid, local, properties["TemplateURL"]))
        for name, value in properties.get("Parameters", {}).items():
            if reads_any(value, unmodelled):
                properties["Parameters"][name] = "moto-does-not-model-" + name
                rewritten.append("%s parameter %s -> placeholder" % (rid, name))
        children.append({"id": rid, "file": local, "not_modelled": sorted({child["Resources"][c]["Type"] for c in child_unmodelled})})
    stacks = {rid for rid, r in doc["Resources"].items() if r["Type"] == "AWS::CloudFormation::Stack"}
    for key in [k for k, o in doc.get("Outputs", {}).items() if reads_any(o, stacks)]:
        del doc["Outputs"][key]
        rewritten.append("output %s dropped (reads a nested stack's outputs)" % key)
    return rewritten, children


def deploy(stack, clients):
    doc = yaml.safe_load(open(stack["template"], encoding="utf-8"))
    unmodelled = {rid for rid, r in doc["Resources"].items() if r["Type"] not in MODELLED}
    stripped = strip_outputs(doc, unmodelled)
    rewritten, children = upload_children(stack, doc, unmodelled, clients)
    rewritten += package_code(stack["name"], os.path.dirname(stack["template"]), doc, clients)
    cfn = clients["cloudformation"]
    cfn.create_stack(StackName=stack["name"], TemplateBody=yaml.safe_dump(doc), Capabilities=["CAPABILITY_NAMED_IAM"])
    deadline = time.time() + 120
    while True:
        status = cfn.describe_stacks(StackName=stack["name"])["Stacks"][0]
        if not status["StackStatus"].endswith("IN_PROGRESS") or time.time() > deadline:
            break
        time.sleep(0.3)
    found, missing = {}, []

    def look(kind, name, call):
        try:
            call(name)
            found.setdefault(kind, []).append(name)
        except Exception as error:  # the test fails on every entry of missing
            missing.append("%s %s: %s" % (kind, name, type(error).__name__))

    expect = stack["expect"]
    for name in expect.get("functions", []):
        look("functions", name, lambda n: clients["lambda"].get_function(FunctionName=n))
    for name in expect.get("tables", []):
        look("tables", name, lambda n: clients["dynamodb"].describe_table(TableName=n))
    for name in expect.get("buckets", []):
        look("buckets", name, lambda n: clients["s3"].head_bucket(Bucket=n))
    for name in expect.get("queues", []):
        look("queues", name, lambda n: clients["sqs"].get_queue_url(QueueName=n))
    for name in expect.get("roles", []):
        look("roles", name, lambda n: clients["iam"].get_role(RoleName=n))
    for name in expect.get("rules", []):
        look("rules", name, lambda n: clients["events"].describe_rule(Name=n))
    for name in expect.get("log_groups", []):
        def log_group(n):
            groups = clients["logs"].describe_log_groups(logGroupNamePrefix=n)["logGroups"]
            if not any(g["logGroupName"] == n for g in groups):
                raise LookupError(n)
        look("log_groups", name, log_group)
    checked = 0
    for function, variables in stack.get("environment", {}).items():
        try:
            actual = clients["lambda"].get_function(FunctionName=function)["Configuration"].get("Environment", {}).get("Variables", {})
        except Exception as error:
            missing.append("environment of %s: %s" % (function, type(error).__name__))
            continue
        for name, value in variables.items():
            if actual.get(name) != value:
                missing.append("environment %s %s: %r != %r" % (function, name, actual.get(name), value))
            checked += 1
    return {
        "name": stack["name"], "environment_checked": checked, "status": status["StackStatus"], "reason": status.get("StackStatusReason"),
        "found": found, "missing": missing, "stripped_outputs": stripped, "rewritten": rewritten, "children": children,
        "not_modelled": sorted({doc["Resources"][rid]["Type"] for rid in unmodelled}),
    }


def main():
    wait_for_server()
    results = []
    apps = []
    for stack in PLAN["stacks"]:
        if not apps or apps[-1][0] != stack["app"]:
            apps.append((stack["app"], []))
        apps[-1][1].append(stack)
    for _, stacks in apps:
        reset()
        clients = {name: boto3.client(name, **KW)
                   for name in ["cloudformation", "s3", "lambda", "dynamodb", "sqs", "iam", "events", "logs"]}
        clients["s3"].create_bucket(Bucket=CODE_BUCKET)
        clients["s3"].create_bucket(Bucket=TEMPLATE_BUCKET)
        for stack in stacks:
            results.append(deploy(stack, clients))
    json.dump({"stacks": results}, sys.stdout)


main()
