"""Deploys CloudFormation templates into a running moto_server and looks up what they created.

Usage: moto_smoke.py ENDPOINT PLAN.json
PLAN: {"stacks": [{"app", "name", "template", "code": ["api.zip", ...],
                   "expect": {"functions": [...], "tables": [...], "buckets": [...], "queues": [...],
                              "roles": [...], "rules": [...], "log_groups": [...]},
                   "environment": {function: {name: value}}}]}
(environment: literal variables that must reach the Lambda function byte for byte)
Stacks of one "app" are deployed together; moto is reset before each app.

Prints JSON: {"stacks": [{"name", "status", "reason", "found": {...}, "missing": [...],
"not_modelled": [types moto skips], "stripped_outputs": [...]}]}.

moto 5.2.1 does not model AWS::ApiGatewayV2::*, AWS::SecretsManager::Secret (and Scheduler,
Lambda URLs, IAM::RolePolicy) in CloudFormation: it skips them silently and still reports
CREATE_COMPLETE, and create-stack fails with HTTP 500 when an Output reads an attribute
(Fn::GetAtt) of such a resource. This script therefore removes those Outputs from the copy it
deploys (listed in stripped_outputs) and reports the skipped types; it checks nothing about them.
"""
import io
import json
import os
import sys
import time
import urllib.request
import zipfile

import boto3
import yaml
from moto.cloudformation.parsing import get_model_map

ENDPOINT, PLAN = sys.argv[1], json.load(open(sys.argv[2]))
KW = dict(endpoint_url=ENDPOINT, region_name="us-east-1")
CODE_BUCKET, CODE_PREFIX = "distlang-smoke-code", "smoke/"
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


def unmodelled_references(value, unmodelled):
    """Whether value reads (Ref or GetAtt) a resource of a type moto does not model."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "Ref" and item in unmodelled:
                return True
            if key == "Fn::GetAtt" and isinstance(item, list) and item and item[0] in unmodelled:
                return True
            if unmodelled_references(item, unmodelled):
                return True
    elif isinstance(value, list):
        return any(unmodelled_references(item, unmodelled) for item in value)
    return False


def deploy(stack, clients):
    doc = yaml.safe_load(open(stack["template"], encoding="utf-8"))
    unmodelled = {rid for rid, r in doc["Resources"].items() if r["Type"] not in MODELLED}
    stripped = [k for k, o in doc.get("Outputs", {}).items() if unmodelled_references(o, unmodelled)]
    for key in stripped:
        del doc["Outputs"][key]
    cfn = clients["cloudformation"]
    cfn.create_stack(
        StackName=stack["name"], TemplateBody=yaml.safe_dump(doc),
        Parameters=[{"ParameterKey": "CodeBucket", "ParameterValue": CODE_BUCKET},
                    {"ParameterKey": "CodeKeyPrefix", "ParameterValue": CODE_PREFIX}],
        Capabilities=["CAPABILITY_NAMED_IAM"])
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
        "found": found, "missing": missing, "stripped_outputs": stripped,
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
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("index.js", "exports.handler = async () => ({ statusCode: 200 });\n")
        for stack in stacks:
            for key in stack["code"]:
                clients["s3"].put_object(Bucket=CODE_BUCKET, Key=CODE_PREFIX + key, Body=archive.getvalue())
        for stack in stacks:
            results.append(deploy(stack, clients))
    json.dump({"stacks": results}, sys.stdout)


main()
